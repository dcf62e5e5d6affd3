"""Which reports tell one story, on reports written for the test (no model, no store)."""

import math

from crosscheck.assess.stories import linked, weights

REPORTS = {
    "seizure-1": "Customs officers at the al-Qaim crossing seized two trucks carrying captagon pills "
                 "hidden in crates of tomatoes. The four drivers were detained.",
    "seizure-2": "Three drivers were arrested after customs found captagon pills in crates of tomatoes "
                 "on two trucks at the al-Qaim crossing, a customs spokesman said.",
    "bombing": "A car bomb exploded near a market in Ramadi on Tuesday, killing six people. Police "
               "said the car had been parked near the market since the morning.",
    "council": "The provincial council in Ramadi met on Tuesday to discuss the budget for schools "
               "and the repair of roads damaged by floods.",
}
ENTITIES = {"seizure-1": {"ent-qaim"}, "seizure-2": {"ent-qaim"}, "bombing": {"ent-ramadi"},
            "council": {"ent-ramadi"}}


def test_reports_that_share_their_rarer_words_tell_one_story():
    stories = linked(REPORTS, ENTITIES, threshold=0.2, max_share=0.5, limit=100)
    assert stories["seizure-1"] == {"seizure-2"} and stories["seizure-2"] == {"seizure-1"}
    # One town and one day in common: another story.
    assert "council" not in stories["bombing"] and stories["council"] == frozenset()


def test_the_index_gives_the_cosine_of_the_weights():
    vectors = weights(REPORTS, ENTITIES, max_share=0.5, limit=100)
    for vector in vectors.values():
        assert math.isclose(sum(x * x for x in vector.values()), 1.0)
    a, b = vectors["seizure-1"], vectors["seizure-2"]
    cosine = sum(x * b.get(t, 0.0) for t, x in a.items())
    assert linked(REPORTS, ENTITIES, threshold=cosine - 1e-9, max_share=0.5, limit=100)["seizure-1"] \
        == {"seizure-2"}
    assert linked(REPORTS, ENTITIES, threshold=cosine + 1e-9, max_share=0.5, limit=100)["seizure-1"] \
        == frozenset()
    # A word in every report tells none apart, nor one in more reports than the limit: with
    # no word in more than two reports read, "Ramadi" (in two) still links.
    assert "the" not in a and "ent-ramadi" not in str(a)
    few = weights(REPORTS, ENTITIES, max_share=0.5, limit=0)
    assert "tuesday" in few["council"] and "drivers" in few["seizure-1"]
