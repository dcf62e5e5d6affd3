"""The demo: ingest the bundled sample reports and summarise what was found."""

from __future__ import annotations

from dataclasses import asdict
from pathlib import Path

from sqlalchemy import Engine

from crosscheck.extract import Extractor
from crosscheck.ingest.batch import ingest
from crosscheck.ingest.files import find_files
from crosscheck.store import assessment, queries, resolution

SAMPLES = Path(__file__).parent / "samples"


def sample_files() -> list[Path]:
    """The sample reports (described in docs/samples.md)."""
    return list(find_files([SAMPLES]))


def run(engine: Engine, progress_console=None, top: int = 8) -> dict:
    tick = None
    if progress_console is not None:
        def tick(path: str, outcome: str) -> None:
            progress_console.print(f"  {outcome}: {Path(path).name}")

    report = ingest(engine, sample_files(), Extractor(), progress=tick)
    if not report.added:
        # A demo workspace from an earlier run: resolve it as this version does (ingest
        # resolves only when it adds documents).
        resolution.run(engine)
    outcome = assessment.run(engine) if not report.added else None
    assessed = report.assessment or asdict(outcome)
    summary = {
        "assessment": assessed,
        "ingest": {"added": len(report.added), "unchanged": len(report.unchanged), "failed": report.failed},
        "warnings": report.warnings,
        "counts": queries.counts(engine),
        "top": {},
        "values": {},
    }
    for type_ in ("person", "organization", "place"):
        summary["top"][type_] = []
        for e in queries.list_entities(engine, type_=type_, limit=top):
            aliases = [a for a, _ in queries.aliases(engine, e.id, e.name)]
            summary["top"][type_].append(
                {"id": e.id, "name": e.name, "mentions": e.mentions, "documents": e.documents,
                 "aliases": aliases}
            )
    for key, n in summary["counts"].items():
        if key.startswith("values."):
            summary["values"][key.split(".", 1)[1]] = n
    return summary
