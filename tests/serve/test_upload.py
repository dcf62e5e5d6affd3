"""Upload from the browser: the same checks and messages as ``crosscheck ingest``."""

from __future__ import annotations

from crosscheck.store import queries

REPORT = (b"BASRA - The Counter Terrorism Service said on Sunday that it had arrested 12 men in Basra, "
          b"Reuters reported.\n")
HOSTILE = (b"<script>alert('x')</script> Qasim al-Zubaidi told Reuters that the brigade "
           b"<img src=x onerror=alert(1)> was trained in Basra.\n")


def test_upload_stores_a_report_and_keeps_the_file(fresh, tmp_path):
    client, engine = fresh
    r = client.post("/documents.json", files=[("files", ("cts.txt", REPORT, "text/plain"))],
                    data={"date": "2025-03-02", "outlet": "Tigris Monitor"})
    assert r.status_code == 200, r.text
    report = r.json()
    assert len(report["added"]) == 1 and not report["failed"]
    doc = next(queries.iter_documents(engine))
    assert doc["date"] == "2025-03-02" and doc["outlet"] == "Tigris Monitor"
    assert (tmp_path / "uploads").exists() and doc["path"].startswith(str(tmp_path / "uploads"))
    again = client.post("/documents.json", files=[("files", ("cts-copy.txt", REPORT, "text/plain"))]).json()
    assert again["unchanged"] == report["added"] and not again["added"]


def test_a_broken_file_is_reported_and_the_rest_lands(fresh):
    client, engine = fresh
    r = client.post("/documents.json", files=[
        ("files", ("good.txt", REPORT, "text/plain")),
        ("files", ("empty.txt", b"", "text/plain")),
        ("files", ("photo.jpg", b"\xff\xd8\xff", "image/jpeg")),
        ("files", ("broken.pdf", b"%PDF-1.4 not really", "application/pdf")),
        ("files", ("big.txt", b"x" * 5000, "text/plain")),
    ])
    assert r.status_code == 207
    report = r.json()
    assert len(report["added"]) == 1
    why = dict(report["failed"])
    assert set(why) == {"empty.txt", "photo.jpg", "broken.pdf", "big.txt"}
    assert "empty" in why["empty.txt"]
    assert "unsupported file type '.jpg'" in why["photo.jpg"]
    assert why["broken.pdf"].startswith("not a readable")
    assert "over the 4,096-byte limit" in why["big.txt"]
    assert queries.counts(engine)["documents"] == 1


def test_an_upload_with_nothing_readable_is_refused_whole(fresh):
    client, _ = fresh
    r = client.post("/documents.json", files=[("files", ("a.exe", b"MZ", "application/octet-stream"))])
    assert r.status_code == 422 and r.json()["failed"][0][0] == "a.exe"
    page = client.post("/documents", files=[("files", ("a.exe", b"MZ", "application/octet-stream"))])
    assert page.status_code == 422 and "unsupported file type" in page.text


def test_upload_names_cannot_escape_the_uploads_folder(fresh, tmp_path):
    client, engine = fresh
    r = client.post("/documents.json", files=[("files", ("../../etc/evil.txt", REPORT, "text/plain"))])
    assert r.status_code == 200
    doc = next(queries.iter_documents(engine))
    assert doc["path"].startswith(str(tmp_path / "uploads")) and doc["path"].endswith("evil.txt")
    assert not (tmp_path.parent / "etc").exists()


def test_a_bad_date_is_a_clear_error(fresh):
    client, _ = fresh
    r = client.post("/documents.json", files=[("files", ("a.txt", REPORT, "text/plain"))],
                    data={"date": "March"})
    assert r.status_code == 400 and "is not a date" in r.json()["message"]


def test_an_oversized_request_is_refused_before_it_is_read(fresh):
    client, _ = fresh
    r = client.post("/documents.json", content=b"x" * 20000,
                    headers={"content-type": "multipart/form-data; boundary=x"})
    assert r.status_code == 413


def test_a_hostile_report_renders_as_text(fresh):
    client, engine = fresh
    r = client.post("/documents.json", files=[("files", ("hostile.txt", HOSTILE, "text/plain"))])
    assert r.status_code == 200
    doc = next(queries.iter_documents(engine))
    page = client.get(f"/documents/{doc['id']}").text
    assert "<script>alert" not in page and "&lt;script&gt;alert" in page
    assert "<img src=x onerror" not in page and "&lt;img src=x onerror=alert(1)&gt;" in page
    for path in ("/", "/documents", "/search?q=script", "/claims"):
        assert "<script>alert" not in client.get(path).text
    for e in queries.list_entities(engine):
        assert "<script>" not in client.get(f"/entities/{e.id}").text


def test_a_page_of_another_site_cannot_change_the_workspace(fresh):
    client, engine = fresh
    files = [("files", ("cts.txt", REPORT, "text/plain"))]
    refused = client.post("/documents.json", files=files, headers={"Origin": "https://elsewhere.example"})
    assert refused.status_code == 403 and "another site" in refused.json()["message"]
    assert client.post("/review.json", data={"a": "x", "b": "y", "verdict": "same"},
                       headers={"Origin": "null"}).status_code == 403
    assert queries.counts(engine)["documents"] == 0
    # The workbench's own pages (same host) and clients that send no Origin (scripts) may.
    same = client.post("/documents.json", files=files, headers={"Origin": "http://testserver"})
    assert same.status_code == 200 and queries.counts(engine)["documents"] == 1
