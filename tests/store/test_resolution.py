"""Resolution over the store: hand-made analyses saved, resolved and read back (no model)."""

from crosscheck.extract.aliases import add_aliases
from crosscheck.model import Analysis, Document, Mention
from crosscheck.resolve.within import link
from crosscheck.store import queries, resolution, writer

ENTITY_TYPES = {"person", "organization", "place", "other"}


def _save(engine, text, names):
    mentions, pos = [], 0
    for surface in names:
        start = text.index(surface, pos)
        pos = start + len(surface)
        mentions.append(Mention(start, pos, surface, "PERSON", "person", "mentions", "1"))
    analysis = Analysis(document=Document(text=text), mentions=mentions)
    add_aliases(analysis, [])
    link(analysis, ENTITY_TYPES)
    with engine.begin() as conn:
        writer.save(conn, analysis, "test")
    writer.refresh_names(engine, {writer.content_id("ent", m.entity_key) for m in analysis.mentions})


def test_an_alias_given_in_one_report_joins_the_name_used_alone_in_another(engine):
    _save(engine, "Nasir Hamid Obaid, known as Abu Maryam al-Tai, spoke.", ["Nasir Hamid Obaid"])
    _save(engine, "Abu Maryam al-Tai was seen in Kut.", ["Abu Maryam al-Tai"])
    outcome = resolution.run(engine)
    assert (outcome.merged, outcome.clusters) == (1, 1)
    # Found by a part of the alias, shown under the birth name, with the alias's kind.
    found = queries.find_entity(engine, "Maryam al-Tai")
    detail = queries.entity_detail(engine, found)
    assert detail.name == "Nasir Hamid Obaid"
    assert {(u.text, u.kind, len(u.spans)) for u in detail.names} == {("Abu Maryam al-Tai", "kunya", 2)}
    # The member entity is still found by its own name, and leads to the same entity.
    assert queries.find_entity(engine, "Abu Maryam al-Tai") == found
    assert [e.name for e in queries.list_entities(engine)] == ["Nasir Hamid Obaid"]


def test_a_judgement_is_replayed_and_undone(engine):
    _save(engine, "Nasir Hamid Obaid, known as Abu Maryam al-Tai, spoke.", ["Nasir Hamid Obaid"])
    _save(engine, "Abu Maryam al-Tai was seen in Kut.", ["Abu Maryam al-Tai"])
    a = queries.find_entity(engine, "Nasir Hamid Obaid", resolved=False)
    b = queries.find_entity(engine, "Abu Maryam al-Tai", resolved=False)
    jid = resolution.judge(engine, a, b, "different", "two men")
    assert resolution.run(engine).clusters == 0
    assert resolution.pairs(engine, "refused") == []  # a judged pair is not even a candidate
    resolution.undo(engine, jid)
    assert resolution.run(engine).clusters == 1
    (judged,) = resolution.list_judgements(engine, include_undone=True)
    assert judged["undone_at"] is not None and judged["note"] == "two men"


def test_an_entity_is_found_by_a_part_of_another_of_its_names(engine):
    _save(engine, "Nasir Hamid Obaid, known as Abu Maryam al-Tai, spoke.", ["Nasir Hamid Obaid"])
    found = queries.find_entity(engine, "Maryam al-Tai")
    assert queries.entity_detail(engine, found).name == "Nasir Hamid Obaid"
