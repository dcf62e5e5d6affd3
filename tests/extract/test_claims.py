"""Claims on hand-written sentences, one construction each (real parse: marked ``model``).

``claims_of`` runs the rules alone (the ``claims`` stage); ``tagged_of`` the default
pipeline, whose ``claim_tagger`` rebuilds the claims with the trained tagger.
"""

import pytest

from crosscheck.extract import ExtractConfig, Extractor, claim_tagger
from crosscheck.extract.claims import layout_claims, quotations
from crosscheck.model import Document


def _runner(stages: list[str]):
    extractor = Extractor(ExtractConfig.default(stages=stages))

    def run(text: str):
        analysis = extractor.extract(Document(text=text))
        out = []
        for c in analysis.claims:
            def span(s):
                return text[s[0] : s[1]] if s else None

            out.append({"source": span(c.source), "cue": span(c.cue), "content": span(c.content),
                        "stance": c.stance, "attrs": c.attrs, "via": c.via})
        return out

    return run


@pytest.fixture(scope="module")
def claims_of():
    return _runner([s for s in ExtractConfig.default().stages if s != "claim_tagger"])


@pytest.fixture(scope="module")
def tagged_of():
    stages = ExtractConfig.default().stages
    assert stages[-2:] == ["claims", "claim_tagger"]
    return _runner(stages)


def _one(claims, cue):
    (found,) = [c for c in claims if c["cue"] == cue]
    return found


def test_quotations_run_over_paragraphs_when_the_next_opens_with_a_quote_mark():
    text = 'He said: "First part.\n\n"Second part," he added. "Unclosed\n\nNext paragraph.'
    assert [text[s:e] for s, e in quotations(text)] == ['First part.\n\n"Second part,']


def _layout(text):
    return [(text[slice(*c.source)], text[slice(*c.cue)], text[slice(*c.content)])
            for c in layout_claims(text)]


def test_a_transcript_line_is_its_speakers_claim():
    text = ('WALLACE: Do you see the two as equivalent?\n\n'
            '"AL-ZUBAIDI: No. The brigade answers to the army.\n\n'
            'CORRECTION: An earlier version misspelt the governor\'s name.\n'
            'The meeting ended at noon: nobody spoke.')
    assert _layout(text) == [("WALLACE", ":", "Do you see the two as equivalent?"),
                             ("AL-ZUBAIDI", ":", "No. The brigade answers to the army")]


def test_a_quotation_signed_with_a_dash():
    text = ('\u201cThey took the weapons to their own depots.\u201d \u2015\u00a0Ahmed Karim, a driver\u00a0\n'
            'The ministry \u2014 which runs the port \u2014 said nothing.\n'
            '"We were never paid." -- Layla Hassan.')
    assert _layout(text) == [("Ahmed Karim, a driver", "\u2015", "They took the weapons to their own depots"),
                             ("Layla Hassan", "--", "We were never paid")]


@pytest.mark.model
def test_plural_anonymous_source_with_indirect_speech(claims_of):
    c = _one(claims_of("Two intelligence officers told the newspaper that the brigade was trained abroad."),
             "told")
    assert c["source"] == "Two intelligence officers"
    assert c["content"] == "that the brigade was trained abroad"
    assert c["stance"] == "asserts"
    assert c["attrs"]["anonymous"] and c["attrs"]["plural"]


@pytest.mark.model
def test_nested_attribution_records_the_outer_source(claims_of):
    claims = claims_of(
        "A member of the provincial council, speaking on condition of anonymity, said the governor "
        "accused the commander of selling seized weapons."
    )
    outer, inner = _one(claims, "said"), _one(claims, "accused")
    assert outer["source"].startswith("A member of the provincial council")
    assert outer["attrs"]["anonymous"] and outer["attrs"]["anonymity"]
    assert inner["source"] == "the governor" and inner["stance"] == "alleges"
    assert "selling seized weapons" in inner["content"]
    assert inner["via"] == [claims.index(outer)]


@pytest.mark.model
def test_a_denial(claims_of):
    c = _one(claims_of("The commander rejected the claim, calling it a fabrication."), "rejected")
    assert (c["source"], c["stance"], c["content"]) == ("The commander", "denies", "the claim")


@pytest.mark.model
def test_a_refusal_to_comment(claims_of):
    claims = claims_of("The ministry's spokesman did not respond to a request for comment.")
    c = _one(claims, "did not respond to a request for comment")
    assert (c["source"], c["stance"], c["content"]) == ("The ministry's spokesman", "declines", None)
    assert len(claims) == 1


@pytest.mark.model
def test_a_pronoun_source_continues_the_earlier_one(claims_of):
    claims = claims_of('Colonel Wissam Hatem said the road was closed. "We will open it soon," he said.')
    first, second = claims
    assert second["source"] == "he" and second["attrs"]["pronoun"]
    assert second["content"] == "We will open it soon"
    assert second["attrs"]["refers_to"] is not None


@pytest.mark.model
def test_a_passive_accusation_has_no_source(claims_of):
    c = _one(claims_of("The brigade is also accused of extorting traders at the port."), "accused")
    assert c["source"] is None and c["stance"] == "alleges"
    assert c["content"] == "The brigade is also accused of extorting traders at the port"


@pytest.mark.model
def test_a_quote_that_spans_two_paragraphs(claims_of):
    text = ('"The accusations are political. They come from our rivals.\n\n'
            '"We have never sold a single rifle," the commander said.')
    c = _one(claims_of(text), "said")
    assert c["content"].startswith("The accusations are political")
    assert c["content"].endswith("We have never sold a single rifle")
    assert c["source"] == "the commander"


@pytest.mark.model
def test_according_to(claims_of):
    c = _one(claims_of("According to former army commanders, the unit has about 3,000 fighters."),
             "According to")
    assert c["source"] == "former army commanders"
    assert c["content"] == "the unit has about 3,000 fighters"
    assert c["attrs"]["former"] and c["attrs"]["plural"]


@pytest.mark.model
def test_a_named_source_is_not_anonymous(claims_of):
    c = _one(claims_of("Governor Faris al-Uqaili said on Tuesday that the contract was suspended."), "said")
    assert "Faris al-Uqaili" in c["source"] and not c["attrs"]["anonymous"]


@pytest.mark.model
def test_a_parenthetical_cue_reports_the_clause_around_it(claims_of):
    c = _one(claims_of("The checkpoints, the colonel said, were moved to the old road last week."), "said")
    assert c["source"] == "the colonel"
    assert "were moved to the old road" in c["content"]


@pytest.mark.model
def test_a_noun_cue_with_its_possessor_as_source(claims_of):
    c = _one(claims_of("The governor's claim that the contract was legal angered the council."), "claim")
    assert c["source"] == "The governor"
    assert c["content"] == "that the contract was legal"


@pytest.mark.model
def test_called_for(claims_of):
    c = _one(claims_of("The provincial council called for an inquiry into the port contract."), "called")
    assert c["source"] == "The provincial council"
    assert "an inquiry into the port contract" in c["content"]


@pytest.mark.model
def test_an_anonymous_source_is_described(claims_of):
    c = _one(claims_of("A senior officer in the Defence Ministry's intelligence directorate said the unit "
                       "was disbanded."), "said")
    assert c["attrs"]["anonymous"] and not c["attrs"]["plural"]
    assert (c["attrs"]["rank"], c["attrs"]["role"]) == ("senior", "officer")
    assert c["attrs"]["affiliation"] == "the Defence Ministry's intelligence directorate"


@pytest.mark.model
def test_how_an_anonymous_source_knows(claims_of):
    c = _one(claims_of("A person familiar with the investigation said the contracts were forged."), "said")
    assert c["attrs"]["anonymous"] and c["attrs"]["close_to"] == "the investigation"


@pytest.mark.model
def test_an_organisation_in_the_description_is_its_affiliation_not_a_name(claims_of):
    c = _one(claims_of("A Defence Ministry official, speaking on condition of anonymity, said the order "
                       "came from the capital."), "said")
    assert c["attrs"]["anonymous"] and c["attrs"]["anonymity"]
    assert (c["attrs"]["role"], c["attrs"]["affiliation"]) == ("official", "Defence Ministry")


# The default pipeline (rules, then the trained tagger) on the constructions of the issue.

_TAGGER = pytest.mark.skipif(not claim_tagger.available(), reason="no trained claim tagger in the package")


@_TAGGER
@pytest.mark.model
def test_tagged_plural_anonymous_source(tagged_of):
    c = _one(tagged_of("Two intelligence officers told the newspaper that the brigade was trained abroad."),
             "told")
    assert c["source"] == "Two intelligence officers" and c["attrs"]["anonymous"] and c["attrs"]["plural"]
    assert "the brigade was trained abroad" in c["content"]


@_TAGGER
@pytest.mark.model
def test_tagged_denial_and_refusal_to_comment(tagged_of):
    claims = tagged_of("The commander rejected the accusation. The ministry's spokesman did not respond "
                       "to a request for comment.")
    denial = _one(claims, "rejected")
    assert (denial["source"], denial["stance"]) == ("The commander", "denies")
    assert "accusation" in denial["content"]
    refusal = _one(claims, "did not respond to a request for comment")
    assert (refusal["source"], refusal["stance"], refusal["content"]) == (
        "The ministry's spokesman", "declines", None)


@_TAGGER
@pytest.mark.model
def test_tagged_nested_attribution(tagged_of):
    claims = tagged_of(
        "A member of the provincial council, speaking on condition of anonymity, said the governor "
        "accused the commander of selling seized weapons."
    )
    outer, inner = _one(claims, "said"), _one(claims, "accused")
    assert outer["source"].startswith("A member of the provincial council") and outer["attrs"]["anonymity"]
    assert inner["source"] == "the governor" and inner["stance"] == "alleges"
    assert inner["via"] == [claims.index(outer)]


@_TAGGER
@pytest.mark.model
def test_tagged_pronoun_source(tagged_of):
    claims = tagged_of('Colonel Wissam Hatem said the road was closed. "We will open it soon," he said.')
    second = claims[-1]
    assert second["source"] == "he" and second["attrs"]["refers_to"] is not None
    assert "We will open it soon" in second["content"]


@_TAGGER
@pytest.mark.model
def test_tagged_passive_accusation_without_source(tagged_of):
    claims = tagged_of("The brigade is also accused of extorting traders at the port.")
    c = next(c for c in claims if "accused" in c["cue"])
    assert c["source"] is None and c["stance"] == "alleges"
    assert "extorting traders" in c["content"]


@_TAGGER
@pytest.mark.model
def test_tagged_quote_over_two_paragraphs(tagged_of):
    text = ('"The accusations are political. They come from our rivals.\n\n'
            '"We have never sold a single rifle," the commander said.')
    c = _one(tagged_of(text), "said")
    assert "The accusations are political" in c["content"] and "never sold a single rifle" in c["content"]
    assert c["source"] == "the commander"


@_TAGGER
@pytest.mark.model
def test_a_transcript_line_reaches_the_tagged_claims(tagged_of):
    text = 'Interview transcript.\n\nHOST: Was the brigade paid?\n\nKARIM: The brigade was paid twice.'
    assert [(c["source"], c["cue"], c["content"]) for c in tagged_of(text)] == [
        ("HOST", ":", "Was the brigade paid?"), ("KARIM", ":", "The brigade was paid twice")]


@pytest.mark.model
def test_a_count_or_a_happening_a_source_puts_somewhere(claims_of, tagged_of):
    c = _one(claims_of("Mashriq Wire put the death toll from the bombing at 13."), "put")
    assert (c["source"], c["stance"]) == ("Mashriq Wire", "asserts")
    assert c["content"] == "the death toll from the bombing at 13"
    text = "Residents quoted by Sawt al-Rimal placed the explosion on the eastern outskirts of Arish."
    c = _one(tagged_of(text), "placed")
    assert c["content"] == "the explosion on the eastern outskirts of Arish"
    # After a citation the tagger reads as a claim of its own, the placing is still one.
    c = _one(tagged_of("Mashriq Wire, citing two army officers, located the blast near Kanaan."), "located")
    assert (c["source"], c["content"]) == ("Mashriq Wire", "the blast near Kanaan")
    # Not a thing put somewhere.
    assert not [c for c in tagged_of("The militants placed the bomb under the car.") if c["cue"] == "placed"]
    assert not [c for c in claims_of("He put the weapons in the truck.") if c["cue"] == "put"]
