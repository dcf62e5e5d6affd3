"""The main flows in a real browser: Debian's chromium, headless, driven by Playwright, over
a live server (uvicorn on 127.0.0.1) and the sample reports read by the real pipeline.

The tests run in file order: the reports uploaded first are the ones merged last."""

from __future__ import annotations

import os
import shutil
import socket
import threading
import time

import pytest

pytestmark = [pytest.mark.browser, pytest.mark.model]

FIRST = ("BASRA - Major General Salman Jabbar Ouda said on Sunday that the Nur al-Huda Brigade had "
         "handed every seized rifle to the army, Reuters reported.\n")
# Named beside no one the first names, so the matcher leaves "Ouda" to the analyst.
SECOND = ("NASIRIYAH - General Ouda told the Tigris Post on Monday that police had arrested 12 men in "
          "Nasiriyah last March.\n")


def _chromium() -> str | None:
    found = shutil.which("chromium") or shutil.which("chromium-browser")
    return os.environ.get("CROSSCHECK_CHROMIUM") or found


@pytest.fixture(scope="module")
def live(tmp_path_factory, model_extractor):
    import uvicorn

    from crosscheck.demo import sample_files
    from crosscheck.ingest.batch import ingest
    from crosscheck.serve.app import create_app
    from crosscheck.store import db

    root = tmp_path_factory.mktemp("live")
    engine = db.open_workspace(root / "ws", create_missing=True)
    ingest(engine, sample_files(), model_extractor)
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    app = create_app(engine, extractor=model_extractor, uploads=root / "uploads")
    server = uvicorn.Server(uvicorn.Config(app, host="127.0.0.1", port=port, log_level="warning"))
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    for _ in range(100):
        if server.started:
            break
        time.sleep(0.1)
    yield f"http://127.0.0.1:{port}", engine, root
    server.should_exit = True
    thread.join(timeout=10)


@pytest.fixture(scope="module")
def browser():
    chromium = _chromium()
    if chromium is None:
        pytest.skip("no chromium: apt-get install chromium (.ci/run does), or set CROSSCHECK_CHROMIUM")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=chromium, headless=True, args=["--no-sandbox"])
        yield b
        b.close()


@pytest.fixture
def page(browser):
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    page = context.new_page()
    errors: list[str] = []
    page.on("pageerror", lambda e: errors.append(str(e)))
    page.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
    yield page
    context.close()
    assert not errors, errors


def test_upload_reports_from_the_browser(live, page, tmp_path):
    base, engine, _ = live
    first, second = tmp_path / "ouda-rifles.txt", tmp_path / "ouda-arrests.txt"
    first.write_text(FIRST)
    second.write_text(SECOND)
    page.goto(base + "/")
    page.set_input_files("form.upload input[type=file]", [str(first), str(second)])
    page.fill("form.upload input[name=date]", "2025-04-06")
    page.click("form.upload button[type=submit]")
    page.wait_for_selector("p.summary")
    assert page.inner_text("p.summary").startswith("2 added")
    from crosscheck.store import queries

    assert queries.counts(engine)["documents"] == 13


def test_open_an_entity_from_a_highlighted_mention(live, page):
    base, engine, _ = live
    from crosscheck.store import queries

    doc = next(d for d in queries.iter_documents(engine) if (d["path"] or "").endswith("ouda-rifles.txt"))
    page.goto(f"{base}/documents/{doc['id']}")
    mention = page.locator("article.text a.mention", has_text="Salman Jabbar Ouda").first
    mention.click()
    page.wait_for_url("**/entities/*")
    assert "Salman Jabbar Ouda" in page.inner_text("h1")


def test_see_an_entity_s_claims(live, page):
    base, engine, _ = live
    from crosscheck.store import queries

    darraji = queries.find_entity(engine, "Jalil Sabah al-Darraji")
    page.goto(f"{base}/entities/{darraji}")
    about = page.locator("section.claims-about li.claim").count()
    assert about > 0
    page.click("text=claims about")
    page.wait_for_url("**/claims?entity=*")
    assert page.locator("section li.claim").count() == about


def test_open_the_link_chart_and_expand_a_node(live, page):
    base, engine, _ = live
    from crosscheck.store import queries

    brigade = queries.find_entity(engine, "Nur al-Huda Brigade")
    page.goto(f"{base}/graph?entity={brigade}")
    page.wait_for_selector("#chart[data-ready='true']", state="attached")
    before = page.evaluate("window.crosscheckChart.nodes().length")
    target = page.evaluate("""() => {
        const cy = window.crosscheckChart;
        const n = cy.nodes().filter(n => !n.hasClass('centre') && n.data('type') !== 'event')[0];
        const box = document.getElementById('chart').getBoundingClientRect();
        const p = n.renderedPosition();
        return {id: n.id(), x: box.left + p.x, y: box.top + p.y};
    }""")
    page.mouse.click(target["x"], target["y"])
    page.wait_for_selector(f"#chart[data-expanded='{target['id']}']", state="attached")
    after = page.evaluate("window.crosscheckChart.nodes().length")
    assert after >= before
    assert page.evaluate(f"window.crosscheckChart.getElementById('{target['id']}').hasClass('expanded')")
    assert "nodes" in page.inner_text("#chart-info")
    # A double click opens the node's profile (where the layout has put it now).
    at = page.evaluate(f"""() => {{
        const n = window.crosscheckChart.getElementById('{target['id']}');
        const box = document.getElementById('chart').getBoundingClientRect();
        const p = n.renderedPosition();
        return {{x: box.left + p.x, y: box.top + p.y}};
    }}""")
    page.mouse.dblclick(at["x"], at["y"])
    page.wait_for_url(f"**/entities/{target['id']}")
    assert page.inner_text("h1")


def test_accept_a_merge_in_review(live, page):
    base, engine, _ = live
    from crosscheck.store import queries, resolution

    pair = next(p for p in resolution.pairs(engine, "review") if {p["name_a"], p["name_b"]} ==
                {"Salman Jabbar Ouda", "Ouda"})
    page.goto(f"{base}/review")
    row = page.locator(f"li.review-pair[data-a='{pair['entity_a']}'][data-b='{pair['entity_b']}']")
    row.locator("input[name=note]").fill("the same general, per both reports")
    row.locator("button.accept").click()
    page.wait_for_load_state()
    assert page.locator(f"li.review-pair[data-a='{pair['entity_a']}']").count() == 0
    assert "the same general" in page.inner_text("ul.judgements")
    assert queries.find_entity(engine, "Ouda") == queries.find_entity(engine, "Salman Jabbar Ouda")
