"""Claims made comparable, and compared: which statements corroborate one another and which
contradict one another, within a report and across reports.

A **statement** is what one source puts forward: a claim (who said it, its content, its
stance) or a fact the report gives in its own voice (an event outside every claim: "a car
bomb killed 14 people"), whose source is the outlet. Each is reduced to what it asserts
about whom: the entities its words name (after resolution), its content words, its polarity
(a denial, or a "not" in the content, turns it), and the events it reports (type, places,
date, figures).

Two statements say **the same thing** when their content words mostly agree and they name
an entity in common (or agree almost word for word), or when they report the same event
(one family of event types, the same place, dates that agree). Then:

- **corroboration**: the same thing with the same polarity from two sources, with how
  independent they are (``independence``): two named people or two outlets each with their
  own source, ``independent``; two anonymous sources of one article or one outlet, ``weak``;
  one outlet citing another, or one source twice, ``none``;
- **contradiction**: the same thing asserted and denied (``denial``); one event with figures
  that cannot both hold (``figures``: 14 against 17 killed; "at least 12" agrees with 14),
  on dates days apart (``date``) or in different places (``place``). A later figure of the
  same outlet that says it rose ("the toll rose to 17") is an update, not a contradiction.

A denial whose content only points back ("the commander rejected the claim") takes the
content of the claim before it in its report. Words are data (``compare.yml``). The module
is pure: ``crosscheck.store.assessment`` reads the statements from the store and writes the
pairs.
"""

from __future__ import annotations

import functools
import re
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from datetime import date as Date
from itertools import combinations
from pathlib import Path
from typing import Any

from crosscheck.extract import lexicon

VERSION = "1"
INDEPENDENCE_STRENGTH = {"independent": 1.0, "weak": 0.5, "none": 0.0}
_HERE = Path(__file__).parent
POSITIVE = ("asserts", "confirms", "alleges")  # stances that put something forward
NEGATIVE = ("denies",)


@functools.cache
def settings() -> dict[str, Any]:
    data = lexicon.load(str(_HERE / "compare.yml"))
    family = {t: name for name, types in data["families"].items() for t in types}
    return {**data, "stopwords": set(data["stopwords"]), "negations": set(data["negations"]),
            "back_references": set(data["back_references"]), "updates": set(data["updates"]),
            "family": family}


@dataclass(frozen=True)
class Figure:
    """A count as the report gives it: ``low`` to ``high`` (equal for an exact count; ``high``
    None for "at least")."""

    low: int
    high: int | None

    def agrees(self, other: Figure) -> bool:
        top_a = self.high if self.high is not None else float("inf")
        top_b = other.high if other.high is not None else float("inf")
        return self.low <= top_b and other.low <= top_a

    def __str__(self) -> str:
        if self.high is None:
            return f"at least {self.low}"
        return str(self.low) if self.low == self.high else f"{self.low}-{self.high}"


@dataclass
class EventFact:
    """An event a statement reports, as compared: its family of types, its places (entity
    ids, or the words of a place with no entity), its date and its figures."""

    id: str
    type: str
    places: frozenset[str] = frozenset()
    date: str | None = None  # ISO with the known parts
    precision: str | None = None
    report_date: str | None = None  # the document's date, for an event the report leaves undated
    figures: dict[str, Figure] = field(default_factory=dict)
    update: bool = False  # the figure's sentence says it rose ("the toll rose to 17")

    @property
    def family(self) -> str:
        return settings()["family"].get(self.type, self.type)


@dataclass
class Statement:
    """What one source puts forward in one report (see the module's docstring)."""

    id: str  # the claim's id, or the event's for a fact in the report's own voice
    document: str
    outlet: str | None  # the report's outlet
    source: str  # a key: "entity:<id>", "anonymous:<document>:<words>", "outlet:<name>"
    source_kind: str  # named, anonymous, outlet
    stance: str
    span: tuple[int, int]
    text: str  # the content's words (or the sentence of a fact)
    entities: frozenset[str] = frozenset()
    events: list[EventFact] = field(default_factory=list)
    cited: frozenset[str] = frozenset()  # outlet keys the statement comes through ("according to X")
    kind: str = "claim"  # claim, or fact (the report's own voice)
    source_name: str = ""  # as a person reads it: a name, an outlet, an anonymous source's words
    words: frozenset[str] = frozenset()  # content words less the names (``content_words``)
    polarity: int = 1
    refers_to: str | None = None  # a denial that points back: the claim it denies

    def __post_init__(self) -> None:
        negated = content_words(self.text)[1]
        self.polarity = (-1 if self.stance in NEGATIVE else 1) * (-1 if negated else 1)
        if not self.words:  # what it says of what it names: the loader leaves the names out
            self.words = content_words(self.text)[0]


@dataclass
class Pair:
    """Two statements that corroborate or contradict each other, and why."""

    kind: str  # corroboration, contradiction
    a: str  # statement ids, a < b
    b: str
    reason: str  # same, denial, figures, date, place
    independence: str  # independent, weak, none
    strength: float
    detail: str  # "17 killed against 14", "same words: trained, instructors, brigade"


_WORD = re.compile(r"[a-z]+(?:'t)?")


def stem(word: str) -> str:
    """A crude English stem, enough to match "trained"/"training"/"trains", "instructors"."""
    for suffix, keep in (("ies", "y"), ("ing", ""), ("ed", ""), ("es", ""), ("s", "")):
        if word.endswith(suffix) and len(word) - len(suffix) >= 3 and not word.endswith("ss"):
            word = word[: len(word) - len(suffix)] + keep
            break
    return word[:-1] if len(word) > 4 and word[-1] == word[-2] else word


# Where a content's first proposition ends: "nine were killed, and that investigators had
# found no evidence" is not a denial that nine were killed.
_NEXT = re.compile(r",?\s+(?:and|but|while|although|though|whereas)\s+(?:that\s+)?|;\s+")


def content_words(text: str) -> tuple[frozenset[str], bool]:
    """The stems of a text's content words, and whether it is negated (an odd number of
    negations in its first proposition: "did not train" is negated, "did not deny that it
    never" is not)."""
    s = settings()
    low = text.lower().replace("\u2019", "'")
    words = _WORD.findall(low)
    first = _WORD.findall(_NEXT.split(low, maxsplit=1)[0])
    negations = sum(1 for w in first if w in s["negations"] or w.endswith("n't"))
    kept = frozenset(stem(w) for w in words if w not in s["stopwords"] and w not in s["negations"]
                     and not w.endswith("n't") and len(w) > 1)
    return kept, negations % 2 == 1


def points_back(statement: Statement) -> bool:
    """Whether a denial's content only points back at a claim ("rejected the claim")."""
    words = _WORD.findall(statement.text.lower())
    back = settings()["back_references"]
    return bool(words) and all(w in back or w in settings()["stopwords"] for w in words) \
        and any(w in back for w in words)


def link_back(statements: list[Statement]) -> None:
    """A denial that points back takes the content of the claim before it in its report
    that it can deny: the nearest earlier asserting claim from another source."""
    by_doc: dict[str, list[Statement]] = {}
    for s in sorted(statements, key=lambda s: (s.document, s.span[0])):
        by_doc.setdefault(s.document, []).append(s)
    for doc_statements in by_doc.values():
        for i, s in enumerate(doc_statements):
            if s.stance not in NEGATIVE or not points_back(s):
                continue
            earlier = [t for t in doc_statements[:i] if t.kind == "claim" and t.stance in POSITIVE
                       and t.polarity > 0 and t.source != s.source and t.words]
            if earlier:
                target = earlier[-1]
                s.refers_to = target.id
                s.words, s.entities = target.words, s.entities | target.entities
                s.polarity = -target.polarity


def independence(a: Statement, b: Statement) -> str:
    """How independent two statements' sources are (see the module's docstring)."""
    if a.source == b.source:
        return "none"
    outlet_a, outlet_b = _outlet_key(a.outlet), _outlet_key(b.outlet)
    # One comes through the other's outlet ("according to X"), or both through a third.
    if (outlet_a and outlet_a in b.cited) or (outlet_b and outlet_b in a.cited) or (a.cited & b.cited):
        return "none"
    if a.source_kind == "outlet" and b.source_kind == "outlet":
        return "independent" if outlet_a != outlet_b else "none"
    if a.document == b.document or outlet_a == outlet_b:
        both_named = a.source_kind == "named" and b.source_kind == "named"
        return "independent" if both_named else "weak"
    return "independent"


def _outlet_key(name: str | None) -> str | None:
    return f"outlet:{name.lower().removeprefix('the ').strip()}" if name else None


def outlet_key(name: str) -> str:
    return _outlet_key(name) or ""


def same_words(a: Statement, b: Statement) -> frozenset[str] | None:
    """The content words two statements share, if they are enough to say the same thing."""
    s = settings()
    if not a.words or not b.words:
        return None
    shared = a.words & b.words
    if len(shared) < s["min_shared_words"]:
        return None
    overlap = len(shared) / min(len(a.words), len(b.words))
    with_entity = bool(a.entities & b.entities)
    needed = s["same_words_with_entity"] if with_entity else s["same_words_alone"]
    if len(shared) / max(len(a.words), len(b.words)) < s["same_words_of_longer"]:
        return None  # a few words of a long statement
    return shared if overlap >= needed else None


def _day(iso: str | None) -> Date | None:
    if iso and len(iso) == 10:
        try:
            return Date.fromisoformat(iso)
        except ValueError:
            return None
    return None


def _dates_agree(a: EventFact, b: EventFact) -> bool | None:
    """True if the dates agree at the precision both have, False if not, None if either
    event is undated."""
    if not a.date or not b.date:
        return None
    n = min(len(a.date), len(b.date))
    return a.date[:n] == b.date[:n]


def _near_in_time(a: EventFact, b: EventFact) -> bool:
    """Undated events count as the same happening when their reports are a week apart at most."""
    da, db = _day(a.date) or _day(a.report_date), _day(b.date) or _day(b.report_date)
    return da is None or db is None or abs((da - db).days) <= 7


def event_pairs(a: EventFact, b: EventFact) -> tuple[str, str] | None:
    """A contradiction between two reports of one event, as (reason, detail), or None."""
    if a.family != b.family or not a.places or not b.places:
        return None
    same_place = bool(a.places & b.places)
    agree = _dates_agree(a, b)
    if same_place and agree is not False and _near_in_time(a, b):
        for kind in sorted(set(a.figures) & set(b.figures)):
            fa, fb = a.figures[kind], b.figures[kind]
            if not fa.agrees(fb) and not (a.update or b.update):
                return "figures", f"{kind} {fa} against {fb}"
        return None
    da, db = _day(a.date), _day(b.date)
    apart = abs((da - db).days) if da and db else 0
    if same_place and agree is False and 0 < apart <= settings()["date_conflict_days"]:
        return "date", f"{a.date} against {b.date}"
    return None


def candidates(statements: list[Statement]) -> set[tuple[int, int]]:
    """The pairs worth comparing (indexes, i < j): those that share enough content words, an
    event's family and place, or a denial and the claim it answers. Everything else cannot
    pair, so a corpus is not compared all against all."""
    s = settings()
    by_word: dict[str, list[int]] = defaultdict(list)
    by_event: dict[tuple[str, str], list[int]] = defaultdict(list)
    by_id = {st.id: i for i, st in enumerate(statements)}
    for i, st in enumerate(statements):
        for w in st.words:
            by_word[w].append(i)
        for e in st.events:
            for place in e.places:
                by_event[e.family, place].append(i)
    shared: Counter[tuple[int, int]] = Counter()
    for postings in by_word.values():
        if len(postings) <= s["max_posting"]:  # a word most statements have tells none apart
            shared.update(combinations(postings, 2))
    out = {pair for pair, n in shared.items() if n >= s["min_shared_words"]}
    for postings in by_event.values():
        out.update(combinations(sorted(set(postings)), 2))
    for i, st in enumerate(statements):
        if st.refers_to in by_id:
            out.add(tuple(sorted((i, by_id[st.refers_to]))))
    return out


def compare(statements: list[Statement]) -> list[Pair]:
    """Every corroboration and contradiction among the statements."""
    link_back(statements)
    found: dict[tuple[str, str, str], Pair] = {}

    def add(kind: str, a: Statement, b: Statement, reason: str, detail: str) -> None:
        first, second = sorted((a, b), key=lambda s: s.id)
        key = (kind, first.id, second.id)
        if key in found:
            return
        level = independence(a, b)
        found[key] = Pair(kind, first.id, second.id, reason, level,
                          INDEPENDENCE_STRENGTH[level] if kind == "corroboration" else 1.0, detail)

    comparable = [s for s in statements if s.stance in POSITIVE + NEGATIVE]
    for i, j in sorted(candidates(comparable)):
        a, b = comparable[i], comparable[j]
        if a.id == b.id or (a.document == b.document and "fact" in (a.kind, b.kind)):
            continue  # a report's own account rests on the sources it quotes
        if a.document == b.document and a.span[0] < b.span[1] and b.span[0] < a.span[1]:
            continue  # one claim inside another ("X said that Y told him ..."), or read twice
        if a.refers_to == b.id or b.refers_to == a.id:
            add("contradiction", a, b, "denial", "denies the claim it answers")
            continue
        conflicts = [c for ea in a.events for eb in b.events if ea.id != eb.id and (c := event_pairs(ea, eb))]
        if conflicts:  # one event told two ways: the figures, the date or the place say why
            add("contradiction", a, b, *conflicts[0])
            continue
        shared = same_words(a, b)
        if shared is not None and a.source != b.source:
            detail = "same words: " + ", ".join(sorted(shared)[:6])
            if a.polarity == b.polarity:
                add("corroboration", a, b, "same", detail)
            else:
                add("contradiction", a, b, "denial", detail)
    return sorted(found.values(), key=lambda p: (p.kind, p.a, p.b))
