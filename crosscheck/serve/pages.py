"""One view, two faces: every page is a function that returns data, served as HTML through
its template at ``/path`` and as JSON at ``/path.json`` (datasette's way). Only the JSON face
is in the OpenAPI description: it is the API; the HTML face is for people."""

from __future__ import annotations

import dataclasses
import datetime
import functools
import inspect
import json
from collections.abc import Callable
from pathlib import Path

import jinja2
from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse, JSONResponse, Response
from starlette.templating import Jinja2Templates

from crosscheck import __version__
from crosscheck.serve import highlight

TEMPLATES = Path(__file__).parent / "templates"


def templates() -> Jinja2Templates:
    # Autoescape everything: a report's text is untrusted and goes into every page.
    env = jinja2.Environment(loader=jinja2.FileSystemLoader(TEMPLATES), autoescape=True,
                             undefined=jinja2.StrictUndefined, trim_blocks=True, lstrip_blocks=True)
    env.globals["version"] = __version__
    env.globals["runs"] = highlight.runs
    return Jinja2Templates(env=env)


def _with_request(view: Callable) -> inspect.Signature:
    """The view's signature with ``request`` first, for FastAPI to fill."""
    sig = inspect.signature(view)
    params = [p for p in sig.parameters.values() if p.name != "request"]
    request = inspect.Parameter("request", inspect.Parameter.POSITIONAL_OR_KEYWORD, annotation=Request)
    return sig.replace(parameters=[request, *params], return_annotation=inspect.Signature.empty)


def _plain(value):
    """What ``json`` cannot write itself: the library's dataclasses, dates, sets."""
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return dataclasses.asdict(value)
    if isinstance(value, (set, frozenset, tuple)):
        return list(value)
    if isinstance(value, (datetime.date, datetime.datetime)):
        return value.isoformat()
    raise TypeError(f"{type(value).__name__} is not JSON")


def json_response(data, status_code: int = 200) -> Response:
    # json.dumps straight away: FastAPI's jsonable_encoder walks every value in Python first,
    # which on a profile page costs more than the queries behind it.
    body = json.dumps(data, default=_plain, ensure_ascii=False, separators=(",", ":"))
    return Response(body.encode("utf-8"), status_code=status_code, media_type="application/json")


def _json_path(path: str) -> str:
    return path + "index.json" if path.endswith("/") else path + ".json"


def page(router: APIRouter, path: str, template: str, *, summary: str | None = None) -> Callable:
    """Register ``view`` at ``path`` (HTML, through ``template``) and ``path.json`` (JSON).

    The view takes its query and path parameters (FastAPI reads them from its signature, as
    for any endpoint) and, if it asks for it, ``request``; it returns a dict."""

    def register(view: Callable) -> Callable:
        wants_request = "request" in inspect.signature(view).parameters

        def call(request: Request, kw: dict) -> dict:
            return view(request=request, **kw) if wants_request else view(**kw)

        @functools.wraps(view)
        def as_json(request: Request, **kw) -> Response:
            return json_response(call(request, kw))

        @functools.wraps(view)
        def as_html(request: Request, **kw) -> HTMLResponse:
            data = call(request, kw)
            json_url = request.url.replace(path=_json_path(request.url.path))
            return request.app.state.templates.TemplateResponse(
                request, template, {"data": data, "json_url": str(json_url), "page": view.__name__})

        as_json.__signature__ = as_html.__signature__ = _with_request(view)  # type: ignore[attr-defined]
        # The JSON route first: "/entities/{id}" would also match "/entities/x.json".
        router.add_api_route(_json_path(path), as_json, methods=["GET"], name=f"{view.__name__}_json",
                             summary=summary or (view.__doc__ or "").strip().split("\n")[0] or None,
                             response_class=JSONResponse)
        router.add_api_route(path, as_html, methods=["GET"], name=view.__name__, include_in_schema=False,
                             response_class=HTMLResponse)
        return view

    return register
