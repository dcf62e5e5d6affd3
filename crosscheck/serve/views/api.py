"""The API, for people: the JSON routes as the OpenAPI description lists them."""

from __future__ import annotations

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse

router = APIRouter()


@router.get("/api", include_in_schema=False, response_class=HTMLResponse)
def api(request: Request) -> HTMLResponse:
    schema = request.app.openapi()
    routes = [{"method": method.upper(), "path": path, "summary": op.get("summary") or "",
               "parameters": [p["name"] for p in op.get("parameters", [])]}
              for path, ops in schema["paths"].items() for method, op in ops.items()]
    return request.app.state.templates.TemplateResponse(
        request, "api.html", {"data": {"routes": routes}, "json_url": "/openapi.json", "page": "api"})
