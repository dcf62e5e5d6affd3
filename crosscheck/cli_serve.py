"""``crosscheck serve``: the web workbench over a workspace (FastAPI, run by uvicorn)."""

from __future__ import annotations

import click

from crosscheck.cli import Context, cli, err
from crosscheck.ingest.readers import DEFAULT_MAX_BYTES


def run_server(engine, host: str, port: int, max_bytes: int = DEFAULT_MAX_BYTES,
               open_browser: bool = False) -> None:
    import uvicorn

    from crosscheck.serve import assets
    from crosscheck.serve.app import create_app

    app = create_app(engine, max_bytes=max_bytes)
    url = f"http://{host}:{port}/"
    if assets.missing():
        err.print("warning: the link chart's script is not installed (python3 tasks.py setup installs it "
                  "with npm); every other page works")
    err.print(f"crosscheck workbench at {url} (Ctrl-C stops it)")
    if open_browser:
        import threading
        import webbrowser

        threading.Timer(1.0, lambda: webbrowser.open(url)).start()
    uvicorn.run(app, host=host, port=port, log_level="warning")


@cli.command()
@click.option("--host", default="127.0.0.1", show_default=True,
              help="Address to listen on (127.0.0.1: this machine only).")
@click.option("--port", type=click.IntRange(1, 65535), default=8000, show_default=True)
@click.option("--max-bytes", type=click.IntRange(min=1), default=DEFAULT_MAX_BYTES, show_default=True,
              help="Refuse uploaded files larger than this.")
@click.option("--open", "open_browser", is_flag=True, help="Open the workbench in a browser.")
@click.pass_obj
def serve(obj: Context, host: str, port: int, max_bytes: int, open_browser: bool) -> None:
    """Serve the web workbench over the workspace: documents, entities, claims, link chart,
    timeline, search, review; every page also as JSON (add .json), described at /openapi.json."""
    run_server(obj.engine(), host, port, max_bytes, open_browser)
