"""The claim tagger's labelling and assembly, on hand-made paragraphs (no model, no parse)."""

import re

from crosscheck.extract.claim_tagger import Paragraph, assemble, gold_labels, tagged_spans
from crosscheck.model import Claim


def _paragraph(text: str, start: int = 0, sentence: int = 1) -> Paragraph:
    """Tokens of ``text[start:]`` up to its first line break; a new sentence after each period."""
    end = text.find("\n", start)
    end = len(text) if end < 0 else end
    tokens, sentences = [], []
    for m in re.finditer(r"\w+|[^\w\s]", text[start:end]):
        tokens.append((start + m.start(), start + m.end()))
        sentences.append(sentence)
        if m.group() == ".":
            sentence += 1
    # Each token its own head: no parse links, so cues are paired by distance alone.
    return Paragraph(tokens=tokens, sentence=sentences, features=[[] for _ in tokens],
                     heads=[a for a, _ in tokens])


def _span(text: str, words: str) -> tuple[int, int]:
    start = text.index(words)
    return start, start + len(words)


def _labels(para: Paragraph, text: str, tagged: dict[str, str]) -> list[str]:
    """BIO labels: each key is a phrase of ``text``, its value the role it gets."""
    labels = ["O"] * len(para.tokens)
    for words, role in tagged.items():
        s, e = _span(text, words)
        inside = [i for i, (a, b) in enumerate(para.tokens) if s <= a and b <= e]
        for n, i in enumerate(inside):
            labels[i] = ("B-" if n == 0 else "I-") + role
    return labels


def test_gold_labels_begin_each_part_and_keep_the_cue_over_a_content():
    text = "Officials said the deal was off and the talks were over."
    para = _paragraph(text)
    parts = [("SOURCE", [_span(text, "Officials")]), ("CUE", [_span(text, "said")]),
             ("CONTENT", [_span(text, "the deal was off")]),
             ("CONTENT", [_span(text, "the talks were over")]),
             ("CONTENT", [_span(text, "said the deal")])]  # a clumsy span: the cue keeps its label
    labels = gold_labels(para, parts)
    words = [text[a:b] for a, b in para.tokens]
    assert dict(zip(words, labels, strict=False))["said"] == "B-CUE"
    assert labels[words.index("deal")] == "I-CONTENT"
    assert labels[words.index("talks") - 1] == "B-CONTENT"  # "the" opens the second content
    assert labels[words.index("and")] == "O"


def test_gold_labels_mark_a_paragraph_that_opens_inside_a_content():
    text = 'He said: "The first part.\n\nThe second part," he added.\n\nA new quote here.'
    second = _paragraph(text, text.index("The second"))
    third = _paragraph(text, text.index("A new"))
    quote = [(text.index("The first"), text.index(',"'))]
    later = [_span(text, "A new quote here")]
    assert gold_labels(second, [("CONTENT", quote)])[0] == "I-CONTENT"
    assert gold_labels(third, [("CONTENT", later)])[0] == "B-CONTENT"


def test_tagged_spans_join_runs_and_flag_a_continuation():
    para = _paragraph("a b c d e")
    labels = ["I-CONTENT", "I-CONTENT", "O", "B-CUE", "I-SOURCE"]
    assert tagged_spans(para, labels) == [("CONTENT", 0, 1, True), ("CUE", 3, 3, False),
                                          ("SOURCE", 4, 4, False)]


def test_assemble_pairs_each_content_with_its_nearest_cue_and_that_cues_source():
    text = "The colonel said the road was closed. Residents denied it was ever open."
    para = _paragraph(text)
    labels = _labels(para, text, {"The colonel": "SOURCE", "said": "CUE", "the road was closed": "CONTENT",
                                  "Residents": "SOURCE", "denied": "CUE", "it was ever open": "CONTENT"})
    first, second = assemble(text, [para], [labels], [])
    assert (first.source, first.cue, first.content) == (
        _span(text, "The colonel"), _span(text, "said"), _span(text, "the road was closed"))
    assert first.stance == "asserts"
    assert second.source == _span(text, "Residents") and second.stance == "denies"


def test_assemble_drops_a_content_with_no_cue_near_and_borrows_the_rules_source():
    text = "Nothing here is said. The minister wrote that taxes rise.\nA content far away."
    first = _paragraph(text)
    second = _paragraph(text, text.index("A content"), sentence=5)  # sentences 3 and 4 left out
    labels = _labels(first, text, {"wrote": "CUE", "taxes rise": "CONTENT"})
    rule = Claim(cue=_span(text, "wrote"), source=_span(text, "The minister"), content=None,
                 stance="asserts", stage_version="test")
    (claim,) = assemble(text, [first, second], [labels, _labels(second, text, {"A content": "CONTENT"})],
                        [rule])
    assert claim.source == _span(text, "The minister") and claim.content == _span(text, "taxes rise")


def test_assemble_joins_a_quotation_continued_in_the_next_paragraph():
    text = 'She said: "The first part.\n\n"The second part."\n\nUnrelated text.'
    first = _paragraph(text)
    second = _paragraph(text, text.index('"The second'), sentence=3)
    labels_1 = _labels(first, text, {"She": "SOURCE", "said": "CUE", "The first part": "CONTENT"})
    labels_2 = ["I-CONTENT"] * 4 + ["O"] * (len(second.tokens) - 4)
    (claim,) = assemble(text, [first, second], [labels_1, labels_2], [])
    assert claim.content == (text.index("The first"), text.index("part.\"\n\nUnrelated") + 4)


def test_a_content_running_into_a_sentence_with_its_own_cue_is_cut_there():
    text = 'The colonel said the road was closed. "We will open it soon," she said.'
    para = _paragraph(text)
    labels = _labels(para, text, {"The colonel": "SOURCE", "said": "CUE",
                                  'the road was closed. "We will open it soon,"': "CONTENT",
                                  "she": "SOURCE", "said.": "CUE"})
    labels[-1] = "O"  # the final period
    first, second = assemble(text, [para], [labels], [])
    assert text[first.content[0]:first.content[1]] == "the road was closed."
    assert text[second.content[0]:second.content[1]] == '"We will open it soon,"'
    assert text[second.source[0]:second.source[1]] == "she"


def test_a_quotation_over_sentences_with_one_cue_stays_whole():
    text = '"The road is closed. It will open soon," the colonel said.'
    para = _paragraph(text)
    labels = _labels(para, text, {'"The road is closed. It will open soon,"': "CONTENT",
                                  "the colonel": "SOURCE", "said": "CUE"})
    (claim,) = assemble(text, [para], [labels], [])
    assert text[claim.content[0]:claim.content[1]] == '"The road is closed. It will open soon,"'


def test_without_its_model_the_stage_leaves_the_rules_claims(monkeypatch, tmp_path):
    from crosscheck.extract import claim_tagger
    from crosscheck.model import Analysis, Document

    monkeypatch.setattr(claim_tagger, "MODEL", tmp_path / "absent.crfsuite")
    rule = Claim(cue=(0, 4), source=None, content=(5, 9), stance="asserts", stage_version="test")
    analysis = Analysis(document=Document(text="said this"), claims=[rule])
    claim_tagger.tag_claims(analysis, [])
    assert analysis.claims == [rule]


def test_the_cut_goes_back_to_where_the_later_quotation_opens():
    text = 'An officer said the road was closed. "We have nothing. Nobody will open it," she said.'
    para = _paragraph(text)
    labels = _labels(para, text, {"An officer": "SOURCE", "said": "CUE",
                                  'the road was closed. "We have nothing. Nobody will open it,"': "CONTENT",
                                  "she": "SOURCE", "said.": "CUE"})
    labels[-1] = "O"
    first, second = assemble(text, [para], [labels], [])
    assert text[first.content[0]:first.content[1]] == "the road was closed."
    assert text[second.content[0]:second.content[1]] == '"We have nothing. Nobody will open it,"'


def test_a_quotation_that_ends_a_paragraph_is_not_the_next_paragraphs_speakers():
    # '"They drove off," she said. "He is held by the battalion."' then a paragraph in which the
    # commander "rejected the claim": the second quotation is still hers.
    text = ('"They drove off," she said. "He is held by the battalion."\n\n'
            "The commander rejected the claim.")
    first = _paragraph(text)
    second = _paragraph(text, text.index("The commander"), sentence=3)
    # The parse hangs the quotation on "rejected", as a parse of the two paragraphs may.
    quote = text.index('"He is')
    first.heads[[a for a, _ in first.tokens].index(quote + 1)] = text.index("rejected")
    labels_1 = _labels(first, text, {'"They drove off,"': "CONTENT", "she": "SOURCE", "said": "CUE",
                                     '"He is held by the battalion."': "CONTENT"})
    labels_2 = _labels(second, text, {"The commander": "SOURCE", "rejected": "CUE", "the claim": "CONTENT"})
    said, rejected = assemble(text, [first, second], [labels_1, labels_2], [])
    assert text[said.content[0]:said.content[1]] == ('"They drove off," she said. "He is held by the '
                                                     'battalion."')
    assert said.attrs["content_parts"][1] == _span(text, '"He is held by the battalion."')
    assert text[rejected.content[0]:rejected.content[1]] == "the claim" and rejected.stance == "denies"
