from crosscheck.extract.acronyms import add_acronyms
from crosscheck.model import Analysis, Document, Mention


def _found(text: str, *mentions: Mention) -> list[tuple[str, str]]:
    a = Analysis(document=Document(text=text), mentions=list(mentions))
    add_acronyms(a, [])
    return [(m.text, m.label) for m in a.mentions]


def test_acronym_in_running_text_is_a_mention():
    assert _found("militias captured IS\u2019 last territory") == [("IS", "ORG")]
    assert _found("2,000 IS insurgents in sleeper cells") == [("IS", "ORG")]


def test_acronym_in_a_capitals_headline_is_a_word():
    assert _found("WHO IS THE BEST?\nThe match was played on Sunday.") == []


def test_acronym_inside_another_mention_is_left_alone():
    text = "the IS-K branch and the IS Media office"
    office = Mention(24, 32, "IS Media", "ORG", "organization", "mentions", "1")
    assert _found(text, office) == [("IS Media", "ORG")]
