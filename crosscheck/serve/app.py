"""The web workbench: FastAPI over the same library functions as the CLI.

``create_app(engine)`` builds the application; ``crosscheck serve`` runs it with uvicorn.
Every page has a JSON twin (``/entities`` and ``/entities.json``); the JSON routes are
described at ``/openapi.json`` and listed, for people, at ``/api``."""

from __future__ import annotations

import logging
from collections.abc import Callable
from functools import cache
from pathlib import Path

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import HTMLResponse, JSONResponse, Response
from fastapi.staticfiles import StaticFiles
from sqlalchemy import Engine
from starlette.exceptions import HTTPException

from crosscheck import __version__
from crosscheck.errors import CrosscheckError, NotFoundError, message
from crosscheck.ingest.readers import DEFAULT_MAX_BYTES
from crosscheck.serve import assets
from crosscheck.serve.pages import templates
from crosscheck.serve.views import api, claims, documents, entities, graph, overview, review, search, timeline

log = logging.getLogger("crosscheck.serve")

STATIC = Path(__file__).parent / "static"

# Scripts and styles only from this server, no inline script, no plugin, no framing: a
# report's text that slipped past escaping still could not run.
SECURITY_HEADERS = {
    "Content-Security-Policy": (
        # Inline styles: the chart library sets style attributes; no script can run from CSS.
        "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; "
        "object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'"),
    "X-Content-Type-Options": "nosniff",
    # (same-origin, not no-referrer: with no-referrer a browser sends "Origin: null" on the
    # workbench's own forms, and the origin check below could not tell them from another site's)
    "Referrer-Policy": "same-origin",
    "X-Frame-Options": "DENY",
}


def create_app(engine: Engine, extractor: Callable | object | None = None, uploads: Path | None = None,
               max_bytes: int = DEFAULT_MAX_BYTES) -> FastAPI:
    """The workbench over ``engine``. ``extractor``: the Extractor for uploads (or a function
    that makes one; default: the configured pipeline, loaded on the first upload);
    ``uploads``: where uploaded files are kept (default: a folder beside the database);
    ``max_bytes``: the largest file an upload may hold."""
    app = FastAPI(title="crosscheck", version=__version__, docs_url=None, redoc_url=None,
                  description="The evidence graph of a crosscheck workspace: documents, entities, claims, "
                              "relations, events and the assessment. Every page's data at its `.json` twin.")
    app.state.engine = engine
    app.state.templates = templates()
    app.state.max_bytes = max_bytes
    app.state.uploads = uploads or _default_uploads(engine)
    app.state.extractor = _lazy(extractor)
    app.mount("/static/vendor", StaticFiles(directory=assets.vendor_dir(), check_dir=False), name="vendor")
    app.mount("/static", StaticFiles(directory=STATIC), name="static")
    for views in (api, overview, documents, entities, claims, graph, timeline, search, review):
        app.include_router(views.router)

    app.add_middleware(LimitsAndHeaders, max_request=max_bytes * 4)

    @app.exception_handler(CrosscheckError)
    async def crosscheck_error(request: Request, exc: CrosscheckError) -> Response:
        return _error(request, 404 if isinstance(exc, NotFoundError) else 400, exc.code, exc.message)

    @app.exception_handler(RequestValidationError)
    async def bad_request(request: Request, exc: RequestValidationError) -> Response:
        # One message per parameter (the first its type gave): "limit: Input should be ...".
        said: dict[str, str] = {}
        for e in exc.errors():
            said.setdefault(str(e["loc"][1]) if len(e["loc"]) > 1 else "request", e["msg"])
        detail = "; ".join(f"{name}: {msg}" for name, msg in said.items())
        return _error(request, 422, "E422", detail)

    @app.exception_handler(HTTPException)
    async def http_error(request: Request, exc: HTTPException) -> Response:
        text = "no such page" if exc.status_code == 404 else str(exc.detail)
        return _error(request, exc.status_code, f"E{exc.status_code}", text)

    @app.exception_handler(Exception)
    async def server_error(request: Request, exc: Exception) -> Response:
        # The traceback goes to the server's log, never to the page.
        log.exception("error serving %s", request.url.path)
        return _error(request, 500, "E500", "something went wrong on the server; its log says what")

    return app


class LimitsAndHeaders:
    """Every response gets the security headers; a request plainly larger than an upload may
    be (several files of ``max_bytes`` each) is refused before it is read; a request that
    changes something (an upload, a judgement) from a page of another site is refused, so that
    a page on the web cannot post to the workbench on the analyst's machine. A plain ASGI
    middleware: Starlette's ``BaseHTTPMiddleware`` costs milliseconds a request."""

    def __init__(self, app, max_request: int):
        self.app = app
        self.max_request = max_request
        self.headers = [(k.lower().encode(), v.encode()) for k, v in SECURITY_HEADERS.items()]

    async def __call__(self, scope, receive, send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        headers = dict(scope["headers"])
        size = headers.get(b"content-length", b"")
        origin = headers.get(b"origin")
        if scope["method"] not in ("GET", "HEAD", "OPTIONS") and origin is not None and \
                origin.split(b"://", 1)[-1] != headers.get(b"host", b""):
            request = Request(scope, receive)
            response = _error(request, 403, "E403", message("cross_site", origin=origin.decode("latin-1")))
            await response(scope, receive, self._with_headers(send))
            return
        if size.isdigit() and int(size) > self.max_request:
            request = Request(scope, receive)
            response = _error(request, 413, "E413", message("upload_too_large", size=int(size),
                                                             limit=self.max_request))
            await response(scope, receive, self._with_headers(send))
            return
        await self.app(scope, receive, self._with_headers(send))

    def _with_headers(self, send):
        async def sending(event) -> None:
            if event["type"] == "http.response.start":
                present = {k.lower() for k, _ in event.get("headers", [])}
                event = {**event, "headers": [*event.get("headers", []),
                                              *((k, v) for k, v in self.headers if k not in present)]}
            await send(event)
        return sending


def _wants_json(request: Request) -> bool:
    path = request.url.path
    return path.endswith(".json") or path.startswith("/openapi") or (
        "application/json" in request.headers.get("accept", "") and "text/html" not in
        request.headers.get("accept", ""))


def _error(request: Request, status: int, code: str, text: str) -> Response:
    if _wants_json(request):
        return JSONResponse({"error": code, "message": text}, status_code=status)
    page = request.app.state.templates.get_template("error.html").render(
        request=request, data={"status": status, "code": code, "message": text}, json_url=None, page="error")
    return HTMLResponse(page, status_code=status)


def _default_uploads(engine: Engine) -> Path:
    database = engine.url.database
    if engine.url.get_backend_name() == "sqlite" and database and database != ":memory:":
        return Path(database).parent / "uploads"
    return Path.cwd() / "crosscheck-uploads"


def _lazy(extractor: Callable | object | None) -> Callable:
    """A function giving the Extractor, made once on first use (loading a model takes seconds)."""
    if extractor is not None and hasattr(extractor, "pipe"):  # an Extractor itself
        return lambda: extractor

    @cache
    def make():
        if extractor is not None:
            return extractor()
        from crosscheck.extract import Extractor

        return Extractor()

    return make
