"""Propositions: one construction each. A hand-built parse (no model) for the stage's
contract, the real parse (marked ``model``) for the constructions reporters write."""

import pytest
from spacy.tokens import Doc
from spacy.vocab import Vocab

from crosscheck.extract.propositions import add_propositions
from crosscheck.model import Analysis, Document, Mention, Sentence


def test_a_hand_parsed_passive_is_read_in_the_active_voice():
    words = ["Rifles", "were", "not", "sold", "by", "the", "commander", "."]
    heads = [3, 3, 3, 3, 3, 6, 4, 3]
    deps = ["nsubjpass", "auxpass", "neg", "ROOT", "agent", "det", "pobj", "punct"]
    pos = ["NOUN", "AUX", "PART", "VERB", "ADP", "DET", "NOUN", "PUNCT"]
    tags = ["NNS", "VBD", "RB", "VBN", "IN", "DT", "NN", "."]
    lemmas = ["rifle", "be", "not", "sell", "by", "the", "commander", "."]
    doc = Doc(Vocab(), words=words, heads=heads, deps=deps, pos=pos, tags=tags, lemmas=lemmas)
    analysis = Analysis(document=Document(text=doc.text), sentences=[Sentence(0, len(doc.text))])
    add_propositions(analysis, [(0, doc)])
    (p,) = analysis.propositions
    assert p.predicate == "sell" and p.negated and p.form == "clause"
    roles = {a.role: doc.text[slice(*a.span)] for a in p.arguments}
    assert roles == {"patient": "Rifles", "agent": "the commander"}


def test_a_capitalised_noun_opening_a_sentence_is_a_noun_not_a_name():
    # The tagger often reads a sentence's first plural noun as a name ("Rockets hit ...").
    words = ["Rockets", "hit", "the", "post", "."]
    heads = [1, 1, 3, 1, 1]
    deps = ["nsubj", "ROOT", "det", "dobj", "punct"]
    pos = ["PROPN", "VERB", "DET", "NOUN", "PUNCT"]
    tags = ["NNPS", "VBD", "DT", "NN", "."]
    lemmas = ["Rockets", "hit", "the", "post", "."]
    doc = Doc(Vocab(), words=words, heads=heads, deps=deps, pos=pos, tags=tags, lemmas=lemmas)
    analysis = Analysis(document=Document(text=doc.text), sentences=[Sentence(0, len(doc.text))])
    add_propositions(analysis, [(0, doc)])
    (p,) = analysis.propositions
    assert {a.role: a.lemma for a in p.arguments} == {"agent": "rocket", "patient": "post"}


def test_an_argument_ends_at_a_paragraph_break():
    # A dateline paragraph the parser hung on the next paragraph's subject.
    words = ["Kut", "-", "Sada", "\n\n", "The", "director", "was", "relieved", "."]
    spaces = [True, True, False, False, True, True, True, False, False]
    heads = [5, 2, 5, 2, 5, 7, 7, 7, 7]
    deps = ["compound", "punct", "compound", "dep", "det", "nsubjpass", "auxpass", "ROOT", "punct"]
    pos = ["PROPN", "PUNCT", "PROPN", "SPACE", "DET", "NOUN", "AUX", "VERB", "PUNCT"]
    tags = ["NNP", "HYPH", "NNP", "_SP", "DT", "NN", "VBD", "VBN", "."]
    lemmas = ["Kut", "-", "Sada", "\n\n", "the", "director", "be", "relieve", "."]
    doc = Doc(Vocab(), words=words, spaces=spaces, heads=heads, deps=deps, pos=pos, tags=tags, lemmas=lemmas)
    sentences = [Sentence(0, 10), Sentence(12, len(doc.text))]
    analysis = Analysis(document=Document(text=doc.text), sentences=sentences)
    add_propositions(analysis, [(0, doc)])
    (p,) = analysis.propositions
    assert [doc.text[slice(*a.span)] for a in p.arguments] == ["The director"]
    assert doc.text[slice(*p.span)] == "The director was relieved."


@pytest.fixture(scope="module")
def said(model_extractor):
    def read(text: str, dates=()):
        analysis = model_extractor.extract(Document(text=text, date="2025-03-12"))
        out = {}
        for p in analysis.propositions:
            args = {a.role: (text[slice(*a.head)], a.number, a.bound, a.modifiers) for a in p.arguments}
            out[p.predicate] = {"args": args, "negated": p.negated, "modality": p.modality, "form": p.form,
                                "governors": [(g[0], g[3]) for g in p.governors],
                                "dates": [text[slice(*d)] for d in p.dates]}
        return out
    return read


@pytest.mark.model
def test_what_is_denied_inside_a_content_is_under_a_denying_verb(said):
    found = said("The Interior Ministry had denied that foreign instructors trained the brigade.")
    assert found["train"]["governors"] == [("deny", True)]
    assert found["train"]["args"]["agent"][3] == ["foreign"]
    # "Any" is kept with the qualifiers: whichever foreign party it is.
    found = said("The ministry denied that any foreign party had trained its units.")
    assert set(found["train"]["args"]["agent"][3]) == {"any", "foreign"}
    # "denied any involvement in the killing": what is denied is that the brigade killed;
    # the killing itself is taken as given (form "tied").
    found = said("The brigade denied any involvement in the killing of the mayor.")
    assert ("deny", True) in found["kill"]["governors"]
    assert found["kill"]["form"] == "tied" and found["kill"]["args"]["agent"][0] == "brigade"


@pytest.mark.model
def test_a_doing_tied_to_its_doer_by_other_words_is_said_of_that_doer(said):
    found = said("The battalion had nothing to do with the killing of the sheikh.")
    assert found["kill"]["form"] == "tied" and found["kill"]["negated"]
    args = found["kill"]["args"]
    assert args["agent"][0] == "battalion" and args["patient"][0] == "sheikh"
    found = said("The group was not involved in the attack.")
    assert found["attack"]["negated"] and found["attack"]["args"]["agent"][0] == "group"
    found = said("Police held the brigade responsible for the abduction of the activist.")
    assert not found["abduct"]["negated"] and found["abduct"]["args"]["agent"][0] == "brigade"
    # A word of involvement that ties only as a noun: "had a hand in", not "hand ... in".
    found = said("The court ordered the battalion to hand the suspects in the killing to a tribal court.")
    assert found.get("kill", {}).get("form") != "tied"
    # A strike and a connection: "had nothing to do with the strike", "denied any connection
    # to the bombing".
    found = said("The brigade had nothing to do with the strike.")
    assert found["strike"]["form"] == "tied" and found["strike"]["negated"]
    assert found["strike"]["args"]["agent"][0] == "brigade"
    found = said("The group denied any connection to the bombing.")
    assert found["bomb"]["form"] == "tied" and found["bomb"]["args"]["agent"][0] == "group"


@pytest.mark.model
def test_a_place_it_was_not_is_a_negative_argument(model_extractor):
    text = "He said his brother had been held in Erbil, not in Sulaymaniyah."
    analysis = model_extractor.extract(Document(text=text, date="2025-03-12"))
    (held,) = [p for p in analysis.propositions if p.predicate == "hold"]
    assert {text[slice(*a.head)]: a.negative for a in held.arguments if a.role == "in"} == {
        "Erbil": False, "Sulaymaniyah": True}
    assert not held.negated
    # "Not from a single checkpoint" says none: not a place it was not.
    text = "We have not pulled out of Jalawla, not from a single checkpoint."
    analysis = model_extractor.extract(Document(text=text, date="2025-03-12"))
    (pulled,) = [p for p in analysis.propositions if p.predicate == "pull out"]
    assert {text[slice(*a.head)]: a.negative for a in pulled.arguments if a.role == "from"} == {
        "Jalawla": False, "checkpoint": False}


@pytest.mark.model
def test_an_adverb_that_is_part_of_its_verb_is_read_as_its_particle(said):
    assert "shoot dead" in said("He was shot dead late on Saturday.")
    assert "get away" in said("Eleven inmates got away during the riot.")


@pytest.mark.model
def test_neither_nor_negates_both(said):
    found = said("He said he had been neither dismissed nor removed from his post.")
    assert found["dismiss"]["negated"] and found["remove"]["negated"]
    found = said("He said he had been dismissed and removed from his post.")
    assert not found["dismiss"]["negated"] and not found["remove"]["negated"]


@pytest.mark.model
def test_a_sum_with_a_currency_sign_is_money(model_extractor):
    text = "He was released after his family paid $200,000 to the kidnappers."
    (paid,) = [p for p in model_extractor.extract(Document(text=text)).propositions if p.predicate == "pay"]
    assert {a.role: a.lemma for a in paid.arguments}["patient"] == "dollar"


@pytest.mark.model
def test_any_of_them_is_them(said):
    fired = said("He denied that any of the clan's men had fired on the checkpoint.")["fire"]
    assert fired["args"]["agent"][0] == "men"
    assert said("Most of the fighters fled.")["flee"]["args"]["agent"][0] == "fighters"


@pytest.mark.model
def test_what_was_done_without_something_says_it_was_not_done(said):
    assert said("He said al-Masri was freed without any ransom being paid.")["pay"]["negated"]
    assert said("The brigade withdrew without firing a shot.")["fire"]["negated"]
    # ... unless nothing was done without it.
    assert not said("He said no tanker had crossed without paying its duties.")["pay"]["negated"]


@pytest.mark.model
def test_a_negating_argument_negates_the_clause(said):
    found = said("He insisted that not a single weapon had left the depots.")
    assert found["leave"]["negated"] and found["leave"]["args"]["patient"][0] == "depots"
    # The least of a thing, counted, is the thing, and its "not" the clause's.
    found = said("He swore that not a drop of the nation's fuel had been sold to smugglers.")
    assert found["sell"]["negated"] and found["sell"]["args"]["patient"][0] == "fuel"
    # An indirect question says nothing happened.
    found = said("The family had not been told where he was being held.")
    assert found["hold"]["modality"] == "whether"
    found = said("The family did not know which authority was holding him.")
    assert found["hold"]["modality"] == "whether"
    found = said("The brigade which holds the town denied it.")
    assert found["hold"]["modality"] is None  # a relative clause asks nothing
    # ... nor does a time: "when" asks only where the clause is what is asked of.
    found = said("It is unclear who fired first.")
    assert found["fire"]["modality"] == "whether"
    found = said("The officer did not say what the men had seized.")
    assert found["seize"]["modality"] == "whether"
    found = said("He said gunmen took him when he left the mosque.")
    assert found["take"]["modality"] is None and found["leave"]["modality"] is None
    # A habit is no one happening.
    found = said("Militants have repeatedly shelled the village.")
    assert found["shell"]["modality"] == "habitually"
    found = said("Drones have struck vehicles in the border areas many times over the past three years.")
    assert found["strike"]["modality"] == "habitually"
    # "pulled out of": a verb with its particle, and where from.
    found = said("We have not pulled out of Jalawla.")
    assert found["pull out"]["negated"] and found["pull out"]["args"]["from"][0] == "Jalawla"
    # The parser hangs "not" on the number: "not one rocket".
    found = said("Not one rocket was launched from the countryside.")
    assert found["launch"]["negated"]


@pytest.mark.model
def test_the_accused_is_the_doer_of_what_he_is_accused_of(said):
    found = said("The governor accused the commander of selling seized weapons to dealers.")
    assert found["sell"]["args"]["agent"][0] == "commander"
    assert found["sell"]["form"] == "gerund" and found["sell"]["governors"] == [("accuse", True)]
    # Who ordered a sale sold; "his arrest" is done to him, "his support" is his.
    found = said("Al-Saadi ordered the sale of rifles from the cache. His arrest followed his support.")
    assert found["sell"]["form"] == "nominal" and found["sell"]["args"]["agent"][0] == "Saadi"
    assert found["arrest"]["args"]["patient"][0] == "His"
    assert found["support"]["args"]["agent"][0] == "his"


@pytest.mark.model
def test_counts_keep_their_bounds_and_of_gives_the_object(said):
    found = said("The cache contained more than 400 rifles. It consisted of 90 rifles, no more than 1,200.")
    assert found["contain"]["args"]["patient"][1:3] == ([400], "at least")
    assert found["consist"]["args"]["patient"][:2] == ("rifles", [90])


@pytest.mark.model
def test_what_is_not_put_as_a_fact_says_how(said):
    assert said("Why didn't Donald Trump pay his taxes?")["pay"]["modality"] == "?"
    assert said("If he sold the rifles, he broke the law.")["sell"]["modality"] == "if"
    assert said("They want the brigade to withdraw.")["withdraw"]["modality"] == "to"
    assert said('"Don\'t shoot him," she said.')["shoot"]["modality"] == "!"
    assert said("The brigade may have sold the rifles.")["sell"]["modality"] == "may"
    assert said("The brigade sold the rifles.")["sell"]["modality"] is None
    # "No truth" denies what is said of the news or the reports it names.
    news = said("He said there is no truth to the news about the arrest of the commander.")
    reports = said("He said there was no truth to reports that the commander had been arrested.")
    assert news["arrest"]["negated"] and reports["arrest"]["negated"]
    assert not said("Police said the arrest of the commander was carried out on Monday.")["arrest"]["negated"]
    # An infinitive under "allowed", "managed", "forced" tells what was done.
    assert said("The staff allowed sixty tankers to enter from Iran.")["enter"]["modality"] is None
    assert said("Two prisoners managed to escape from the jail.")["escape"]["modality"] is None
    assert said("He cannot allow Hillary Clinton to become president.")["become"]["modality"] == "to"
    # What was refused, failed or avoided was not done.
    assert said("The commander refused to hand over the weapons.")["hand over"]["negated"]
    assert said("Trump used loopholes to avoid paying federal taxes.")["pay"]["negated"]
    assert not said("He did not fail to pay.")["pay"]["negated"]


@pytest.mark.model
def test_a_clause_that_describes_a_noun_takes_it_as_given_and_keeps_its_own_date(said):
    found = said("The weapons seized from the cache were sold on Monday.")
    assert found["seize"]["form"] == "description"
    assert found["sell"]["dates"] == ["Monday"] and found["seize"]["dates"] == []


def test_the_stage_reads_only_what_the_mentions_and_the_parse_give():
    # No parse, nothing said: the stage needs the parse.
    analysis = Analysis(document=Document(text="Rifles were sold."),
                        mentions=[Mention(0, 6, "Rifles", "PRODUCT", "other", "mentions", "1")])
    add_propositions(analysis, [])
    assert analysis.propositions == []


@pytest.mark.model
def test_the_number_of_what_was_done_is_the_count_of_the_doing(said):
    found = said("A senior official said the number of tankers smuggled out in August was closer to 70.")
    assert found["smuggle out"]["form"] == "clause"
    assert found["smuggle out"]["args"]["patient"][1:3] == ([70], "about")


@pytest.mark.model
def test_a_passive_with_its_auxiliary_left_out_is_passive(said):
    found = said("Five trucks were impounded and three drivers detained, the official said.")
    assert set(found["detain"]["args"]) == {"patient"}
    assert found["detain"]["args"]["patient"][:2] == ("drivers", [3])
    # An intransitive verb joined to a passive keeps its subject as the doer.
    assert set(said("The convoy was attacked and the guards fled.")["flee"]["args"]) == {"agent"}


@pytest.mark.model
def test_an_active_verb_joined_to_a_passive_one_takes_its_subject_as_the_doer(said):
    found = said("The force is organised in four battalions and collects a levy on trucks.")
    assert found["collect"]["args"]["agent"][0] == "force"
    assert found["organise"]["args"]["patient"][0] == "force"
    # ... but a participle with no object of its own stays passive.
    found = said("The activist was arrested in Kut and taken to an unknown location.")
    assert found["take"]["args"]["patient"][0] == "activist"


@pytest.mark.model
def test_what_a_quantity_counts_is_the_argument(said, model_extractor):
    found = said("A number of fighters had left their positions. A group of gunmen stormed the building.")
    assert found["leave"]["args"]["agent"][0] == "fighters"
    assert found["storm"]["args"]["agent"][0] == "gunmen"
    # "The number of" is a count: what rose is the number.
    assert said("The number of dead rose to 14.")["rise"]["args"]["agent"][0] == "number"
    # "nine wounded" after "four people were killed": nine people.
    text = "Four people were killed and nine wounded in the attack."
    analysis = model_extractor.extract(Document(text=text, date="2025-03-12"))
    wound = next(p for p in analysis.propositions if p.predicate == "wound")
    (patient,) = [a for a in wound.arguments if a.role == "patient"]
    assert (patient.lemma, patient.number) == ("people", [9])


@pytest.mark.model
def test_what_a_doing_did_has_the_doings_doer_and_day(said):
    found = said("A drone struck a car near the town on Tuesday, killing three people.")
    kill = found["kill"]
    assert kill["form"] == "clause"
    assert kill["args"]["agent"][0] == "drone" and kill["args"]["patient"][:2] == ("people", [3])
    assert kill["dates"] == ["Tuesday"]
    # With a conjunction of its own it is not the doing's consequence.
    assert "agent" not in said("Police arrested him while leaving the mosque.")["leave"]["args"]


@pytest.mark.model
def test_an_object_that_is_part_of_the_verb_is_no_patient(said):
    found = said("The fighting took place in the village.")
    assert set(found["take place"]["args"]) == {"agent", "in"}
    assert "patient" in said("They took the town by force.")["take"]["args"]


@pytest.mark.model
def test_a_cleft_says_its_clause_with_the_noun_as_doer(said):
    found = said("It was the division's security office that took him.")
    assert found["take"]["form"] == "clause" and found["take"]["args"]["agent"][0] == "office"
    # (Where the parser hangs the clause on "the division", the division did it.)
    found = said("It was the security office of the Northern Lions Division that took him.")
    assert found["take"]["form"] == "clause" and found["take"]["args"]["agent"][0] in ("office", "Division")
    assert not found["take"]["negated"]
    found = said("It was not the brigade that fired the shells.")
    assert found["fire"]["form"] == "clause" and found["fire"]["negated"]
    # An ordinary relative clause still describes its noun, which is its doer.
    found = said("The office that took him was closed on Monday.")
    assert found["take"]["form"] == "description" and found["take"]["args"]["agent"][0] == "office"


@pytest.mark.model
def test_what_an_accusation_says_is_a_clause_under_the_denial(said):
    found = said("A spokesman dismissed as lies accusations that its forces shelled the market.")
    assert found["shell"]["form"] == "clause" and found["shell"]["args"]["agent"][0] == "forces"
    # ... not a relative clause on such a noun ("the accusations that he made"), nor what is
    # said of the accusation itself.
    found = said("He repeated the accusations that he made on Monday.")
    assert found["make"]["form"] == "description"
    found = said("He said the accusations that his men sold the fuel were old.")
    assert found["sell"]["form"] == "description"
    # ... unless what is said of it is that it is untrue: then the clause is denied.
    found = said("He said the accusations that his men sold the fuel were lies.")
    assert found["sell"]["form"] == "clause" and found["sell"]["negated"]
    found = said("The claim that he was detained is false.")
    assert found["detain"]["form"] == "clause" and found["detain"]["negated"]


@pytest.mark.model
def test_a_date_between_the_reported_clause_and_its_speaker_is_the_clauses(said):
    # The model hangs "on Sunday" under "said"; it dates the dismissal.
    found = said("The governor dismissed the police chief, Colonel Ali Hassan, on Sunday, an official said.")
    assert found["dismiss"]["dates"] == ["Sunday"]
    # After the speaker it is the saying's.
    found = said("The governor dismissed the police chief, an official said on Sunday.")
    assert found["dismiss"]["dates"] == [] and found["say"]["dates"] == ["Sunday"]


@pytest.mark.model
def test_a_time_in_the_possessive_says_when_not_who(said):
    found = said("Harakat al-Thar has denied any role in last week's car bombing in Sarmada.")
    # "last week's" is not the bombing's doer; the tie gives it: the movement.
    assert found["bomb"]["args"]["agent"][0] == "Thar"


@pytest.mark.model
def test_an_explosion_is_a_bombing_a_doer_can_be_tied_to(said):
    found = said("Harakat al-Thar denied any involvement in the car bomb explosion in Sarmada.")
    assert found["bomb"]["form"] == "tied" and found["bomb"]["args"]["agent"][0] == "Thar"


@pytest.mark.model
def test_whose_a_thing_is_is_told_one_way(said):
    for text in ("The goods are the property of the Tannoukh company.",
                 "The container was consigned to the Tannoukh company.",
                 "The Tannoukh company owns the container."):
        found = said(text)
        assert "belong" in found, text
        assert found["belong"]["args"]["to"][0] == "company" and "agent" in found["belong"]["args"], text


@pytest.mark.model
def test_what_a_witness_saw_done_is_a_clause_not_a_description(said):
    found = said("Survivors describe shots fired from a patrol vessel.")
    assert found["fire"]["form"] == "clause" and found["fire"]["args"]["patient"][0] == "shots"
    # A participle after any other object describes its noun.
    assert said("The police found weapons seized from a cache.")["seize"]["form"] == "description"


@pytest.mark.model
def test_a_capitalised_noun_after_a_dateline_is_a_noun(said):
    found = said("TABQA, Syria, Aug 20 (Mashriq Wire) - Gunmen attacked the central prison.")
    assert found["attack"]["args"]["agent"][0] == "Gunmen"


def test_a_plural_in_men_after_a_dateline_is_its_singular():
    words = ["KUT", "-", "Gunmen", "stormed", "the", "house", "."]
    heads = [3, 3, 3, 3, 5, 3, 3]
    deps = ["npadvmod", "punct", "nsubj", "ROOT", "det", "dobj", "punct"]
    pos = ["PROPN", "PUNCT", "PROPN", "VERB", "DET", "NOUN", "PUNCT"]
    tags = ["NNP", ":", "NNP", "VBD", "DT", "NN", "."]
    lemmas = ["KUT", "-", "Gunmen", "storm", "the", "house", "."]
    doc = Doc(Vocab(), words=words, heads=heads, deps=deps, pos=pos, tags=tags, lemmas=lemmas)
    analysis = Analysis(document=Document(text=doc.text), sentences=[Sentence(0, len(doc.text))])
    add_propositions(analysis, [(0, doc)])
    (p,) = analysis.propositions
    assert {a.role: a.lemma for a in p.arguments} == {"agent": "gunman", "patient": "house"}
