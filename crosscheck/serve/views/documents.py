"""Documents: the list, one document read with its marks, and upload."""

from __future__ import annotations

from fastapi import APIRouter, File, Form, Query, Request, UploadFile
from fastapi.responses import HTMLResponse, JSONResponse

from crosscheck.ingest.batch import Overrides
from crosscheck.serve import uploads
from crosscheck.serve.pages import page
from crosscheck.serve.views import engine_of
from crosscheck.store import reading

router = APIRouter()


@page(router, "/documents", "documents.html")
def documents(request: Request, limit: int = Query(50, ge=1, le=500), offset: int = Query(0, ge=0)) -> dict:
    """The documents, newest first, with their numbers of mentions and claims."""
    return reading.list_documents(engine_of(request), limit=limit, offset=offset)


@page(router, "/documents/{document_id}", "document.html")
def document(request: Request, document_id: str) -> dict:
    """One document: metadata, text, and its mentions, claims and events with their spans."""
    return reading.document(engine_of(request), document_id)


def _upload_report(request: Request, files: list[UploadFile], date: str | None, outlet: str | None,
                   author: str | None) -> dict:
    state = request.app.state
    given = Overrides(date=date or None, outlet=outlet or None, author=author or None)
    return uploads.ingest_uploads(state.engine, files, state.uploads, state.extractor,
                                  max_bytes=state.max_bytes, overrides=given)


def _status(report: dict) -> int:
    """200 all stored; 207 some failed, the rest stored; 422 none could be read."""
    if not report["failed"]:
        return 200
    return 207 if report["added"] or report["unchanged"] or report["updated"] else 422


@router.post("/documents.json", summary="Upload reports: each is read, extracted and stored, or "
             "reported with the reason it was not", response_class=JSONResponse)
def upload_json(request: Request, files: list[UploadFile] = File(...), date: str | None = Form(None),
                outlet: str | None = Form(None), author: str | None = Form(None)) -> JSONResponse:
    report = _upload_report(request, files, date, outlet, author)
    return JSONResponse(report, status_code=_status(report))


@router.post("/documents", include_in_schema=False, response_class=HTMLResponse)
def upload(request: Request, files: list[UploadFile] = File(...), date: str | None = Form(None),
           outlet: str | None = Form(None), author: str | None = Form(None)) -> HTMLResponse:
    report = _upload_report(request, files, date, outlet, author)
    return request.app.state.templates.TemplateResponse(
        request, "uploaded.html", {"data": report, "json_url": None, "page": "upload"},
        status_code=_status(report))
