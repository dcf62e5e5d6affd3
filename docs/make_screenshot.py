"""Regenerate docs/demo.svg, the terminal screenshot in the README:

    .venv/bin/python docs/make_screenshot.py
"""

import tempfile
from pathlib import Path

from rich.console import Console

from crosscheck import cli

cli.out = Console(record=True, width=104, highlight=False, markup=False)
with tempfile.TemporaryDirectory() as tmp:
    try:
        cli.main(["--workspace", str(Path(tmp) / "demo-workspace"), "demo"])
    except SystemExit:
        pass
cli.out.save_svg(str(Path(__file__).parent / "demo.svg"), title="python3 tasks.py demo")
