"""The overview: what the workspace holds, the latest documents, open review items."""

from __future__ import annotations

from fastapi import APIRouter, Request

from crosscheck.serve.pages import page
from crosscheck.serve.views import engine_of
from crosscheck.store import reading

router = APIRouter()


@page(router, "/", "overview.html")
def overview(request: Request) -> dict:
    """Counts of documents, entities, claims and events; the latest documents; open review items."""
    return reading.overview(engine_of(request))
