"""Data files beside the code (labels, titles, gazetteer), each loaded once."""

from __future__ import annotations

import functools
from pathlib import Path
from typing import Any

import yaml

HERE = Path(__file__).parent


@functools.cache
def load(name: str) -> Any:
    """Load ``crosscheck/extract/<name>`` (YAML), or an absolute path."""
    path = Path(name)
    if not path.is_absolute():
        path = HERE / name
    with path.open(encoding="utf-8") as f:
        return yaml.safe_load(f)


def labels() -> dict[str, dict[str, Any]]:
    return load("labels.yml")["labels"]
