"""Full-text search over documents and claims."""

from __future__ import annotations

from fastapi import APIRouter, Query, Request

from crosscheck.serve.pages import page
from crosscheck.serve.views import engine_of
from crosscheck.store import search as searching

router = APIRouter()


@page(router, "/search", "search.html")
def search(request: Request, q: str = "", limit: int = Query(20, ge=1, le=200)) -> dict:
    """Documents that hold every word of ``q`` (best first, with a snippet) and claims whose
    words hold them."""
    engine = engine_of(request)
    return {"q": q, "documents": searching.search(engine, q, limit=limit, mark=searching.MARKS),
            "claims": searching.search_claims(engine, q, limit=limit)}
