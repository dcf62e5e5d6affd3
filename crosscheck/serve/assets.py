"""Front-end libraries, from the npm registry: ``package.json`` beside this file pins them
(with ``package-lock.json``'s integrity hashes), and the project's setup installs them
with ``npm ci`` into ``node_modules`` here. Nothing third-party is kept in the repository."""

from __future__ import annotations

from pathlib import Path

HERE = Path(__file__).parent
# What the pages load, by the path under /static/vendor/ -> the file in node_modules.
FILES = {
    "cytoscape.min.js": "cytoscape/dist/cytoscape.min.js",
}


def vendor_dir() -> Path:
    return HERE / "node_modules"


def missing() -> list[str]:
    """The libraries that are not installed (run ``python3 tasks.py setup``, which needs npm)."""
    return [name for name, path in FILES.items() if not (vendor_dir() / path).exists()]
