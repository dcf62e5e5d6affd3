#!/usr/bin/env python3
"""Project tasks that need nothing but Python 3.11+ and the package registries.

    python3 tasks.py demo     # set up .venv, ingest the sample reports, open the workbench on them
    python3 tasks.py test     # set up .venv, run the test suite (extra args go to pytest)
    python3 tasks.py check    # lint, then the tests
    python3 tasks.py lock     # recompile the hashed requirements after editing requirements/*.in
    python3 tasks.py bench    # also install requirements/bench.txt (textacy, a baseline of bench.attribution)

Setup installs the exact, hashed pins of requirements/main.txt and dev.txt into
.venv (again only when those files change).
"""

from __future__ import annotations

import hashlib
import os
import shutil
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent
VENV = ROOT / ".venv"
BIN = VENV / ("Scripts" if os.name == "nt" else "bin")
PIP = ROOT / "requirements" / "pip.txt"
REQUIREMENTS = [ROOT / "requirements" / "main.txt", ROOT / "requirements" / "dev.txt"]
STAMP = VENV / ".crosscheck-requirements"
WEB = ROOT / "crosscheck" / "serve"


def run(*cmd: str | Path, **kw) -> None:
    print("+", " ".join(str(c) for c in cmd), flush=True)
    result = subprocess.run([str(c) for c in cmd], cwd=ROOT, **kw)
    if result.returncode:
        sys.exit(result.returncode)


def setup() -> None:
    if sys.version_info < (3, 11):  # noqa: UP036 - tasks.py runs on whatever python3 is
        sys.exit(f"crosscheck needs Python 3.11 or newer; this is {sys.version.split()[0]}")
    digest = hashlib.sha256(b"".join(p.read_bytes() for p in [PIP, *REQUIREMENTS, ROOT / "pyproject.toml"]))
    if STAMP.exists() and STAMP.read_text() == digest.hexdigest():
        return
    if not (BIN / "python").exists():
        run(sys.executable, "-m", "venv", VENV)
    pip = [BIN / "python", "-m", "pip", "install", "--disable-pip-version-check"]
    run(*pip, "--require-hashes", "-r", PIP)
    args = [a for r in REQUIREMENTS for a in ("-r", r)]
    run(*pip, "--require-hashes", *args)
    # setuptools is pinned in main.txt, so the project builds without fetching anything else.
    run(*pip, "--no-deps", "--no-build-isolation", "-e", ".")
    STAMP.write_text(digest.hexdigest())


def assets() -> None:
    """The web workbench's front-end libraries, pinned by package-lock.json (npm ci)."""
    lock = WEB / "package-lock.json"
    stamp = WEB / "node_modules" / ".crosscheck-lock"
    if stamp.exists() and stamp.read_text() == hashlib.sha256(lock.read_bytes()).hexdigest():
        return
    npm = shutil.which("npm")
    if npm is None:
        print("npm not found: the web workbench's link chart needs it once (apt-get install npm)", flush=True)
        return
    run(npm, "ci", "--ignore-scripts", "--no-audit", "--no-fund", "--prefix", WEB)
    stamp.write_text(hashlib.sha256(lock.read_bytes()).hexdigest())


def demo(args: list[str]) -> None:
    setup()
    assets()
    run(BIN / "crosscheck", *(args or ["--workspace", "demo-workspace"]), "demo", "--serve")


def test(args: list[str]) -> None:
    setup()
    assets()
    run(BIN / "python", "-m", "pytest", *args)


def check(args: list[str]) -> None:
    setup()
    paths = [p for p in ("crosscheck", "tests", "bench", "tasks.py") if (ROOT / p).exists()]
    run(BIN / "python", "-m", "ruff", "check", *paths)
    test(args)


def lock(args: list[str]) -> None:
    setup()
    run(BIN / "python", "-m", "pip", "install", "--disable-pip-version-check", "uv")
    for name in ("main", "dev", "bench"):
        run(BIN / "uv", "pip", "compile", "--quiet", "--python-version", "3.11", "--generate-hashes",
            "--index-url", "https://pypi.org/simple", f"requirements/{name}.in", "-o",
            f"requirements/{name}.txt")


def bench(args: list[str]) -> None:
    setup()
    run(BIN / "python", "-m", "pip", "install", "--disable-pip-version-check", "--require-hashes",
        "-r", ROOT / "requirements" / "main.txt", "-r", ROOT / "requirements" / "bench.txt")


TASKS = {"demo": demo, "test": test, "check": check, "lock": lock, "bench": bench,
         "setup": lambda args: (setup(), assets())}

if __name__ == "__main__":
    if len(sys.argv) < 2 or sys.argv[1] not in TASKS:
        sys.exit(__doc__)
    TASKS[sys.argv[1]](sys.argv[2:])
