"""Review: the doubtful merges, to accept or reject; each answer is a judgement."""

from __future__ import annotations

from typing import Literal

from fastapi import APIRouter, Form, Request
from fastapi.responses import JSONResponse, RedirectResponse

from crosscheck.serve.pages import page
from crosscheck.serve.views import engine_of
from crosscheck.store import resolution

router = APIRouter()


@page(router, "/review", "review.html")
def review(request: Request) -> dict:
    """Pairs of entities the name matcher was unsure of, best first, with why; and the
    judgements made so far."""
    engine = engine_of(request)
    return {"pairs": resolution.pairs(engine, "review"), "judgements": resolution.list_judgements(engine)}


def _judge(request: Request, a: str, b: str, verdict: str, note: str | None) -> dict:
    engine = engine_of(request)
    judgement = resolution.judge(engine, a, b, verdict, note or None)
    outcome = resolution.run(engine)
    return {"judgement": judgement, "verdict": verdict, "a": a, "b": b, "resolution": vars(outcome)}


@router.post("/review.json", summary="Judge a pair: the same entity, different ones, or unsure")
def judge_json(request: Request, a: str = Form(...), b: str = Form(...),
               verdict: Literal["same", "different", "unsure"] = Form(...), note: str | None = Form(None)):
    return JSONResponse(_judge(request, a, b, verdict, note))


@router.post("/review", include_in_schema=False)
def judge(request: Request, a: str = Form(...), b: str = Form(...),
          verdict: Literal["same", "different", "unsure"] = Form(...), note: str | None = Form(None)):
    _judge(request, a, b, verdict, note)
    return RedirectResponse("/review", status_code=303)
