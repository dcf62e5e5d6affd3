"""The workbench's pages, one module per kind of page; each view calls the library and
returns data, which ``pages.page`` serves as HTML and as JSON."""

from __future__ import annotations

from fastapi import Request
from sqlalchemy import Engine


def engine_of(request: Request) -> Engine:
    return request.app.state.engine
