"""Which files a list of paths given on the command line stands for."""

from __future__ import annotations

import os
from collections.abc import Iterable, Iterator
from pathlib import Path

from crosscheck.ingest.readers import SUPPORTED_SUFFIXES


def find_files(paths: Iterable[str | Path]) -> Iterator[Path]:
    """Each file to read, once, in a stable order.

    A file is yielded as given (even with an unsupported suffix, so that reading it
    says why it is skipped); a directory gives its supported, non-hidden files,
    recursively, sorted by path. A path that does not exist is yielded too:
    reading it raises the error, and the rest of the batch goes on.
    """
    seen: set[Path] = set()
    for given in paths:
        path = Path(given)
        found = _under(path) if path.is_dir() else [path]
        for file in found:
            key = _key(file)
            if key not in seen:
                seen.add(key)
                yield file


def _under(root: Path) -> list[Path]:
    found = []
    unlistable: list[Path] = []

    def note(error: OSError) -> None:
        # Yielded so that reading it reports the directory instead of skipping it silently.
        unlistable.append(Path(error.filename))

    # os.walk does not follow links to directories, so a link loop cannot trap it.
    for folder, dirs, files in os.walk(root, onerror=note):
        dirs[:] = [d for d in dirs if not d.startswith(".")]
        for name in files:
            if not name.startswith(".") and Path(name).suffix.lower() in SUPPORTED_SUFFIXES:
                found.append(Path(folder, name))
    return sorted(found + unlistable, key=lambda p: p.relative_to(root).parts)


def _key(path: Path) -> Path:
    try:
        return path.resolve()
    except OSError:  # e.g. a symlink loop: compare it as written
        return path.absolute()
