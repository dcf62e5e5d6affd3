import io
import json

from followthemoney import model
from followthemoney.exc import InvalidData

from crosscheck.export import ftm


def _proxies(engine):
    buf = io.StringIO()
    ftm.write(engine, buf)
    return [model.get_proxy(json.loads(line), cleaned=False) for line in buf.getvalue().splitlines()]


def test_export_loads_with_followthemoney_and_references_resolve(sample_workspace):
    proxies = _proxies(sample_workspace[1])
    by_id = {p.id: p for p in proxies}
    assert len(by_id) == len(proxies)
    schemata = {p.schema.name for p in proxies}
    assert {"Article", "Person", "Organization", "Address", "Mention"} <= schemata
    for p in proxies:
        # Round-trips through FtM's own validation of property values.
        try:
            model.get_proxy(p.to_dict(), cleaned=False)
        except InvalidData as e:  # pragma: no cover - the assertion message is the point
            raise AssertionError(f"{p.id}: {e}") from e
        if p.schema.name == "Mention":
            (resolved,) = p.get("resolved")
            (document,) = p.get("document")
            assert by_id[resolved].schema.name in {"Person", "Organization", "Address"}
            assert by_id[document].schema.name == "Article"
            assert set(p.get("name")) <= set(by_id[resolved].get("name")) | set(by_id[resolved].get("alias"))


def test_people_keep_titles_as_positions_and_spellings_as_aliases(sample_workspace):
    proxies = _proxies(sample_workspace[1])
    people = {p.first("name"): p for p in proxies if p.schema.name == "Person"}
    assert {"Abu Zainab", "Abu Zainab al-Fayhawi"} <= set(people["Jalil Sabah al-Darraji"].get("alias"))
    articles = [p for p in proxies if p.schema.name == "Article"]
    assert any(a.first("publishedAt") for a in articles)


def test_model_relations_become_directorships_and_employments(model_workspace):
    proxies = _proxies(model_workspace[1])
    by_id = {p.id: p for p in proxies}
    names = {p.id: p.first("name") for p in proxies if p.schema.name in ("Person", "Organization")}
    ends = {"Directorship": ("director", "organization"), "Membership": ("member", "organization"),
            "Employment": ("employee", "employer")}
    links = {(p.schema.name, names.get(p.first(ends[p.schema.name][0])),
              names.get(p.first(ends[p.schema.name][1])), p.first("role"))
             for p in proxies if p.schema.name in ends}
    assert ("Directorship", "Jalil Sabah al-Darraji", "Nur al-Huda Brigade", "commander") in links
    # A spokesman is staff: an employment, not a membership.
    assert ("Employment", "Ammar Jawad", "Nur al-Huda Brigade", "spokesman") in links
    for p in proxies:
        if p.schema.name in ("Directorship", "Membership", "Employment", "UnknownLink"):
            assert p.first("proof") in by_id  # the article the relation was read in


def test_a_member_is_staff_or_rank_and_file_by_the_role_word():
    from crosscheck.export.ftm import _link_type

    assert _link_type({"type": "member_of", "role": "Interior Ministry spokesman"}) == "employment"
    assert _link_type({"type": "member_of", "role": "fighter"}) == "member_of"
    assert _link_type({"type": "advises", "role": "security adviser"}) == "employment"
    assert _link_type({"type": "appointed", "role": None}) == "appointed"
