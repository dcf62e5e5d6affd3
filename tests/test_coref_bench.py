"""The coreference benchmark: its metrics on hand-made clusterings (values worked out by hand from
the definitions), its text rebuilding and loaders on hand-written inputs, the mapping of gold
mentions to crosscheck's clusters, and the real ECB+ and WikiEvents files (skipped without them)."""

from __future__ import annotations

import sys
from itertools import islice
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
if str(REPO) not in sys.path:
    sys.path.insert(0, str(REPO))

from bench import coref, corpora  # noqa: E402
from crosscheck.model import Analysis, Document, Mention  # noqa: E402

# --- metrics ----------------------------------------------------------------------------------

# The worked example of Pradhan et al. (2014), "Scoring coreference partitions of predicted
# mentions": e is missing from the response, h and i are not in the key.
KEY = [{"a", "b", "c"}, {"d", "e", "f", "g"}]
RESPONSE = [{"a", "b"}, {"c", "d"}, {"f", "g", "h", "i"}]


def _close(got, want):
    assert got == pytest.approx(want, abs=1e-9)


def test_muc_counts_links_kept():
    # recall: {a,b,c} is cut in 2 parts, {d,e,f,g} in 3 ({d} {e} {f,g}): (1 + 1) / (2 + 3)
    # precision: {a,b} 1 part, {c,d} 2, {f,g,h,i} 3 ({f,g} {h} {i}): (1 + 0 + 1) / (1 + 1 + 3)
    _close(coref.muc(KEY, RESPONSE), (0.4, 0.4, 0.4))


def test_muc_of_vilains_example_splits_one_chain_in_two():
    p, r, f = coref.muc([{"A", "B", "C", "D"}], [{"A", "B"}, {"C", "D"}])
    _close((p, r, f), (1.0, 2 / 3, 0.8))


def test_b_cubed_gives_no_credit_to_a_mention_the_other_side_lacks():
    # recall: a, b 2/3; c 1/3; d 1/4; e 0 (in no response cluster); f, g 2/4 -> (35/12) / 7
    # precision: a, b 2/2; c, d 1/2; f, g 2/4; h, i 0 -> 4 / 8
    p, r, f = coref.b_cubed(KEY, RESPONSE)
    _close((p, r), (0.5, 35 / 84))
    _close(f, 2 * 0.5 * (35 / 84) / (0.5 + 35 / 84))


def test_ceaf_e_pairs_clusters_one_to_one_for_the_largest_similarity():
    # phi({a,b,c},{a,b}) = 4/5 and phi({d,e,f,g},{f,g,h,i}) = 4/8 beat every other pairing: 1.3
    p, r, _ = coref.ceaf_e(KEY, RESPONSE)
    _close((p, r), (1.3 / 3, 1.3 / 2))


def test_one_cluster_for_everything():
    key, response = [{"a", "b"}, {"c"}], [{"a", "b", "c"}]
    _close(coref.muc(key, response)[:2], (0.5, 1.0))  # 1 link of 2 right; the one key link kept
    _close(coref.b_cubed(key, response)[:2], (5 / 9, 1.0))  # (2/3 + 2/3 + 1/3) / 3
    _close(coref.ceaf_e(key, response)[:2], (0.8, 0.4))  # {a,b} with {a,b,c}: 4/5


def test_all_singletons_against_one_chain():
    key, response = [{"a", "b", "c"}], [{"a"}, {"b"}, {"c"}]
    _close(coref.muc(key, response), (0.0, 0.0, 0.0))
    _close(coref.b_cubed(key, response)[:2], (1.0, 1 / 3))
    _close(coref.ceaf_e(key, response)[:2], (0.5 / 3, 0.5))  # 2*1/(3+1), once


def test_swapping_key_and_response_swaps_precision_and_recall():
    for metric in (coref.muc, coref.b_cubed, coref.ceaf_e):
        p, r, f = metric(KEY, RESPONSE)
        _close(metric(RESPONSE, KEY), (r, p, f))


def test_identical_clusterings_score_one_and_conll_is_the_mean_of_three_f1s():
    key = {"a": 1, "b": 1, "c": 2, "d": 3}
    s = coref.scores(key, {"a": "x", "b": "x", "c": "y", "d": "z"})
    assert s["conll"] == 1.0 and all(s[k] == (1.0, 1.0, 1.0) for k in ("muc", "b3", "ceafe"))
    s = coref.scores({m: c for c, ms in enumerate(KEY) for m in ms},
                     {m: c for c, ms in enumerate(RESPONSE) for m in ms})
    _close(s["conll"], (s["muc"][2] + s["b3"][2] + s["ceafe"][2]) / 3)
    _close(s["muc"], coref.muc(KEY, RESPONSE))


# --- text, heads, kinds -----------------------------------------------------------------------


def test_detokenize_reads_like_text_and_every_token_is_at_its_span():
    words = ["A", "36", "-", "year", "-", "old", "climber", ",", "Thomas", "'s", "brother", "(", "AP", ")",
             "said", '"', "no", '"', "."]
    text, spans = coref.detokenize(words)
    assert text == 'A 36-year-old climber, Thomas\'s brother (AP) said "no".'
    assert [text[s:e] for s, e in spans] == words


def test_head_is_the_last_word_before_a_postmodifier():
    assert coref.head_index(["the", "mayor", "of", "Boston"]) == 1
    assert coref.head_index(["Pierre", "Thomas"]) == 1
    assert coref.head_index(["Thomas", "'s"]) == 0
    assert coref.head_index(["Ivory", ",", "who", "ran"]) == 0


def test_a_possessive_ending_is_not_part_of_the_head():
    assert coref.head_span("Buckley's", 10, 19) == (10, 17)
    assert coref.head_span("Thomas", 0, 6) == (0, 6)
    assert coref.head_span("'s", 6, 8) == (6, 8)


def test_kinds_of_mention():
    lower = {"climber", "thieves"}
    assert coref.kind_of("He", True, lower) == "pronoun"
    assert coref.kind_of("Thomas", True, lower) == "name"
    assert coref.kind_of("climber", False, lower) == "nominal"
    assert coref.kind_of("Thieves", True, lower) == "nominal"  # a headline's capital
    assert coref.kind_of("Thieves", False, lower) == "name"
    assert coref.kind_of("President", False, lower) == "nominal"  # a title alone


def test_a_headline_capitalises_every_word():
    assert coref.capitalised_by_position("Thieves Raid Famed Paris Jeweller".split()) == set(range(5))
    assert coref.capitalised_by_position("Thieves raided a jeweller in Paris".split()) == {0}


# --- loaders on hand-written files ------------------------------------------------------------

CAT = """<Document doc_name="9_1ecbplus.xml" doc_id="X">
<token t_id="1" sentence="0" number="0">http</token>
<token t_id="2" sentence="0" number="1">Raite</token>
<token t_id="3" sentence="1" number="0">Duncan</token>
<token t_id="4" sentence="1" number="1">Raite</token>
<token t_id="5" sentence="1" number="2">fell</token>
<token t_id="6" sentence="1" number="3">.</token>
<token t_id="7" sentence="2" number="0">The</token>
<token t_id="8" sentence="2" number="1">climber</token>
<token t_id="9" sentence="2" number="2">and</token>
<token t_id="10" sentence="2" number="3">his</token>
<token t_id="11" sentence="2" number="4">guide</token>
<token t_id="12" sentence="2" number="5">died</token>
<token t_id="13" sentence="2" number="6">in</token>
<token t_id="14" sentence="2" number="7">Nepal</token>
<Markables>
<HUMAN_PART_PER m_id="1"><token_anchor t_id="2"/></HUMAN_PART_PER>
<HUMAN_PART_PER m_id="2"><token_anchor t_id="3"/><token_anchor t_id="4"/></HUMAN_PART_PER>
<HUMAN_PART_PER m_id="3"><token_anchor t_id="7"/><token_anchor t_id="8"/></HUMAN_PART_PER>
<HUMAN_PART_PER m_id="4"><token_anchor t_id="10"/></HUMAN_PART_PER>
<HUMAN_PART_PER m_id="5"><token_anchor t_id="11"/></HUMAN_PART_PER>
<LOC_GEO m_id="6"><token_anchor t_id="14"/></LOC_GEO>
<HUMAN_PART_PER m_id="20" RELATED_TO="" TAG_DESCRIPTOR="t9_raite" instance_id="HUM1" />
<HUMAN_PART_PER m_id="21" RELATED_TO="" TAG_DESCRIPTOR="guide" />
</Markables>
<Relations>
<CROSS_DOC_COREF r_id="1" note="HUM1">
<source m_id="2"/><source m_id="3"/><target m_id="20"/></CROSS_DOC_COREF>
<INTRA_DOC_COREF r_id="2"><source m_id="4"/><target m_id="21"/></INTRA_DOC_COREF>
</Relations>
</Document>"""


def test_parse_cat_rebuilds_the_text_and_reads_chains():
    doc = coref.parse_cat(CAT, "9_1ecbplus", {2}, {"HUMAN_PART_PER"})
    assert doc.text == "Duncan Raite fell.\nThe climber and his guide died in Nepal"  # no address line
    got = [(g.text, doc.text[slice(*g.head)], g.kind, g.chain, g.scored) for g in doc.mentions]
    assert got == [
        ("Duncan Raite", "Raite", "name", "HUM1", False),
        ("The climber", "climber", "nominal", "HUM1", True),
        ("his", "his", "pronoun", "9_1ecbplus/21", True),
        ("guide", "guide", "nominal", "9_1ecbplus#5", True),
    ]
    assert doc.scored == [(19, len(doc.text))]
    assert (doc.text.index("Nepal"), doc.text.index("Nepal") + 5) in doc.annotated


def test_wikievents_doc_keeps_the_sentences_and_takes_per_chains():
    doc = {
        "doc_id": "d1", "tokens": ["Ali", "Hassan", "said", "he", "left", ".", "Hassan", "went", "."],
        "sentences": [
            [[["Ali", 0, 3], ["Hassan", 4, 10], ["said", 11, 15], ["he", 16, 18], ["left", 19, 23],
              [".", 23, 24]], "Ali Hassan said he left."],
            [[["Hassan", 24, 30], ["went", 31, 35], [".", 35, 36]], "Hassan went."],
        ],
        "entity_mentions": [
            {"id": "d1-T1", "start": 0, "end": 2, "entity_type": "PER"},
            {"id": "d1-T2", "start": 3, "end": 4, "entity_type": "PER"},
            {"id": "d1-T3", "start": 6, "end": 7, "entity_type": "PER"},
            {"id": "d1-T4", "start": 4, "end": 5, "entity_type": "LOC"},
        ],
    }
    text = coref.wikievents_doc(doc, {"d1-T1": "c0", "d1-T3": "c0"}, {"PER"})
    assert text.text == "Ali Hassan said he left.\nHassan went."
    assert [(g.text, g.kind, g.chain) for g in text.mentions] == [
        ("Ali Hassan", "name", "c0"), ("he", "pronoun", "d1-T2"), ("Hassan", "name", "c0"),
    ]


def test_loaders_raise_data_absent_naming_the_path(monkeypatch, tmp_path):
    monkeypatch.setenv("CROSSCHECK_DATA", str(tmp_path))
    for load in (lambda: list(coref.ecbplus()), lambda: list(coref.wikievents())):
        with pytest.raises(corpora.DataAbsent, match=str(tmp_path)):
            load()


# --- crosscheck's clusters on gold mentions ---------------------------------------------------


def _analysis(doc_id: str, text: str, names: list[str]) -> Analysis:
    analysis = Analysis(document=Document(text=text, id=doc_id))
    for name in names:
        start = text.index(name, analysis.mentions[-1].end if analysis.mentions else 0)
        analysis.mentions.append(Mention(start, start + len(name), name, "PERSON", "person", "test", "1"))
    return analysis


def _gold(doc: str, text: str, word: str, chain: str, kind: str = "name", nth: int = 0) -> coref.GoldMention:
    start = -1
    for _ in range(nth + 1):
        start = text.index(word, start + 1)
    return coref.GoldMention(f"{doc}:{start}", doc, start, start + len(word), (start, start + len(word)),
                             word, chain, kind)


def test_clusters_link_a_surname_within_a_document_and_equal_names_across():
    one = _analysis("d1", "Salman Jabbar Ouda arrived. Ouda spoke.", ["Salman Jabbar Ouda", "Ouda"])
    two = _analysis("d2", "Ouda left.", ["Ouda"])
    system = coref.clusters([one, two])
    assert system[("d1", 0, 18)] == system[("d1", 28, 32)] != system[("d2", 0, 4)]


def test_gold_mentions_take_the_cluster_of_the_system_mention_over_their_head():
    text = "Major General Salman Ouda arrived. Ouda spoke. The general left."
    gold = [
        coref.GoldMention("g1", "d1", 0, 25, (21, 25), "Major General Salman Ouda", "c", "name"),
        _gold("d1", text, "Ouda", "c", nth=1),
        _gold("d1", text, "general", "c", "nominal", nth=0),
    ]
    analysis = _analysis("d1", text, ["Salman Ouda", "Ouda"])
    system = coref.clusters([analysis])
    found = coref.attach(gold, system)
    assert found == {"g1": ("d1", 14, 25), gold[1].id: ("d1", 35, 39)}
    rows = coref.responses(gold, {"d1": text}, system, found)
    crosscheck = rows["crosscheck"]
    assert crosscheck["g1"] == crosscheck[gold[1].id] != crosscheck[gold[2].id]
    assert len(set(rows["singletons"].values())) == 3
    assert rows["same head word"]["g1"] == rows["same head word"][gold[1].id] == "ouda"
    assert rows["ceiling: names only"][gold[2].id] != "c"


def test_evaluate_scores_a_perfect_system_one_and_counts_what_it_found():
    text_one, text_two = "Pierre Thomas was hurt. Thomas rested.", "Pierre Thomas returned."
    texts = [
        coref.CorefText("d1", text_one, [_gold("d1", text_one, "Pierre Thomas", "pt"),
                                         _gold("d1", text_one, "Thomas", "pt", nth=1)], [(0, len(text_one))]),
        coref.CorefText("d2", text_two, [_gold("d2", text_two, "Pierre Thomas", "pt")], [(0, len(text_two))]),
    ]
    analyses = [_analysis("d1", text_one, ["Pierre Thomas", "Thomas"]),
                _analysis("d2", text_two, ["Pierre Thomas"])]
    result = coref.evaluate(texts, analyses, cross_document=True)
    for view in ("cross-document", "in-document"):
        assert result["views"][view]["crosscheck"]["conll"] == 1.0
        assert result["views"][view]["crosscheck, own mentions"]["conll"] == 1.0
        assert result["views"][view]["singletons"]["muc"] == (0.0, 0.0, 0.0)
    assert result["detection"]["exact"] == result["detection"]["gold"] == 3
    assert result["counts"]["found by the system"] == 3
    # the same system, had it missed the second document's name, splits the chain
    analyses = [_analysis("d1", text_one, ["Pierre Thomas", "Thomas"]), _analysis("d2", text_two, [])]
    result = coref.evaluate(texts, analyses, cross_document=True)
    assert result["views"]["cross-document"]["crosscheck"]["muc"][1] == pytest.approx(0.5)
    assert result["views"]["in-document"]["crosscheck"]["conll"] == 1.0
    # ... and a name it invents costs end-to-end precision only: B3 1 of 4 system mentions wrong
    analyses = [_analysis("d1", text_one, ["Pierre Thomas", "hurt", "Thomas"]),
                _analysis("d2", text_two, ["Pierre Thomas"])]
    result = coref.evaluate(texts, analyses, cross_document=True)
    assert result["views"]["cross-document"]["crosscheck"]["conll"] == 1.0
    assert result["views"]["cross-document"]["crosscheck, own mentions"]["b3"][:2] == (0.75, 1.0)
    assert result["detection"]["system"] == 4 and result["detection"]["head"] == 3


# --- the real files ---------------------------------------------------------------------------


def _or_skip(load):
    try:
        return load()
    except corpora.DataAbsent as e:
        pytest.skip(f"development data absent: {e}")


@pytest.mark.data
def test_ecbplus_reads_only_dev_topics_and_heads_lie_inside_their_mentions():
    docs = _or_skip(lambda: list(coref.ecbplus()))
    assert {d.id.split("_")[0] for d in docs} == {str(t) for t in coref.DEV_TOPICS}
    mentions = [g for d in docs for g in d.mentions]
    assert sum(g.scored for g in mentions) > 100
    texts = {d.id: d.text for d in docs}
    for g in mentions:
        assert g.start <= g.head[0] < g.head[1] <= g.end and texts[g.doc][g.start:g.end] == g.text
    # chains cross documents: one cross-document instance is named in several files
    docs_per_chain = {}
    for g in mentions:
        docs_per_chain.setdefault(g.chain, set()).add(g.doc)
    assert max(len(v) for v in docs_per_chain.values()) > 5


@pytest.mark.data
def test_wikievents_mentions_are_the_released_tokens():
    docs = _or_skip(lambda: list(islice(coref.wikievents(), 5)))
    root = corpora.require("wikievents", "dev.jsonl")
    import json

    released = {}
    for line in root.read_text(encoding="utf-8").splitlines():
        d = json.loads(line)
        released.update({m["id"]: m["text"] for m in d["entity_mentions"]})
    for doc in docs:
        for g in doc.mentions:
            assert g.text.replace(" ", "") == released[g.id].replace(" ", "")


@pytest.mark.model
@pytest.mark.data
def test_the_benchmark_runs_end_to_end_on_a_few_documents():
    _or_skip(lambda: next(coref.ecbplus()))
    result = coref.run(["ecbplus"], limit=4)
    entry = result["corpora"]["ecbplus"]
    assert entry["counts"]["documents"] == 4 and entry["topics"] == [23]
    rows = entry["views"]["cross-document"]
    assert set(rows) == {"crosscheck", "crosscheck, own mentions", "singletons", "same head word",
                         "exact string", "ceiling: names only"}
    assert 0 < rows["crosscheck"]["conll"] <= 1
