"""Entities: the list, and each entity's profile."""

from __future__ import annotations

from typing import Literal

from fastapi import APIRouter, Query, Request

from crosscheck.serve.pages import page
from crosscheck.serve.views import engine_of
from crosscheck.store import profiles, queries

router = APIRouter()

EntityType = Literal["person", "organization", "place", "other"]


@page(router, "/entities", "entities.html")
def entities(request: Request, type: EntityType | None = None, q: str | None = None,
             limit: int = Query(50, ge=1, le=500), offset: int = Query(0, ge=0)) -> dict:
    """Entities after resolution, most mentioned first; ``type`` keeps one kind, ``q`` those
    whose name holds these letters."""
    found = queries.list_entities(engine_of(request), type_=type, limit=limit, offset=offset, name=q or None)
    return {"type": type, "q": q, "limit": limit, "offset": offset, "entities": found}


@page(router, "/entities/{entity_id}", "entity.html")
def entity(request: Request, entity_id: str) -> dict:
    """An entity's profile: names and their kinds, titles, relations, events, claims by and
    about it with the pairs they are in, its grade as a source, its documents."""
    return profiles.profile(engine_of(request), entity_id)
