"""``crosscheck serve`` starts the workbench on the port asked, over the workspace given."""

from __future__ import annotations

import socket
import subprocess
import sys
import time

import httpx


def test_serve_answers_on_its_port_until_stopped(sample_workspace):
    path, _ = sample_workspace
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    proc = subprocess.Popen([sys.executable, "-m", "crosscheck", "--workspace", str(path), "serve", "--port",
                             str(port)], stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    try:
        for _ in range(150):
            try:
                r = httpx.get(f"http://127.0.0.1:{port}/index.json", timeout=1)
                break
            except httpx.TransportError:
                time.sleep(0.1)
        else:
            raise AssertionError(proc.stderr.read() if proc.poll() is not None else "no answer")
        assert r.status_code == 200 and r.json()["counts"]["documents"] == 11
    finally:
        proc.terminate()
        proc.wait(timeout=10)
    assert f"http://127.0.0.1:{port}/" in proc.stderr.read()


def test_serve_without_a_workspace_is_a_usage_error(tmp_path):
    r = subprocess.run([sys.executable, "-m", "crosscheck", "--workspace", str(tmp_path / "none"), "serve"],
                       capture_output=True, text=True, timeout=60)
    assert r.returncode == 2 and "no workspace" in r.stderr
