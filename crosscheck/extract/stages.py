"""The registry of extraction stages.

A stage is a small function ``(analysis, parsed) -> None`` that reads what earlier
stages put in the :class:`~crosscheck.model.Analysis` and adds to it. ``parsed`` is
the list of ``(offset, spacy.tokens.Doc)`` pieces of the document's text (one piece
unless the text is long). Stages declare what they need and what they add, and a
version that goes into the provenance of every fact they produce: bump it when the
stage's output changes.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from crosscheck.errors import UsageError

if TYPE_CHECKING:
    from spacy.tokens import Doc

    from crosscheck.model import Analysis

Parsed = Sequence[tuple[int, "Doc"]]
StageFunc = Callable[["Analysis", Parsed], None]


@dataclass(frozen=True)
class Stage:
    name: str
    version: str
    requires: tuple[str, ...]
    assigns: tuple[str, ...]
    func: StageFunc

    @property
    def label(self) -> str:
        return f"{self.name}@{self.version}"

    def __call__(self, analysis: Analysis, parsed: Parsed) -> None:
        self.func(analysis, parsed)
        analysis.stages.append(self.label)


REGISTRY: dict[str, Stage] = {}


def stage(name: str, version: str, requires: Sequence[str] = (), assigns: Sequence[str] = ()):
    """Register a stage function under ``name``."""

    def register(func: StageFunc) -> StageFunc:
        REGISTRY[name] = Stage(name, version, tuple(requires), tuple(assigns), func)
        return func

    return register


def resolve_stages(names: Sequence[str]) -> list[Stage]:
    """Look up stages by name and check that each one's needs are met in order."""
    # Importing the stage modules registers them.
    from crosscheck.extract import (  # noqa: F401
        acronyms,
        aliases,
        claim_tagger,
        claims,
        consistency,
        dates,
        events,
        kunyas,
        mentions,
        outlets,
        places,
        propositions,
        references,
        relations,
        sentences,
        spans,
        titles,
    )

    available = {"parse"}
    result = []
    for name in names:
        if name not in REGISTRY:
            raise UsageError(f"unknown extraction stage '{name}'; known: {', '.join(sorted(REGISTRY))}")
        st = REGISTRY[name]
        missing = [r for r in st.requires if r not in available]
        if missing:
            raise UsageError(f"stage '{name}' needs {', '.join(missing)}, which no earlier stage assigns")
        available.update(st.assigns)
        result.append(st)
    return result
