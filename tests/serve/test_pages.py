"""Every page and its JSON twin, in-process, over the sample reports."""

from __future__ import annotations

import pytest

from crosscheck.store import profiles, queries

PAGES = ["/", "/documents", "/entities", "/entities?type=person", "/claims", "/claims?stance=denies",
         "/claims?anonymous=true", "/graph", "/timeline", "/search?q=brigade", "/review"]


def _twin(path: str) -> str:
    base, _, query = path.partition("?")
    base = "/index" if base == "/" else base
    return f"{base}.json" + (f"?{query}" if query else "")


@pytest.mark.parametrize("path", PAGES)
def test_every_page_and_its_json_twin(client, path):
    page = client.get(path)
    assert page.status_code == 200, page.text[:500]
    assert page.headers["content-type"].startswith("text/html")
    assert "Content-Security-Policy" in page.headers
    twin = client.get(_twin(path))
    assert twin.status_code == 200
    assert twin.headers["content-type"] == "application/json"
    assert isinstance(twin.json(), dict)


def test_overview_counts_what_the_store_holds(client, sample_workspace):
    _, engine = sample_workspace
    data = client.get("/index.json").json()
    assert data["counts"]["documents"] == queries.counts(engine)["documents"] == 11
    assert len(data["documents"]) == 10


def test_documents_are_paged(client):
    first = client.get("/documents.json?limit=4").json()
    second = client.get("/documents.json?limit=4&offset=4").json()
    assert first["total"] == 11 and len(first["documents"]) == 4 and len(second["documents"]) == 4
    assert not {d["id"] for d in first["documents"]} & {d["id"] for d in second["documents"]}
    assert client.get("/documents.json?limit=0").status_code == 422


def test_a_document_is_read_with_its_mentions_linked_and_claims_marked(client):
    doc = client.get("/documents.json").json()["documents"][0]
    data = client.get(f"/documents/{doc['id']}.json").json()
    for m in data["mentions"]:
        assert data["text"][m["start"]:m["end"]] == m["text"]
    linked = [m for m in data["mentions"] if m["entity"]]
    assert linked
    page = client.get(f"/documents/{doc['id']}").text
    assert f'href="/entities/{linked[0]["entity"]}"' in page
    if data["claims"]:
        assert f'data-claim="{data["claims"][0]["id"]}"' in page


def test_an_entity_profile_has_names_claims_relations_and_documents(client, sample_workspace):
    _, engine = sample_workspace
    darraji = queries.find_entity(engine, "Jalil Sabah al-Darraji")
    data = client.get(f"/entities/{darraji}.json").json()
    assert data["name"] == "Jalil Sabah al-Darraji" and data["type"] == "person"
    assert "Abu Zainab al-Fayhawi" in {n["text"] for n in data["names"]}
    assert data["documents"] and data["mentions"] >= len(data["documents"])
    for key in ("titles", "relations", "events", "claims_by", "pairs", "examples"):
        assert isinstance(data[key], list)
    page = client.get(f"/entities/{darraji}").text
    assert "Abu Zainab al-Fayhawi" in page and "Claims about" in page


@pytest.mark.model
def test_a_profile_lists_the_same_claims_as_the_cli(model_client, model_workspace):
    _, engine = model_workspace
    client = model_client
    checked = 0
    for e in queries.list_entities(engine, limit=30):
        about = {c["id"] for c in queries.list_claims(engine, about=e.id)}
        by = {c["id"] for c in queries.list_claims(engine, by=e.id)}
        data = client.get(f"/entities/{e.id}.json").json()
        shown_about, shown_by = {c["id"] for c in data["claims_about"]}, {c["id"] for c in data["claims_by"]}
        assert shown_about <= about and len(shown_about) == min(len(about), profiles.LIMIT)
        assert shown_by <= by and len(shown_by) == min(len(by), profiles.LIMIT)
        assert (data["claims_about_count"], data["claims_by_count"]) == (len(about), len(by))
        checked += bool(about or by)
    assert checked


def test_an_entity_is_found_by_any_of_its_names_and_a_merged_one_shows_its_head(client, sample_workspace):
    _, engine = sample_workspace
    head = queries.find_entity(engine, "Abu Zainab al-Fayhawi")
    for member in queries.members(engine.connect(), head):
        assert client.get(f"/entities/{member}.json").json()["id"] == head


@pytest.mark.model
def test_claims_filter_by_stance_source_and_entity(model_client, model_workspace):
    _, engine = model_workspace
    denials = model_client.get("/claims.json?stance=denies").json()["claims"]
    assert denials and all(c["stance"] == "denies" for c in denials)
    anonymous = model_client.get("/claims.json?anonymous=true").json()["claims"]
    assert anonymous and all(c["anonymous"] for c in anonymous)
    about = model_client.get("/claims.json", params={"entity": "Nur al-Huda Brigade"}).json()["claims"]
    assert about and len(about) < len(model_client.get("/claims.json").json()["claims"])
    unknown = model_client.get("/claims.json", params={"source": "Nobody Anywhere"})
    assert unknown.status_code == 404 and "no entity matches" in unknown.json()["message"]


@pytest.mark.model
def test_claims_board_shows_pairs_side_by_side(model_client):
    data = model_client.get("/claims.json").json()
    assert set(data["totals"]) <= {"corroboration", "contradiction"}
    for p in data["pairs"]:
        assert p["a_statement"] and p["b_statement"]
        assert p["a_statement"]["text"]


@pytest.mark.model
def test_graph_around_an_entity_and_its_filters(model_client, model_workspace):
    _, engine = model_workspace
    brigade = queries.find_entity(engine, "Nur al-Huda Brigade")
    data = model_client.get(f"/graph.json?entity={brigade}").json()
    assert data["centre"] == brigade
    ids = {n["id"] for n in data["nodes"]}
    assert brigade in ids and data["edges"]
    assert all(e["source"] in ids and e["target"] in ids for e in data["edges"])
    people = model_client.get(f"/graph.json?entity={brigade}&type=person&type=organization").json()
    assert {n["type"] for n in people["nodes"]} <= {"person", "organization"}
    early = model_client.get(f"/graph.json?entity={brigade}&until=1990-01-01").json()
    assert len(early["edges"]) <= len(data["edges"])
    assert model_client.get("/graph.json?type=ships").status_code == 400


def test_timeline_is_in_date_order(client):
    dates = [i["date"] for i in client.get("/timeline.json").json()["entries"] if i["date"]]
    assert dates == sorted(dates)


@pytest.mark.model
def test_search_finds_documents_and_claims_and_marks_the_words(model_client):
    data = model_client.get("/search.json?q=brigade").json()
    assert data["documents"] and data["claims"]
    assert all("brigade" in (c["content_text"] or "").lower() + c["cue_text"].lower()
               + (c["source_text"] or "").lower() for c in data["claims"])
    page = model_client.get("/search?q=brigade").text
    assert "<mark>" in page and "\ue000" not in page
    assert model_client.get("/search.json?q=").json()["documents"] == []


def test_openapi_describes_the_json_routes_only(client):
    paths = client.get("/openapi.json").json()["paths"]
    assert "/entities/{entity_id}.json" in paths and "/search.json" in paths and "/documents.json" in paths
    assert "/entities/{entity_id}" not in paths
    assert "/entities.json" in client.get("/api").text


def test_unknown_pages_and_bad_parameters_are_errors_without_tracebacks(client):
    missing = client.get("/entities/ent-nothing")
    assert missing.status_code == 404 and "no entity matches" in missing.text
    assert client.get("/documents/doc-nothing.json").status_code == 404
    assert client.get("/no/such/page").status_code == 404
    bad = client.get("/entities.json?limit=many")
    assert bad.status_code == 422 and "limit" in bad.json()["message"]
    for r in (missing, bad):
        assert "Traceback" not in r.text and "File \"" not in r.text


def test_a_server_error_shows_no_traceback(sample_app, monkeypatch):
    from fastapi.testclient import TestClient

    from crosscheck.store import reading

    def broken(engine):
        raise RuntimeError("secret internals at /home/someone/crosscheck")

    monkeypatch.setattr(reading, "overview", broken)
    client = TestClient(sample_app, raise_server_exceptions=False)
    for path in ("/", "/index.json"):
        r = client.get(path)
        assert r.status_code == 500
        assert "secret internals" not in r.text and "Traceback" not in r.text


@pytest.mark.model
def test_claims_carry_the_grades_the_cli_gives(model_client, model_workspace):
    from crosscheck.store import grading

    _, engine = model_workspace
    full = grading.credibility(engine)
    darraji = queries.find_entity(engine, "Jalil Sabah al-Darraji")
    profile = model_client.get(f"/entities/{darraji}.json").json()
    claims = model_client.get("/claims.json").json()["claims"]
    claims += profile["claims_by"] + profile["claims_about"]
    # (A claim the assessment does not compare, such as one inside another's words, is
    # graded all the same, on its source alone.)
    compared = [c for c in claims if c["id"] in full]
    assert len(compared) > len(claims) / 2
    for c in compared:
        assert c["grade"] == full[c["id"]], c["id"]
    assert "class=\"grade\"" in model_client.get(f"/entities/{darraji}").text


def test_entities_are_found_by_part_of_a_name(client):
    found = client.get("/entities.json?q=darraj").json()["entities"]
    assert [e["name"] for e in found] == ["Jalil Sabah al-Darraji"]
    assert client.get("/entities.json?q=darraj&type=place").json()["entities"] == []
    assert client.get("/entities.json?q=%25").json()["entities"] == []  # a LIKE wildcard is a letter here
    assert "Jalil Sabah al-Darraji" in client.get("/entities?q=darraj").text


def test_the_claims_form_with_nothing_chosen_filters_nothing(client):
    everything = client.get("/claims.json").json()["claims"]
    form = client.get("/claims.json?source=&entity=&stance=&anonymous=")
    assert form.status_code == 200 and form.json()["claims"] == everything
    bad = client.get("/claims.json?stance=shouts")
    assert bad.status_code == 422 and bad.json()["message"].startswith("stance: Input should be 'asserts'")
