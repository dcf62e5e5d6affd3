"""Events: attacks and bombings, deaths and injuries, arrests, dismissals and appointments,
protests, elections and thwarted plots, with the place and date named in the same sentence
and the figures ("killed 14 people and wounded 40", "between 300 and 400").

A trigger is a word or phrase of ``events.yml``; the place is the place mention of the
sentence nearest the trigger, the date the nearest date mention. Mentions of one type in
one report with the same place and date (or none) are one event, with every trigger kept
as evidence. Figures are read from a number next to a figure word ("14 people were
killed", "killed 14", "40 wounded").
"""

from __future__ import annotations

import functools
import re
from typing import Any

from crosscheck.extract import lexicon
from crosscheck.extract.stages import stage
from crosscheck.model import Event, Mention

VERSION = "1"
_NUMBER_WORDS = {"one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
                 "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "a dozen": 12, "twenty": 20,
                 "thirty": 30, "forty": 40, "fifty": 50, "a hundred": 100}
# "dozens", "hundreds", "scores" are not numbers: such a figure is left out, not guessed.
_RANGE = re.compile(r"(?:between\s+)?(?P<a>[\d,]+)\s*(?:-|to|and|–)\s*(?P<b>[\d,]+)")
_WINDOW = 4  # words between a number and its figure word


@functools.cache
def _lexicon() -> dict[str, Any]:
    data = lexicon.load("events.yml")
    words: dict[str, str] = {}
    phrases: list[tuple[str, str]] = []
    for type_, triggers in data["types"].items():
        for t in triggers:
            if " " in t:
                phrases.append((t, type_))
            else:
                words.setdefault(t, type_)
    longest_first = sorted((p for p, _ in phrases), key=len, reverse=True)
    phrase = re.compile(r"\b(?:" + "|".join(re.escape(p) for p in longest_first) + r")\b", re.IGNORECASE)
    figures = {w: kind for kind, ws in data["figures"].items() for w in ws}
    return {"words": words, "phrases": dict(phrases), "phrase": phrase, "not_before": set(data["not_before"]),
            "figures": figures}


def number_of(text: str) -> list[int] | None:
    """ "14" -> [14]; "1,200" -> [1200]; "between 300 and 400" -> [300, 400]; "six" -> [6]."""
    low = text.lower().replace("about ", "").replace("at least ", "").replace("more than ", "").strip()
    m = _RANGE.fullmatch(low)
    if m:
        return [int(m["a"].replace(",", "")), int(m["b"].replace(",", ""))]
    digits = low.replace(",", "")
    if digits.isdigit():
        return [int(digits)]
    if low in _NUMBER_WORDS:
        return [_NUMBER_WORDS[low]]
    return None


def _nearest(mentions: list[Mention], at: int) -> Mention | None:
    return min(mentions, key=lambda m: abs(m.start - at), default=None)


@stage("events", version=VERSION, requires=["parse", "sentences", "mentions"], assigns=["events"])
def add_events(analysis, parsed) -> None:
    lex = _lexicon()
    text = analysis.document.text
    found: list[Event] = []
    for sent in analysis.sentences:
        s_text = text[sent.start:sent.end]
        triggers: list[tuple[tuple[int, int], str]] = []
        for m in lex["phrase"].finditer(s_text):
            triggers.append(((sent.start + m.start(), sent.start + m.end()), lex["phrases"][m[0].lower()]))
        for m in re.finditer(r"[A-Za-z][\w-]*", s_text):
            span = (sent.start + m.start(), sent.start + m.end())
            type_ = lex["words"].get(m[0].lower())
            if type_ is None or any(a <= span[0] < b for (a, b), _ in triggers):
                continue
            after = re.match(r"\s+(\w+)", s_text[m.end():])
            if after and after[1].lower() in lex["not_before"]:
                continue
            triggers.append((span, type_))
        if not triggers:
            continue
        inside = [x for x in analysis.mentions if sent.start <= x.start and x.end <= sent.end]
        places = [x for x in inside if x.type == "place"]
        dates = [x for x in inside if x.type == "date"]
        figures, figure_spans = _figures(text, sent, inside, lex)
        for span, type_ in sorted(triggers):
            place, date = _nearest(places, span[0]), _nearest(dates, span[0])
            event = Event(type_, [span], [(place.start, place.end)] if place else [],
                          [(date.start, date.end)] if date else [], stage_version=VERSION)
            if type_ in ("attack", "die", "injure", "arrest"):
                event.figures, event.figure_spans = dict(figures), list(figure_spans)
            found.append(event)
    analysis.events.extend(_merge(found, text))


Figures = tuple[dict[str, list[int]], list[tuple[int, int]]]


def _figures(text: str, sent, inside: list[Mention], lex) -> Figures:
    figures: dict[str, list[int]] = {}
    spans = []
    numbers = [x for x in inside if x.type == "quantity" or x.label in ("CARDINAL", "QUANTITY")]
    for n in numbers:
        value = number_of(n.text)
        if value is None:
            continue
        after = re.findall(r"[a-z]+", text[n.end:sent.end].lower())[:_WINDOW]
        before = re.findall(r"[a-z]+", text[sent.start:n.start].lower())[::-1][:2]
        # The nearest figure word: "killed 14 people and wounded 40", "14 people were killed".
        nearest = [w for i in range(_WINDOW) for w in (before[i:i + 1] + after[i:i + 1])]
        kind = next((lex["figures"][w] for w in nearest if w in lex["figures"]), None)
        if kind and kind not in figures:
            figures[kind] = value
            spans.append((n.start, n.end))
    return figures, spans


def _merge(events: list[Event], text: str) -> list[Event]:
    """Mentions of one type with the same place and date (by their words) are one event."""
    merged: dict[tuple, Event] = {}

    def words(spans):
        return tuple(sorted({text[a:b].lower() for a, b in spans}))

    for e in events:
        key = (e.type, words(e.places), words(e.dates))
        if key in merged:
            into = merged[key]
            into.triggers += e.triggers
            into.places = sorted(set(into.places + e.places))
            into.dates = sorted(set(into.dates + e.dates))
            for kind, value in e.figures.items():
                into.figures.setdefault(kind, value)
            into.figure_spans = sorted(set(into.figure_spans + e.figure_spans))
        else:
            merged[key] = e
    return list(merged.values())
