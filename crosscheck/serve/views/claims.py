"""The claims board: who said what, filtered; and the claims that agree or disagree, side by side."""

from __future__ import annotations

from typing import Literal

from fastapi import APIRouter, Query, Request

from crosscheck.serve.pages import page
from crosscheck.serve.views import engine_of
from crosscheck.store import evidence, grading, queries

router = APIRouter()

Stance = Literal["asserts", "denies", "confirms", "alleges", "declines"]


@page(router, "/claims", "claims.html")
def claims(request: Request, source: str | None = None, entity: str | None = None,
           stance: Stance | Literal[""] | None = None, anonymous: bool | Literal[""] | None = None,
           limit: int = Query(100, ge=1, le=1000)) -> dict:
    """Claims in document order: ``source`` (an entity that made them), ``entity`` (one they
    name), ``stance``, ``anonymous``; with the corroborations and contradictions beside them."""
    engine = engine_of(request)
    stance = stance or None  # (the board's form sends "" for "any")
    anonymous = None if anonymous == "" else anonymous
    by = queries.find_entity(engine, source) if source else None
    about = queries.find_entity(engine, entity) if entity else None
    found = queries.list_claims(engine, about=about, by=by, anonymous=anonymous, stance=stance, limit=limit)
    with engine.connect() as conn:
        graded = grading.credibility_of(conn, found)
    for c in found:
        c["grade"] = graded[c["id"]]
    return {"source": source, "entity": entity, "stance": stance, "anonymous": anonymous,
            "claims": found, **evidence.pairs(engine, limit=limit)}
