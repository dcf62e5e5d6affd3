"""The attribution benchmark: its scorer on hand-made spans, its speech-verb baseline on a
hand-built parse, and the PolNeAR loader against brat's own text (skipped without the data)."""

from __future__ import annotations

import sys
from itertools import islice
from pathlib import Path

import pytest
import spacy
from spacy.tokens import Doc

REPO = Path(__file__).resolve().parents[1]
if str(REPO) not in sys.path:
    sys.path.insert(0, str(REPO))

from bench import attribution, corpora  # noqa: E402
from bench.corpora import Attribution  # noqa: E402

TEXT = "“We will win,” Trump said. Clinton told reporters that she was fine."
#       0         1         2         3         4         5         6
#       0123456789012345678901234567890123456789012345678901234567890123456789
GOLD = [
    Attribution(source=[(15, 20)], cue=[(21, 25)], content=[(0, 14)]),
    Attribution(source=[(27, 34)], cue=[(35, 39)], content=[(50, 67)]),
]


def _ratios(counts: attribution.Counts) -> list[float]:
    return [*counts.prf(counts.matched), *counts.prf(counts.exact)]


def test_spans_of_the_hand_made_gold_are_what_they_say():
    assert [TEXT[s:e] for a in GOLD for s, e in a.source + a.cue + a.content] == [
        "Trump", "said", "“We will win,”", "Clinton", "told", "that she was fine",
    ]


def test_prediction_equal_to_the_gold_scores_one():
    counts, missed, spurious = attribution.score_text(TEXT, GOLD, list(GOLD))
    assert _ratios(counts) == [1.0] * 6
    assert counts.source_agree == counts.cue_agree == counts.matched == 2
    assert missed == spurious == []


def test_no_prediction_scores_zero():
    counts, missed, spurious = attribution.score_text(TEXT, GOLD, [])
    assert _ratios(counts) == [0.0] * 6
    assert (counts.gold, counts.predicted, missed, spurious) == (2, 0, [0, 1], [])


def test_exact_match_ignores_quote_marks_and_punctuation_at_the_edges():
    predicted = [
        Attribution(source=[(15, 20)], cue=[(21, 25)], content=[(1, 12)]),  # We will win
        Attribution(source=[], cue=[(35, 39)], content=[(55, 67)]),  # she was fine
    ]
    counts, _, _ = attribution.score_text(TEXT, GOLD, predicted)
    assert (counts.matched, counts.exact) == (2, 1)
    assert (counts.source_agree, counts.cue_agree) == (1, 2)


def test_pairs_are_one_to_one_largest_overlap_first():
    # One prediction over both contents pairs with the gold it overlaps most; the other is missed.
    predicted = [Attribution(source=[(15, 20)], cue=[(21, 25)], content=[(0, 67)])]
    counts, missed, spurious = attribution.score_text(TEXT, GOLD, predicted)
    assert (counts.matched, missed, spurious) == (1, [0], [])
    assert attribution.pairs(GOLD, predicted) == [(1, 0)]  # 17 characters against 14


def test_missing_source_on_both_sides_agrees():
    gold = [Attribution(source=[], cue=[(21, 25)], content=[(0, 14)])]
    counts, _, _ = attribution.score_text(TEXT, gold, [Attribution([], [(21, 25)], [(0, 14)])])
    assert counts.source_agree == 1
    counts, _, _ = attribution.score_text(TEXT, gold, [Attribution([(15, 20)], [(21, 25)], [(0, 14)])])
    assert counts.source_agree == 0


def test_discontinuous_content_matches_exactly_only_fragment_for_fragment():
    text = "“Yes,” she said. “No.”"
    gold = [Attribution(source=[(7, 10)], cue=[(11, 15)], content=[(0, 6), (17, 22)])]
    counts, _, _ = attribution.score_text(text, gold, [Attribution([], [(11, 15)], [(17, 22)])])
    assert (counts.matched, counts.exact) == (1, 0)
    counts, _, _ = attribution.score_text(text, gold, [Attribution([], [(11, 15)], [(1, 4), (18, 20)])])
    assert (counts.matched, counts.exact) == (1, 1)


def _doc(words, heads, deps, pos, lemmas) -> Doc:
    return Doc(spacy.blank("en").vocab, words=words, heads=heads, deps=deps, pos=pos, lemmas=lemmas)


def test_verb_baseline_takes_subject_verb_and_clausal_complement():
    doc = _doc(
        ["Trump", "said", "that", "he", "would", "win", "."],
        [1, 1, 5, 5, 5, 1, 1],
        ["nsubj", "ROOT", "mark", "nsubj", "aux", "ccomp", "punct"],
        ["PROPN", "VERB", "SCONJ", "PRON", "AUX", "VERB", "PUNCT"],
        ["Trump", "say", "that", "he", "would", "win", "."],
    )
    [found] = attribution.verb_baseline(doc)
    text = doc.text
    assert [text[s:e] for s, e in found.source + found.cue + found.content] == [
        "Trump", "said", "that he would win",
    ]


def test_verb_baseline_takes_the_quotation_when_there_is_no_complement():
    doc = _doc(
        ["He", "said", ":", "“", "No", ".", "”"],
        [1, 1, 1, 1, 1, 1, 1],
        ["nsubj", "ROOT", "punct", "punct", "intj", "punct", "punct"],
        ["PRON", "VERB", "PUNCT", "PUNCT", "INTJ", "PUNCT", "PUNCT"],
        ["he", "say", ":", "“", "no", ".", "”"],
    )
    [found] = attribution.verb_baseline(doc)
    assert [doc.text[s:e] for s, e in found.content] == ["“ No . ”"]


# --- the PolNeAR loader, on the real files ----------------------------------------------------


def _or_skip(load):
    try:
        return load()
    except corpora.DataAbsent as e:
        pytest.skip(f"development data absent: {e}")


@pytest.mark.data
def test_polnear_spans_are_the_text_brat_recorded():
    articles = _or_skip(lambda: list(islice(corpora.polnear_attributions(), 6)))
    folder = corpora.require("polnear", "dev", "attributions")
    for article in articles:
        ann = folder / f"{article.id}_{article.annotator}.ann"
        recorded: dict[tuple, str] = {}
        for line in ann.read_text(encoding="utf-8").splitlines():
            cols = line.split("\t")
            if cols[0].startswith("T"):
                frags = tuple(tuple(map(int, f.split())) for f in cols[1].split(" ", 1)[1].split(";"))
                recorded[frags] = cols[2]
                assert " ".join(article.text[s:e] for s, e in frags) == cols[2], (ann.name, line)
        # every span the loader gives is (part of) a brat span
        fragments = {f for frags in recorded for f in frags}
        for a in article.attributions:
            assert a.cue and a.content
            assert set(a.source + a.cue + a.content) <= fragments


@pytest.mark.data
def test_polnear_reads_one_annotator_per_article():
    articles = _or_skip(lambda: list(corpora.polnear_attributions()))
    ids = [a.id for a in articles]
    assert len(ids) == len(set(ids)) == len(corpora.polnear_files())
    article = "wash-post_2016-09-26_charlotte-struggles-to-return-to"  # six annotators
    several = corpora.require("polnear", "dev", "attributions").glob(f"{article}_*.ann")
    first = min(p.stem.rsplit("_", 1)[1] for p in several)
    assert {a.id: a.annotator for a in articles}[article] == first
