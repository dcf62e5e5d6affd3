"""The link chart: a page that draws it, and the nodes and edges around an entity as JSON."""

from __future__ import annotations

from fastapi import APIRouter, Query, Request

from crosscheck.errors import UsageError, message
from crosscheck.serve.pages import page
from crosscheck.serve.views import engine_of
from crosscheck.store import graph as links
from crosscheck.store import queries

router = APIRouter()


@page(router, "/graph", "graph.html")
def graph(request: Request, entity: str | None = None, type: list[str] | None = Query(None),
          since: str | None = None, until: str | None = None, limit: int = Query(60, ge=1, le=500)) -> dict:
    """Nodes and edges around ``entity`` (or the most connected entities), keeping the node
    ``type``s given (repeat it: ``type=person&type=event``) and what is dated between
    ``since`` and ``until`` (ISO dates)."""
    engine = engine_of(request)
    kept = {t for value in type or [] for t in value.split(",") if t} or None
    if kept and kept - set(links.NODE_TYPES):
        unknown = ", ".join(sorted(kept - set(links.NODE_TYPES)))
        known = ", ".join(links.NODE_TYPES)
        raise UsageError(message("bad_parameter", detail=f"type: {unknown} unknown; use {known}"))
    centre = queries.find_entity(engine, entity) if entity else None
    found = links.neighbourhood(engine, centre, kept, since, until, limit)
    names = {n["id"]: n["label"] for n in found["nodes"]}
    return {**found, "entity": entity, "centre_name": names.get(found["centre"]),
            "types": sorted(kept) if kept else list(links.NODE_TYPES),
            "since": since, "until": until, "all_types": list(links.NODE_TYPES)}
