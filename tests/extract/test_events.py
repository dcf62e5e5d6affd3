"""Events on hand-written sentences with hand-placed mentions (no model)."""

import re

from crosscheck.extract.events import add_events, number_of
from crosscheck.model import Analysis, Document, Mention, Sentence

TYPES = {"GPE": "place", "DATE": "date", "CARDINAL": "quantity"}


def _analysis(text, spec):
    mentions, pos = [], 0
    for surface, label in spec:
        start = text.index(surface, pos)
        pos = start + len(surface)
        mentions.append(Mention(start, pos, surface, label, TYPES[label], "mentions", "1"))
    sentences = [Sentence(m.start(), m.end()) for m in re.finditer(r"[^.]+\.", text)]
    return Analysis(document=Document(text=text), mentions=mentions, sentences=sentences)


def _events(a):
    t = a.document.text
    return [(e.type, [t[slice(*s)] for s in e.triggers], [t[slice(*s)] for s in e.places],
             [t[slice(*s)] for s in e.dates], e.figures) for e in a.events]


def test_an_attack_with_its_place_date_and_figures():
    text = ("A car bomb in the Kut market on March 3 killed 14 people and wounded 40. "
            "Police detained three men in Hilla. The car bomb in Kut on March 3 was the worst this year.")
    a = _analysis(text, [("Kut", "GPE"), ("March 3", "DATE"), ("14", "CARDINAL"), ("40", "CARDINAL"),
                         ("three", "CARDINAL"), ("Hilla", "GPE"), ("Kut", "GPE"), ("March 3", "DATE")])
    add_events(a, [])
    found = _events(a)
    # The car bomb mentioned twice with the same place and date is one event.
    assert ("attack", ["car bomb", "car bomb"], ["Kut"], ["March 3"], {"killed": [14], "wounded": [40]}) \
        in [(t, tr, sorted(set(p)), sorted(set(d)), f) for t, tr, p, d, f in found]
    assert ("die", ["killed"], ["Kut"], ["March 3"], {"killed": [14], "wounded": [40]}) in found
    assert ("arrest", ["detained"], ["Hilla"], [], {"arrested": [3]}) in found


def test_figures_read_in_either_order_and_ranges_kept():
    text = "Between 300 and 400 fighters joined. At least 12 people were killed and dozens injured."
    a = _analysis(text, [("Between 300 and 400", "CARDINAL"), ("At least 12", "CARDINAL"),
                         ("dozens", "CARDINAL")])
    add_events(a, [])
    (die,) = [e for e in a.events if e.type == "die"]
    assert die.figures == {"killed": [12]}  # "dozens" is no number: not guessed
    assert number_of("between 300 and 400") == [300, 400] and number_of("1,200") == [1200]
    assert number_of("a few") is None


def test_a_trigger_word_used_otherwise_is_no_event():
    text = "The street was named after him. It was a dead end."
    a = _analysis(text, [])
    add_events(a, [])
    assert a.events == []
