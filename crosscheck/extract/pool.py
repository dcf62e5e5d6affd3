"""Extraction in worker processes.

Each worker parses and runs the stages itself and sends back only the
:class:`~crosscheck.model.Analysis` (sentences and mentions), never the spaCy
``Doc``: shipping parsed documents between processes, as ``nlp.pipe(n_process=)``
does, costs the main process more than the stages themselves. Workers are
forked after the model is loaded, so they share its memory and start at once.
"""

from __future__ import annotations

import multiprocessing
from collections import deque
from collections.abc import Iterable, Iterator
from itertools import islice
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from crosscheck.extract.pipeline import Extractor
    from crosscheck.model import Analysis, Document

_EXTRACTOR: Extractor | None = None
# A fresh fork (of the parent, which holds the loaded model) costs milliseconds.
_TASKS_PER_WORKER = 100


def available() -> bool:
    return "fork" in multiprocessing.get_all_start_methods()


def _init(extractor: Extractor) -> None:
    global _EXTRACTOR
    _EXTRACTOR = extractor


def _extract(documents: list[Document]) -> list[Analysis]:
    assert _EXTRACTOR is not None
    return list(_EXTRACTOR.pipe(documents))


def pipe(extractor: Extractor, documents: Iterable[Document], n_process: int,
         chunk: int = 4) -> Iterator[Analysis]:
    """Analyses of ``documents`` in order, from ``n_process`` workers.

    At most ``2 * n_process + 1`` chunks are in flight, and each worker is
    replaced after ``_TASKS_PER_WORKER`` chunks (spaCy's caches only grow), so
    memory stays flat however many documents come.
    """
    _ = extractor.nlp  # load before forking: the workers inherit it
    context = multiprocessing.get_context("fork")
    documents = iter(documents)
    with context.Pool(n_process, initializer=_init, initargs=(extractor,),
                      maxtasksperchild=_TASKS_PER_WORKER) as pool:
        pending: deque = deque()
        while batch := list(islice(documents, chunk)):
            pending.append(pool.apply_async(_extract, (batch,)))
            if len(pending) > 2 * n_process:
                yield from pending.popleft().get()
        while pending:
            yield from pending.popleft().get()
