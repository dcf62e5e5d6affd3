"""The timeline: events and dated claims, in order."""

from __future__ import annotations

from fastapi import APIRouter, Query, Request

from crosscheck.serve.pages import page
from crosscheck.serve.views import engine_of
from crosscheck.store import queries

router = APIRouter()


@page(router, "/timeline", "timeline.html")
def timeline(request: Request, entity: str | None = None, limit: int = Query(500, ge=1, le=5000)) -> dict:
    """Events by date (their own, else their report's) and claims by their report's date;
    with ``entity``, those that concern it."""
    engine = engine_of(request)
    about = queries.find_entity(engine, entity) if entity else None
    events = queries.timeline(engine, about=about, limit=limit)
    said = [c for c in queries.list_claims(engine, about=about, limit=limit) if c["document_date"]]
    items = [{"date": e["date"] or e["document_date"], "kind": "event", "event": e} for e in events]
    items += [{"date": c["document_date"], "kind": "claim", "claim": c} for c in said]
    items.sort(key=lambda i: (i["date"] is None, i["date"] or ""))
    return {"entity": entity, "entity_id": about, "entries": items[:limit]}
