"""What the writer stores of a proposition's arguments: the entity each names."""

from crosscheck.model import Analysis, Argument, Document, Mention, Proposition
from crosscheck.store.writer import proposition_rows


def _analysis(text: str, head: str, phrase: str, *names: tuple[str, str]) -> tuple[Analysis, dict]:
    """An "appoint" proposition whose patient is ``phrase`` headed by ``head``; ``names`` as
    (words, attrs reference kind or "")."""
    start = text.index(phrase)
    at = text.index(head, start)
    mentions, entity_at = [], {}
    for words, reference in names:
        s = text.index(words)
        attrs = {"reference": reference} if reference else {}
        mentions.append(Mention(s, s + len(words), words, "PERSON", "person", "mentions", "1", attrs=attrs))
        entity_at[s, s + len(words)] = f"ent-{words.split()[-1].lower()}"
    verb = text.index("appointed")
    argument = Argument("patient", (start, start + len(phrase)), (at, at + len(head)), head)
    proposition = Proposition("appoint", (verb, verb + 9), (0, len(text)), "1", [argument])
    return Analysis(document=Document(text=text), mentions=mentions, propositions=[proposition]), entity_at


def test_a_word_for_a_person_names_the_person_its_phrase_names_not_a_pronoun_in_it():
    text = "Mizouri left; his deputy, Lawin Tahir, was appointed."
    analysis, entity_at = _analysis(text, "deputy", "his deputy, Lawin Tahir", ("Mizouri", ""),
                                    ("his", "pronoun"), ("Lawin Tahir", ""))
    (row,) = proposition_rows(analysis, entity_at)
    assert row["arguments"][0]["entity"] == "ent-tahir"
    # With no name in the phrase, the pronoun's man is not the deputy.
    text = "Mizouri left; his deputy was appointed."
    analysis, entity_at = _analysis(text, "deputy", "his deputy", ("Mizouri", ""), ("his", "pronoun"))
    (row,) = proposition_rows(analysis, entity_at)
    assert row["arguments"][0]["entity"] is None
    # Nor is the man a possessive names: "Qaddour's deputy, Omar Darwish" is Darwish.
    text = "Qaddour's deputy, Omar Darwish, was appointed."
    analysis, entity_at = _analysis(text, "deputy", "Qaddour's deputy, Omar Darwish", ("Qaddour", ""),
                                    ("Omar Darwish", ""))
    (row,) = proposition_rows(analysis, entity_at)
    assert row["arguments"][0]["entity"] == "ent-darwish"
