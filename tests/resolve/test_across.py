"""Resolution across documents, on hand-made entity facts (no store, no model)."""

from crosscheck.resolve.across import EntityFacts, Judgement, resolve
from crosscheck.resolve.names import skeleton


def _facts(*specs):
    """(id, name, mentions, documents, given names) -> EntityFacts of people."""
    return [EntityFacts(i, "person", name, n, set(docs), dict.fromkeys(given, docs[0]) if given else {})
            for i, name, n, docs, given in specs]


def table_matcher(table):
    """A matcher that answers from a table of name pairs (anything else is different)."""
    def match(a, b):
        score, decision = table.get((a, b)) or table.get((b, a)) or (0.0, "different")
        return score, decision, [f"table: {decision}"]
    return match


def test_a_given_alias_that_is_another_entity_elsewhere_merges_them():
    found = _facts(("e1", "Nasir Hamid Obaid", 5, ["d1", "d2"], ["Abu Maryam al-Tai"]),
                   ("e2", "Abu Maryam al-Tai", 3, ["d3"], []))
    r = resolve(found, matcher=table_matcher({}))
    assert r.canonical == {"e2": "e1"}
    assert r.merged[0].reason == "alias" and "given as another name" in r.merged[0].why[0]


def test_two_entities_named_in_one_document_are_never_merged():
    found = _facts(("e1", "Nasir Obaid", 2, ["d1"], []), ("e2", "Nasser Obeid", 2, ["d1", "d2"], []))
    r = resolve(found, matcher=table_matcher({("Nasir Obaid", "Nasser Obeid"): (0.97, "same")}))
    assert r.canonical == {} and r.refused and "both named in d1" in r.refused[0].why[-1]


def test_the_matcher_merges_and_queues_and_the_most_mentioned_names_the_cluster():
    found = _facts(("e1", "Nasir Obaid", 2, ["d1"], []), ("e2", "Nasser Obeid", 7, ["d2"], []),
                   ("e3", "Obaid", 1, ["d3"], []))
    table = {("Nasir Obaid", "Nasser Obeid"): (0.97, "same"), ("Nasir Obaid", "Obaid"): (0.7, "review"),
             ("Nasser Obeid", "Obaid"): (0.7, "review")}
    r = resolve(found, matcher=table_matcher(table))
    assert r.canonical == {"e1": "e2"}
    assert [(c.a, c.b) for c in r.review] == [("e1", "e3"), ("e2", "e3")]


def test_judgements_override_and_can_be_replayed_in_order():
    found = _facts(("e1", "Nasir Obaid", 2, ["d1"], []), ("e2", "Nasser Obeid", 7, ["d2"], []),
                   ("e3", "Obaid", 1, ["d3"], []))
    table = {("Nasir Obaid", "Nasser Obeid"): (0.97, "same"), ("Nasir Obaid", "Obaid"): (0.7, "review"),
             ("Nasser Obeid", "Obaid"): (0.7, "review")}
    matcher = table_matcher(table)
    # "different" keeps a confident pair apart; "unsure" takes a pair out of the queue.
    r = resolve(found, [Judgement("e1", "e2", "different"), Judgement("e3", "e1", "unsure")], matcher)
    assert r.canonical == {} and [(c.a, c.b) for c in r.review] == [("e2", "e3")]
    # "same" merges what the matcher would not, even against a shared document...
    found[2].documents.add("d2")
    r = resolve(found, [Judgement("e3", "e2", "same")], matcher)
    assert r.canonical == {"e3": "e2", "e1": "e2"} and r.merged[0].reason == "analyst"
    # ...and a later judgement on the same pair replaces the earlier one.
    r = resolve(found, [Judgement("e3", "e2", "same"), Judgement("e2", "e3", "different")], matcher)
    assert "e3" not in r.canonical


def test_a_judged_difference_holds_through_a_chain():
    # e1~e2 and e2~e3 are confident, but e1 and e3 were judged different: only one link holds.
    found = _facts(("e1", "Nasir Obaid", 3, ["d1"], []), ("e2", "Nasr Obaid", 2, ["d2"], []),
                   ("e3", "Nasri Obaid", 1, ["d3"], []))
    table = {("Nasir Obaid", "Nasr Obaid"): (0.99, "same"), ("Nasr Obaid", "Nasri Obaid"): (0.98, "same")}
    r = resolve(found, [Judgement("e1", "e3", "different")], table_matcher(table))
    assert r.canonical == {"e2": "e1"} and "judged different" in r.refused[0].why[-1]


def test_the_default_matcher_across_transliterations():
    found = _facts(("e1", "Hafidh al-Zubaidi", 4, ["d1"], []), ("e2", "Hafiz Al-Zubaydi", 2, ["d2"], []),
                   ("e3", "Karim al-Zubaidi", 2, ["d3"], []), ("e4", "al-Zubaidi", 1, ["d4"], []))
    r = resolve(found)
    assert r.canonical == {"e2": "e1"}
    assert {(c.a, c.b) for c in r.review} >= {("e1", "e4"), ("e3", "e4")}


def test_skeletons_of_transliterations_agree():
    assert skeleton("hafidh") == skeleton("hafiz") == skeleton("hafez")
    assert skeleton("zubaidi") == skeleton("zubaydi") == skeleton("zubeidi")
    assert skeleton("qasim") == skeleton("kassem")


def test_a_doubtful_pair_named_beside_the_same_others_is_one():
    table = {("Obaid", "Nasir Obaid"): (0.7, "review")}
    found = _facts(("e1", "Nasir Obaid", 3, ["d1"], []), ("e2", "Obaid", 1, ["d2"], []))
    assert resolve(found, matcher=table_matcher(table)).canonical == {}
    found[0].context, found[1].context = {"port", "council", "e2"}, {"port", "council", "e1"}
    r = resolve(found, matcher=table_matcher(table))
    assert r.canonical == {"e2": "e1"} and "named beside the same 2 others" in r.merged[0].why[-1]


def test_facts_of_analyses_name_an_entity_by_its_full_spelling():
    from crosscheck.model import Analysis, Document, Mention
    from crosscheck.resolve.across import facts_of

    text = "Ouda spoke. Salman Jabbar Ouda left."
    a = Analysis(document=Document(text=text), mentions=[
        Mention(0, 4, "Ouda", "PERSON", "person", "mentions", "1", entity_key="person:salman jabbar ouda"),
        Mention(12, 30, "Salman Jabbar Ouda", "PERSON", "person", "mentions", "1",
                entity_key="person:salman jabbar ouda")])
    (facts,) = facts_of([a])
    assert (facts.name, facts.mentions, facts.documents) == ("Salman Jabbar Ouda", 2, {a.document.id})


def test_an_organisation_translated_in_another_report_is_one():
    found = [EntityFacts("o1", "organization", "Liwa Hurras Dijla", 3, {"d1"}),
             EntityFacts("o2", "organization", "Guardians of the Tigris Brigade", 2, {"d2"}),
             EntityFacts("o3", "organization", "Liwa al-Furat", 2, {"d3"}),
             EntityFacts("o4", "organization", "Tigris Guardians Brigade", 1, {"d2"})]
    r = resolve(found, matcher=table_matcher({}))
    # o4 is told apart from o1 by d2, which names both o2 and o4 as different entities.
    assert r.canonical == {"o2": "o1"}
    assert "translation" in r.merged[0].why[0]
