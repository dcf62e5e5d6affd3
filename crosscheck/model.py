"""The vocabulary of crosscheck as plain data classes.

These objects carry no database handle and no model: extraction turns a
:class:`Document` into an :class:`Analysis`, the store keeps both, and every
later stage reads them back. See ``docs/glossary.md`` for the words.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from typing import Any

# Mention labels we keep, grouped into the four entity types of the export.
ENTITY_TYPES = ("person", "organization", "place", "other")


def content_id(prefix: str, *parts: object, length: int = 20) -> str:
    """A stable id hashed from the fields that make a thing what it is."""
    h = hashlib.sha256("\x1f".join(str(p) for p in parts).encode("utf-8"))
    return f"{prefix}-{h.hexdigest()[:length]}"


def text_sha256(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


@dataclass
class Document:
    """One report: its text exactly as stored, and its metadata."""

    text: str
    title: str | None = None
    outlet: str | None = None
    author: str | None = None
    date: str | None = None  # ISO 8601: YYYY-MM-DD, YYYY-MM or YYYY
    date_source: str | None = None  # where the date came from: "option", "html:meta", ...
    language: str | None = None
    path: str | None = None
    format: str | None = None
    sha256: str = ""  # of the stored text
    id: str = ""

    def __post_init__(self) -> None:
        if not self.sha256:
            self.sha256 = text_sha256(self.text)
        if not self.id:
            self.id = "doc-" + self.sha256[:20]


@dataclass(frozen=True)
class Span:
    """(document, start, end) in characters over the stored text, plus that text."""

    document: str
    start: int
    end: int
    text: str

    def to_dict(self) -> dict[str, Any]:
        return {"document": self.document, "start": self.start, "end": self.end, "text": self.text}


@dataclass
class Sentence:
    start: int
    end: int


@dataclass
class Mention:
    """A span that names something: a person, an organisation, a place, a date, a figure.

    ``label`` is the fine label (PERSON, ORG, GPE, DATE, MONEY, CARDINAL, ...);
    ``type`` is the coarse one used for entities and exports. ``attrs`` holds what
    is not part of the name, e.g. ``{"title": "Major General", "title_start": 10}``.
    """

    start: int
    end: int
    text: str
    label: str
    type: str
    stage: str
    stage_version: str
    attrs: dict[str, Any] = field(default_factory=dict)
    entity_key: str | None = None  # set by resolve: mentions with one key are one entity

    def span(self, document_id: str) -> Span:
        return Span(document_id, self.start, self.end, self.text)


@dataclass
class Claim:
    """An attribution: who (``source``) said (``cue``) what (``content``), and how (``stance``).

    Spans are (start, end) character offsets into the document's text. ``source``
    is None for an unattributed claim ("the brigade is accused of ..."), ``content``
    for a refusal to comment. ``via`` holds the indexes, in the analysis's list of
    claims, of the claims this one is reported inside, innermost first: when a
    council member says the governor accused the commander, the governor's claim
    has ``via == [index of the council member's claim]``. ``attrs`` describes the
    source: ``anonymous``, ``plural``, ``former``, ``pronoun``, ``refers_to`` (the
    span a pronoun or "the official" continues), ``anonymity`` (the report says
    the source asked not to be named).
    """

    cue: tuple[int, int]
    source: tuple[int, int] | None
    content: tuple[int, int] | None
    stance: str
    stage_version: str
    attrs: dict[str, Any] = field(default_factory=dict)
    via: list[int] = field(default_factory=list)


@dataclass
class Alias:
    """Another name of the thing a mention names, as the text gives it: "Salman Ouda,
    better known as Abu Karrar" makes "Abu Karrar" an alias of kind ``alias`` of the
    mention "Salman Ouda". Spans are (start, end) offsets into the document's text;
    ``kind`` is one of ``ALIAS_KINDS``; ``cue`` is the phrase that says so (None where
    only the form or the spelling does: an acronym in brackets, a spelling variant)."""

    name: tuple[int, int]
    alias: tuple[int, int]
    kind: str
    stage_version: str
    cue: tuple[int, int] | None = None


# The kinds of alias: what the other name is.
ALIAS_KINDS = ("alias", "kunya", "birth_name", "epithet", "acronym", "former_name", "spelling", "partial",
               "translation")


@dataclass
class Relation:
    """A typed edge from a mention to another, or to nothing but a role: "Governor Hafidh
    al-Zubaidi" holds the post of governor; "Salman Ouda, the commander of the Rapid
    Response Brigades" leads them. Spans are (start, end) offsets into the document's text:
    ``subject`` and ``object`` are mention spans, ``evidence`` the words that say so;
    ``type`` is one of ``relations.yml``'s types, ``role`` the role as written;
    ``since`` and ``until`` are the spans of date mentions the report gives for when the
    relation began ("appointed in March 2019") and ended ("dismissed last October")."""

    type: str
    subject: tuple[int, int]
    object: tuple[int, int] | None
    role: str | None
    evidence: tuple[int, int]
    stage_version: str
    since: tuple[int, int] | None = None
    until: tuple[int, int] | None = None


@dataclass
class Event:
    """Something that happened, as one report tells it: its ``type`` (``events.yml``), the
    words that say so (``triggers``, one per mention of the same event), its place and date
    mentions, its ``participants`` by role ({"perpetrator": [span], "victim": [span, ...],
    "target": [...]}, ``PARTICIPANT_ROLES``) and its ``figures`` ({"killed": [14],
    "wounded": [40, 45]}: a range is its two ends). Spans are (start, end) offsets into the
    document's text."""

    type: str
    triggers: list[tuple[int, int]]
    places: list[tuple[int, int]] = field(default_factory=list)
    dates: list[tuple[int, int]] = field(default_factory=list)
    figures: dict[str, list[int]] = field(default_factory=dict)
    figure_spans: list[tuple[int, int]] = field(default_factory=list)
    stage_version: str = ""
    participants: dict[str, list[tuple[int, int]]] = field(default_factory=dict)
    # Places taken as the nearest of the sentence where the parse attaches none to the event:
    # a guess, kept apart from what the words say.
    guessed_places: list[tuple[int, int]] = field(default_factory=list)


# The roles of an event's participants: who did it, at whom or what it was aimed, who was
# killed, wounded or arrested, and the unit whose size a "strength" event gives.
PARTICIPANT_ROLES = ("perpetrator", "target", "victim", "unit")


@dataclass
class Argument:
    """One argument of a proposition: its ``role`` (``agent``, ``patient``, ``attribute``, or
    the preposition that opens it: ``to``, ``from``, ``in``, ...), the phrase (``span``: the
    head word with its modifiers, not its clauses) and its head word (``head``, ``lemma``),
    the words that qualify it (``modifiers``: "foreign" of "foreign instructors", "abroad" of
    "instructors from abroad"), the number it counts (``number``: [14], a range as its two
    ends; ``bound``: "at least", "at most" or "about"), and whether it negates the clause
    ("no one", "not a single weapon": ``negative``)."""

    role: str
    span: tuple[int, int]
    head: tuple[int, int]
    lemma: str
    modifiers: list[str] = field(default_factory=list)
    number: list[int] | None = None
    bound: str | None = None
    negative: bool = False


@dataclass
class Proposition:
    """What one clause says, as comparable parts: "the commander sold the seized weapons"
    is ``predicate`` "sell" with an agent and a patient. ``at`` is the predicate word's span,
    ``span`` the clause's. ``form``: ``clause`` (a verb's own clause), ``description`` (a
    clause that describes a noun, and so takes it as given: "the weapons seized from the
    cache", "the rifles his men took"), ``gerund`` ("not paying taxes makes me smart",
    "accused him of selling"), ``nominal`` (a noun that names a doing: "the sale of
    rifles") or ``tied`` (such a noun tied to its doer by other words: "had nothing to do
    with the killing", "held the brigade responsible for the attack": the doing is taken as
    given, what is said, or denied, is who did it). ``negated``: the clause is negated
    ("did not sell", "no weapon was sold");
    ``modality``: how it is put when not as a fact ("may have sold", "allegedly sold", "if
    he sold", "to sell": the word; a question "?", a command "!");
    ``governors``: the predicates it hangs under in its sentence, innermost first, as
    (lemma, offset, negated, complement): "denied that foreign instructors trained" has
    (deny, ..., False, True), the clause being what is denied; ``dates``:
    the spans of the date mentions of its own clause."""

    predicate: str
    at: tuple[int, int]
    span: tuple[int, int]
    stage_version: str
    arguments: list[Argument] = field(default_factory=list)
    negated: bool = False
    modality: str | None = None
    governors: list[tuple[str, int, bool, bool]] = field(default_factory=list)
    dates: list[tuple[int, int]] = field(default_factory=list)
    form: str = "clause"


@dataclass
class Analysis:
    """What extraction found in one document. Stages add to it in turn."""

    document: Document
    sentences: list[Sentence] = field(default_factory=list)
    mentions: list[Mention] = field(default_factory=list)
    claims: list[Claim] = field(default_factory=list)
    aliases: list[Alias] = field(default_factory=list)
    relations: list[Relation] = field(default_factory=list)
    events: list[Event] = field(default_factory=list)
    propositions: list[Proposition] = field(default_factory=list)
    stages: list[str] = field(default_factory=list)  # "name@version" of each stage that ran

    def sentence_at(self, offset: int) -> Sentence | None:
        for s in self.sentences:
            if s.start <= offset < s.end:
                return s
        return None
