"""Regenerate the workbench screenshots in the README (an entity page and the link chart),
from the sample reports read by the real pipeline, in Debian's chromium:

    .venv/bin/python docs/make_web_screenshots.py
"""

import shutil
import socket
import tempfile
import threading
import time
from pathlib import Path

import uvicorn
from playwright.sync_api import sync_playwright

from crosscheck.demo import run
from crosscheck.serve.app import create_app
from crosscheck.store import db, queries

HERE = Path(__file__).parent

with tempfile.TemporaryDirectory() as tmp:
    engine = db.open_workspace(Path(tmp) / "ws", create_missing=True)
    run(engine)
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    server = uvicorn.Server(uvicorn.Config(create_app(engine), host="127.0.0.1", port=port, log_level="warning"))
    threading.Thread(target=server.run, daemon=True).start()
    while not server.started:
        time.sleep(0.1)
    base = f"http://127.0.0.1:{port}"
    person = queries.find_entity(engine, "Jalil Sabah al-Darraji")
    brigade = queries.find_entity(engine, "Nur al-Huda Brigade")
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=shutil.which("chromium"), headless=True, args=["--no-sandbox"])
        page = browser.new_page(viewport={"width": 1200, "height": 900})
        page.goto(f"{base}/entities/{person}")
        page.screenshot(path=HERE / "workbench-entity.png")
        page.goto(f"{base}/graph?entity={brigade}")
        page.wait_for_selector("#chart[data-ready='true']", state="attached")
        page.wait_for_timeout(500)
        page.screenshot(path=HERE / "workbench-graph.png")
        browser.close()
    server.should_exit = True
