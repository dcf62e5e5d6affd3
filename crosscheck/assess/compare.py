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
from dataclasses import dataclass, field, replace
from datetime import date as Date
from itertools import combinations
from pathlib import Path
from typing import Any

from crosscheck.assess import clauses
from crosscheck.assess.clauses import Clause, Figure
from crosscheck.extract import lexicon
from crosscheck.extract.events import number_of

VERSION = "1"
INDEPENDENCE_STRENGTH = {"independent": 1.0, "weak": 0.5, "none": 0.0}
_HERE = Path(__file__).parent
POSITIVE = ("asserts", "confirms", "alleges")  # stances that put something forward
NEGATIVE = ("denies",)


@functools.cache
def settings() -> dict[str, Any]:
    data = lexicon.load(str(_HERE / "compare.yml"))
    family = {t: name for name, types in data["families"].items() for t in types}
    causes = data["causes"]
    around = [f"(?:{p})" for p in causes["because_around"]]
    markers = {}
    for sign, words, extra in ((1, causes["because"], around), (-1, causes["unrelated"], [])):
        alternatives = [re.escape(w) for w in sorted(words, key=len, reverse=True)] + extra
        markers[sign] = re.compile(r"\b(?:" + "|".join(alternatives) + r")\b")
    modes = {name: re.compile(r"\b(?:" + "|".join(map(re.escape, words)) + r")\b", re.IGNORECASE)
             for name, words in data["attack_modes"].items()}
    return {**data, "stopwords": set(data["stopwords"]), "negations": set(data["negations"]),
            "attack_modes": modes,
            "bare_ties": set(data["bare_ties"]), "channels": set(data["channels"]),
            "cause_markers": markers,
            "cause_before": re.compile(r"\b(?:" + "|".join(causes["cause_before"]) + r")\b"),
            "between": re.compile(r"\b(?:" + "|".join(causes["between"]) + r")\s+(.{1,60}?)\s+and\s+"),
            "called_false": re.compile(r"\b(?:" + "|".join(causes["called_false"]) + r")\b"),
            "routine": re.compile(r"\b(?:" + "|".join(map(re.escape, causes["routine"])) + r")\b"),
            "effects": {kind: frozenset(words) for kind, words in causes["effects"].items()},
            "effect_words": frozenset(w for words in causes["effects"].values() for w in words),
            "denying": set(data["denying"]),
            "back_references": set(data["back_references"]), "updates": set(data["updates"]),
            "update_verbs": re.compile(r"\b(?:" + "|".join(data["update_verbs"])
                                       + r")\s+(?:[a-z]+ly\s+)?(?:to\s+)?([\w,.]+)"),
            "family": family}


def updated(sentence: str) -> bool:
    """Whether a sentence tells its figure as an update of an earlier one: a verb of rising
    that takes a number ("the toll has risen to 14", "the number of martyrs had reached
    eleven"), or a word such as "later" or "revised"."""
    if set(re.findall(r"[a-z]+", sentence.lower())) & settings()["updates"]:
        return True
    return risen_to(sentence) is not None


def attack_modes(sentence: str) -> frozenset[str]:
    """How the attack a sentence tells was made, by its words (``attack_modes``)."""
    return frozenset(name for name, words in settings()["attack_modes"].items() if words.search(sentence))


def risen_to(sentence: str) -> int | None:
    """The number a verb of rising in the sentence takes ("has risen to four": 4), if any."""
    for m in settings()["update_verbs"].finditer(sentence.lower()):
        if n := number_of(m.group(1).rstrip(",.")):
            return n[0]
    return None


@functools.cache
def _country(name: str) -> bool:
    """Whether a place's name is a country's ("Yemen", "Iraq"), as followthemoney knows them."""
    from followthemoney.types import registry

    return registry.country.clean(name) is not None


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
    risen: int | None = None  # ... and the count it rose to (17)
    # Whether the statement itself gives the date and the place, or they were taken from the
    # report's account of the same happening before it (then they tell which event it is,
    # but the statement does not say them, so cannot contradict on them).
    dated: bool = True
    placed: bool = True
    # What tells which happening it is besides its places: its named participants' entities
    # and the words of described ones ("~army checkpoint"); the person a dismissal is of.
    participants: frozenset[str] = frozenset()

    place_names: frozenset[str] = frozenset()  # the places' words, for a person to read
    # The people among the participants: one person is in one place at a time, so only they
    # (or one described target) make two places for one happening a contradiction.
    people: frozenset[str] = frozenset()
    # The places the report gives for events of this family anywhere: "the Bab al-Hussein
    # market" in one sentence, "Babil province" in another, of one bombing.
    area: frozenset[str] = frozenset()
    at: tuple[tuple[int, int], ...] = ()  # where its words are said (the triggers' spans)
    plural: bool = False  # only named in the plural ("arrests of commanders are rare"): no one happening
    # The places its places lie in, as the reports say ("Mahawil" in "Babil province"): a
    # bombing in Mahawil is not contradicted by one "in Babil province".
    regions: frozenset[str] = frozenset()
    provinces: frozenset[str] = frozenset()  # of those, the first-level divisions (not countries)
    # What kind of people its figures count ("soldiers", "militants"): 3 soldiers killed and
    # 2 militants killed are two counts, not one in dispute.
    victims: frozenset[str] = frozenset()
    # Whether its figures count a share of one side's men ("three of his soldiers", "one of
    # the brigade's fighters"), not all those hit; and whether they count everyone ("six
    # people", "put the toll at six"): a share disputes such a toll only where larger.
    part: bool = False
    toll: bool = False
    # How the attack its sentence tells was made (compare.yml ``attack_modes``): two modes,
    # two attacks.
    modes: frozenset[str] = frozenset()
    # Whether the statement says it happened, or only refers to it ("the March 21 attack",
    # "the soldiers killed in the attack"): a reference's date and place are not told.
    asserted: bool = True
    # Whether the statement's own words give its figures ("put the death toll from the clashes
    # at eleven": the clashes are only referred to, the count is told).
    counted: bool = False
    # A death told as "died" ("two of the wounded died in hospital on Tuesday"): its day may be
    # days after the attack's, so it does not dispute the attack's date.
    later: bool = False
    # The provinces its report's places lie in, anywhere in the report: where the report is
    # set, for a happening told with no place of its own ("Six people died in Tuesday's
    # fighting").
    setting: frozenset[str] = frozenset()
    report: str | None = None  # the report that tells it
    # The other reports that tell its report's story (``crosscheck.assess.stories``), where its
    # report tells no other happening of its family (a roundup's many: none).
    story: frozenset[str] = frozenset()

    def nested(self, other: EventFact) -> bool:
        """Whether a place of one is, or lies in, a place of the other; or is named after it
        ("Benina airport" and "Benina")."""
        if self.places & other.places or self.places & other.regions or other.places & self.regions:
            return True
        if any(_country(n) for n in self.place_names | other.place_names):
            return True  # "in western Taiz" and "in Yemen": a country holds its towns
        mine = [set(_WORD.findall(n.lower())) - {"the"} for n in self.place_names]
        theirs = [set(_WORD.findall(n.lower())) - {"the"} for n in other.place_names]
        return any(a and b and (a <= b or b <= a) for a in mine for b in theirs)

    @property
    def named_places(self) -> frozenset[str]:
        """Its places that have a name ("Bartella"), not those only described ("a checkpoint")."""
        return frozenset(p for p in self.places if not p.startswith("~"))

    @property
    def day(self) -> Date | None:
        """The day the statement gives, where it names one ("on Tuesday"; not "last week")."""
        return _day(self.date) if self.precision in (None, "day") else None

    @property
    def keys(self) -> frozenset[str]:
        return self.places | self.participants | self.area

    @property
    def family(self) -> str:
        return settings()["family"].get(self.type, self.type)


@dataclass(frozen=True)
class Link:
    """Why something was done, as a statement says it: "was removed because of the seizure"
    (``sign`` 1), "the change had no connection with the seizure" (-1). ``effect``: the kind
    of doing (compare.yml's ``causes``); ``causes``: what its cause phrase names (entity ids,
    and the stems of its content words)."""

    effect: str
    causes: frozenset[str]
    sign: int


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

    # Each proposition of the content ("X was trained abroad, and Y reported it": two), as
    # its words and whether it is negated.
    props: list[tuple[frozenset[str], bool]] = field(default_factory=list)
    # ... and as the parse gives it (``crosscheck.assess.clauses``), where the store has it.
    clauses: list[Clause] = field(default_factory=list)
    parsed: bool = False  # the store keeps its report's propositions (none: a noun phrase)
    links: list[Link] = field(default_factory=list)  # why something was done (``cause_links``)
    story: frozenset[str] = frozenset()  # the other reports that tell its report's story
    _senses: dict | None = field(default=None, repr=False, compare=False)

    def __post_init__(self) -> None:
        if not self.props:  # what it says of what it names: the loader leaves the names out
            self.props = propositions(self.text)
        if not self.words:
            self.words = frozenset().union(*(w for w, _ in self.props))
        self.polarity = self.sign(0)

    def sign(self, i: int) -> int:
        """The polarity of proposition ``i``: a denial turns it, and so does a "not" in it. A
        fact the report gives in its own voice is asserted."""
        if self.kind == "fact":
            return 1
        negated = self.props[i][1] if i < len(self.props) else False
        return (-1 if self.stance in NEGATIVE else 1) * (-1 if negated else 1)

    def by_sense(self) -> dict[str, list[Clause]]:
        """Its clauses by meaning (``clauses.senses``), kept once."""
        if self._senses is None:
            self._senses = defaultdict(list)
            for c in self.clauses:
                for sense in clauses.senses(c):
                    self._senses[sense].append(c)
        return self._senses

    def named(self) -> frozenset[str]:
        """The entities the statement names, with its source where that is a named one (an
        accused who answers speaks of what the accusation names him in)."""
        if self.source_kind == "named" and self.source.startswith("entity:"):
            return self.entities | {self.source.removeprefix("entity:")}
        return self.entities

    def event_sign(self, event: EventFact) -> int:
        """Whether the statement says the event happened (1) or did not (-1): the polarity of
        the clause its word heads ("denied that he had been arrested"), else the statement's."""
        here = [a for a, _ in event.at if self.span[0] <= a < self.span[1]]
        said = self.clauses_of(event)
        if said:
            # "The battalion had nothing to do with the killing": the killing happened.
            return 1 if said[0].given else self.signed(said[0])
        if self.turn < 0 and here:
            # "denied any arrest": the word is what is denied; "denied any involvement in the
            # attacks": the attacks are taken as given.
            head = len(_WORD.findall(self.text[: here[0] - self.span[0]].lower()))
            return -1 if head <= 1 else 1
        return 1 if self.clauses else self.polarity  # no parse kept: the words' polarity

    def clauses_of(self, event: EventFact) -> list[Clause]:
        """The statement's clauses that the event's words head ("had been arrested")."""
        return [c for c in self.clauses if any(a <= c.at < b for a, b in event.at)]

    def doer_denied(self, event: EventFact, other: Statement) -> bool:
        """Whether what the statement denies of the event is only who did it, as ``other``
        tells it: its clause is negated and names a doer (an entity, or a noun: "his forces",
        "the brigade's artillery") that ``other`` neither names nor agrees with ("the
        battalion had not fired a single bullet at the sheikh" against "the sheikh was
        killed"; not "we did not arrest him" against "members of our security office
        detained him", nor "the faction never detained him" against "... an armed faction")."""
        said = self.clauses_of(event)
        if not said or self.signed(said[0]) > 0:
            return False
        generic = clauses.meaning()["generic"]
        doers = [x for x in said[0].args if x.role == "agent" and (x.entity or x.lemma not in generic)]
        theirs = [y for c in other.clauses for y in c.args if y.role == "agent"]
        words = set(_WORD.findall(other.text.lower()))
        return bool(doers) and not any(
            (x.entity and x.entity in other.named()) or (not x.entity and x.lemma in words)
            or any((clauses.agreement(x, y) or 0) > 0 for y in theirs)
            for x in doers)

    @property
    def turn(self) -> int:
        """-1 where the statement denies what it says (its stance; a report's own account denies
        nothing), else 1."""
        return -1 if self.stance in NEGATIVE and self.kind != "fact" else 1

    def signed(self, clause: Clause) -> int:
        """A clause's polarity as this statement puts it: a denial turns it, not what someone
        it quotes says in it (``Clause.reported``)."""
        return clause.sign * (1 if clause.reported else self.turn)


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
    """A crude English stem, enough to match "trained"/"training"/"trains", "instructors",
    "seizure"/"seized" and "sold"/"selling" (``irregular`` in compare.yml)."""
    if word in settings()["irregular"]:
        word = settings()["irregular"][word]
    for suffix, keep in (("ies", "y"), ("ing", ""), ("ed", ""), ("ses", "s"), ("xes", "x"), ("ches", "ch"),
                         ("shes", "sh"), ("s", "")):
        if word.endswith(suffix) and len(word) - len(suffix) >= 3 and not word.endswith("ss"):
            word = word[: len(word) - len(suffix)] + keep
            break
    for suffix in ("ure", "tion"):  # the doing's noun: "seizure"/"seized", "investigation"/"investigated"
        if word.endswith(suffix) and len(word) - len(suffix) >= 4:
            word = word[: len(word) - len(suffix) + (suffix == "tion")]
            break
    word = word[:-1] if len(word) > 4 and word[-1] == word[-2] else word
    return word[:-1] if len(word) > 3 and word.endswith("e") else word  # "seize", "seized": seiz


# Where a content's first proposition ends: "nine were killed, and that investigators had
# found no evidence" is not a denial that nine were killed.
_NEXT = re.compile(r",?\s+(?:and|but|while|although|though|whereas)\s+(?:that\s+)?|;\s+|[.!?]\s+")


# A "no" or "not" that bounds a figure ("no more than 1,800 fighters", "not less than ten"),
# and denies nothing.
_BOUND_NOT = re.compile(r"\b(?:no|not)\s+(?:more|fewer|less)\s+than\b")


def propositions(text: str) -> list[tuple[frozenset[str], bool]]:
    """A content's propositions ("nine were killed, and that investigators had found no
    evidence": two), each as ``content_words``."""
    pieces = [p for p in _NEXT.split(text) if p and p.strip()]
    return [content_words(p) for p in pieces] or [(frozenset(), False)]


def content_words(text: str) -> tuple[frozenset[str], bool]:
    """The stems of a text's content words, and whether it is negated (an odd number of
    negations and denying verbs in its first proposition: "did not train", "had denied that
    they trained" are negated, "did not deny that it never" is not)."""
    s = settings()
    low = _BOUND_NOT.sub(" ", text.lower().replace("\u2019", "'"))  # "no more than 1,800": a bound
    words = _WORD.findall(low)
    first = _WORD.findall(_NEXT.split(low, maxsplit=1)[0])
    negations = sum(1 for w in first if w in s["negations"] or w.endswith("n't") or w in s["denying"])
    negations -= "neither" in first and "nor" in first  # "neither X nor Y helped": one negation
    kept = frozenset(stem(w) for w in words if w not in s["stopwords"] and w not in s["negations"]
                     and w not in s["denying"] and not w.endswith("n't") and len(w) > 1)
    return kept, negations % 2 == 1


def points_back(statement: Statement) -> bool:
    """Whether a denial's content only points back at a claim ("rejected the claim")."""
    return points_back_words(statement.text)


def points_back_words(text: str) -> bool:
    """Whether a content's words only point back at a claim ("the claim", "the reports"),
    perhaps with what the denial calls it ("dismissed the charge as fabrication", "rejected
    the reports as baseless lies"), where or to whom it was said ("denied the accusations in a
    telephone call with Sada al-Sahil") and what the claim was about (``back_topic``)."""
    return back_topic(text) is not None or bare_tie(text)


_TOPIC_OPENERS = {"of", "against", "about", "over", "regarding", "concerning"}
_SOMEONE = {"he", "she", "they"}  # ("that he had raped her": someone did something)
_CIRCUMSTANCES = {"in", "to", "with", "during", "via", "through"}


@functools.lru_cache(maxsize=8192)  # (asked of each denial by the loader, link_back and every pair)
def back_topic(text: str) -> frozenset[str] | None:
    """What a content that points back at a claim says the claim was about, as content
    words: "the accusations of smuggling oil" (smuggling, oil), "the levy allegations"
    (levy), "the allegations against his client" (client), "the accusation" (none); None
    where the content says more than that."""
    words = _WORD.findall(text.lower())
    if "as" in words[1:]:
        words = words[: words.index("as", 1)]
    back = settings()["back_references"]
    at = next((i for i, w in enumerate(words) if w in back), None)
    if at is None:
        return None
    end = next((i for i in range(at + 1, len(words)) if words[i] in _CIRCUMSTANCES), len(words))
    after = words[at + 1:end]
    if after and after[0] not in _TOPIC_OPENERS and not _only(after, back):
        return None
    if after and after[0] in _TOPIC_OPENERS and len(after) > 6:
        return None  # (a claim of its own: "the reports about the arrest of ... in ...")
    stopwords = settings()["stopwords"]
    before = [w for w in words[:at] if w not in stopwords and w not in back]
    if len(before) > 2 or (before and words[at] in stopwords):
        return None  # (not "holding them")
    topic = [w for w in before + after
             if len(w) > 1 and w not in stopwords and w not in back and w not in _TOPIC_OPENERS]
    return frozenset(stem(w) for w in topic)


def _only(words: list[str], kind: set[str]) -> bool:
    """Whether ``words`` are words of ``kind`` and stopwords, with one of ``kind`` at least."""
    stopwords = settings()["stopwords"]
    return bool(words) and all(w in kind or w in stopwords for w in words) and any(w in kind for w in words)


def bare_tie(text: str) -> bool:
    """Whether a content is a part in a doing it does not name ("any involvement", "any role
    in a Telegram statement"; not "any role in the attack"): see ``bare_ties`` in compare.yml."""
    words = _WORD.findall(text.lower())
    channels = settings()["channels"]
    for i, w in enumerate(words):
        if w in ("in", "on", "via", "through") and channels & set(words[i + 1 : i + 5]):
            words = words[:i]
            break
    return _only(words, settings()["bare_ties"])


# (Not a quotation mark: "over \"failures in oversight\" linked to the seizure" goes on.)
_PHRASE_END = re.compile(r"[,;:.!?()]|\s(?:and|but|which|who|while|when|as)\s")


@functools.cache
def _trigger_words() -> dict[str, str]:
    """The words the events stage reads as a happening of a type ("bombing": attack)."""
    from crosscheck.extract.events import _lexicon as event_words

    return dict(event_words()["words"])


_NEAR = 3  # how many content words before its cause a doing is named ("was removed on Monday because of")
ANY_CAUSE = "*"  # what a routine doing denies: every cause


def cause_links(text: str, names: list[tuple[int, int, str]] = ()) -> list[Link]:
    """What a statement says of why something was done (see :class:`Link`): each cause or
    denied cause ("because of the loss of Jebel Kaway", "unrelated to the seizure"), with the
    entities (``names``: offsets in ``text`` and entity ids) and content stems of its phrase,
    for each kind of doing the statement names, a cause only where the doing is named just
    before it. A "not" or a denying verb just before the words turns it ("was not a result
    of", "denied that the dismissal was connected to")."""
    s = settings()
    low = text.lower()
    words = set(_WORD.findall(low))
    effects = [kind for kind, kind_words in s["effects"].items() if words & kind_words]
    if not effects:
        return []
    denied = [m.span() for m in s["cause_markers"][-1].finditer(low)]
    out = []
    if s["routine"].search(low):  # "the suspension was a routine rotation": no cause at all
        out.extend(Link(kind, frozenset([ANY_CAUSE]), -1) for kind in effects)
    for sign in (1, -1):
        for m in s["cause_markers"][sign].finditer(low):
            if sign > 0 and any(a <= m.start() < b for a, b in denied):
                continue  # "not because of": the denial's words hold the assertion's
            if m[0] == "over" and set(_WORD.findall(low[max(0, m.start() - 20):m.start()])[-1:]) \
                    & set(s["causes"]["over_verbs"]):
                continue  # "handed over to the directorate": a particle, not a cause
            end = _phrase_end(low, m.end())
            phrase = low[m.end():end]
            false = s["called_false"].search(phrase) if sign > 0 else None
            if false:  # "linking the change to the loss is pure speculation": the link denied
                end, phrase = m.end() + false.start(), phrase[:false.start()]
            things = _cause_things(phrase, names, (m.end(), end))
            before = _WORD.findall(low[max(0, m.start() - 80):m.start()])
            # (Before the words, counted without the small words, or held between them:
            # "was relieved of his post on Sunday over", "linked his removal to".)
            near = [w for w in before if w not in s["stopwords"]][-_NEAR:] + _WORD.findall(m[0])
            if sign > 0 and not s["effect_words"] & set(near):
                continue  # "the change comes amid a row over smuggling": the row's cause, not the change's
            # "was not a result of", "denied that the dismissal was connected to"; "linking the
            # change to the loss is pure speculation".
            turned = -1 if set(before[-_NEAR - 3:]) & (s["negations"] | s["denying"]) else 1
            if false:
                turned = -turned
            out.extend(_links(effects, things, sign * turned))
    for m in s["between"].finditer(low):
        # "no link between the resignation and any dispute with the division": the doing
        # between, the cause after "and"; a "no" or "not" before the words denies it.
        if not s["effect_words"] & set(_WORD.findall(m[1])):
            continue
        end = _phrase_end(low, m.end())
        things = _cause_things(low[m.end():end], names, (m.end(), end))
        before = _WORD.findall(low[max(0, m.start() - 40):m.start()])
        turned = -1 if set(before[-3:]) & (s["negations"] | s["denying"]) else 1
        out.extend(_links(effects, things, turned))
    for m in s["cause_before"].finditer(low):
        # "The seizure of the dhow was behind the decision": the cause before, the doing after.
        after = [w for w in _WORD.findall(low[m.end():m.end() + 60]) if w not in s["stopwords"]][:_NEAR]
        if not s["effect_words"] & set(after):
            continue
        start = max((x.end() for x in _PHRASE_END.finditer(low, 0, m.start())), default=0)
        start = max(start, m.start() - 80)
        things = _cause_things(low[start:m.start()], names, (start, m.start()))
        turned = -1 if set(_WORD.findall(m[0])) & s["negations"] else 1
        out.extend(_links(effects, things, turned))
    return out


def _phrase_end(low: str, at: int) -> int:
    """Where a cause's words that begin at ``at`` end: at the next phrase boundary, and no
    more than 80 characters on."""
    stop = _PHRASE_END.search(low, at)
    return min(stop.start() if stop else len(low), at + 80)


def _links(effects: list[str], things: set[str], sign: int) -> list[Link]:
    """A link for each kind of doing the statement names, with the cause's things less that
    doing's own words (see ``_effect_stems``)."""
    return [Link(kind, frozenset(mine), sign) for kind in effects if (mine := things - _effect_stems(kind))]


@functools.cache
def _effect_stems(kind: str) -> frozenset[str]:
    """The stems of the words that name a kind of doing: not its own cause ("removed over
    the removal of ..."); another kind's may be ("removed over the shipment seized")."""
    return frozenset(stem(w) for w in settings()["effects"][kind])


def _cause_things(phrase: str, names: list[tuple[int, int, str]], at: tuple[int, int]) -> set[str]:
    """What a cause's words name: the entities inside ``at``, the content stems, and a
    happening by any of its words ("because of the explosion" / "the bombing")."""
    s = settings()
    generic = clauses.meaning()["generic"]
    things = {e for a, b, e in names if at[0] <= a and b <= at[1]}
    things |= {stem(w) for w in _WORD.findall(phrase)
               if w not in s["stopwords"] and w not in generic and w not in s["negations"] and len(w) > 2}
    things |= {f"~{s['family'][kind]}" for w in _WORD.findall(phrase)
               if (kind := _trigger_words().get(w)) in s["family"]}
    return things


def _link_verdict(a: Statement, b: Statement) -> tuple[int, str] | None:
    """Whether two statements say the same cause of one kind of doing (1) or one says it and
    the other denies it (-1), with the words of the cause they share; None where they give
    none in common."""
    for x in a.links:
        for y in b.links:
            shared = x.causes & y.causes
            if ANY_CAUSE in x.causes | y.causes and x.sign * y.sign < 0:
                shared = shared or (x.causes | y.causes) - {ANY_CAUSE}  # routine, against a cause
            if x.effect == y.effect and shared:
                detail = f"{x.effect} because of {', '.join(sorted(shared)[:4])}"
                return x.sign * a.turn * y.sign * b.turn, detail
    return None


def link_back(statements: list[Statement]) -> None:
    """A denial that points back takes the content of the claim before it in its report
    that it can deny: the nearest earlier asserting claim from another source, one that names
    the denier where there is one."""
    by_doc: dict[str, list[Statement]] = {}
    for s in sorted(statements, key=lambda s: (s.document, s.span[0])):
        by_doc.setdefault(s.document, []).append(s)
    for doc_statements in by_doc.values():
        for i, s in enumerate(doc_statements):
            if s.stance not in NEGATIVE or not points_back(s):
                continue
            earlier = [t for t in doc_statements[:i] if t.kind == "claim" and t.stance in POSITIVE
                       and t.polarity > 0 and t.source != s.source and t.words]
            # The accused answers what he is accused of: "the statement accused Nasher of ...
            # Nasher rejected the accusation", whatever else was said between.
            tie = bare_tie(s.text)
            if tie:
                # "denied any involvement": what it answers is who did something.
                earlier = [t for t in earlier if any(x.role == "agent" for c in t.clauses for x in c.args)]
            about_them = [t for t in earlier if s.source_kind == "named" and s.named() & t.entities]
            # "Rejected the accusations of smuggling oil": the claim of smuggling.
            topic = frozenset() if tie else back_topic(s.text) or frozenset()
            on_topic = [t for t in earlier if topic & t.words]
            # (Else an accusation: what someone is said to have done, not a state.)
            doings = [t for t in earlier if any(x.role == "agent" and (x.entity or x.lemma in _SOMEONE)
                                                for c in t.clauses for x in c.args)]
            if earlier and (on_topic or not topic):
                target = (on_topic or about_them or doings or earlier)[-1]
                s.refers_to = target.id
                s.props, s.words, s.entities = target.props, target.words, s.entities | target.entities
                # All of it is what the denial answers, what the accuser quoted too.
                s.clauses = [replace(c, reported=False) if c.reported else c for c in target.clauses]
                s._senses, s.links = None, target.links
                s.polarity = s.sign(0)


def _answers_in_story(denial: Statement, claim: Statement) -> str | None:
    """Whether a denial that points back at what a claim was about, and finds no such claim
    before it in its report ("denied to the paper the accusations of smuggling oil"), answers
    a claim of another report of its story that says it ("the brigade smuggles crude oil"):
    the detail, or None."""
    if denial.refers_to or denial.stance not in NEGATIVE or claim.polarity < 0 \
            or claim.document == denial.document or denial.source == claim.source \
            or not told_together(denial, claim):
        return None
    topic = back_topic(denial.text)
    if not topic or not topic <= claim.words:
        return None
    return "denies the claims of " + ", ".join(sorted(topic))


def of_the_accounts(s: Statement) -> bool:
    """Whether a statement tells how the accounts disagree ("reports differ on when he was
    taken, how many men took him"): its first clause says so (not "the car was struck on
    April 6, and within a day the accounts had begun to diverge")."""
    return bool(s.clauses) and clauses.of_the_accounts(min(s.clauses, key=lambda c: c.at))


def own_voice(s: Statement) -> bool:
    """What a report says in its own voice that is no event it tells (see
    ``crosscheck.store.assessment``): "He has been replaced by his deputy"."""
    return s.kind == "fact" and not s.events


def independence(a: Statement, b: Statement) -> str:
    """How independent two statements' sources are (see the module's docstring)."""
    if a.source == b.source:
        return "none"
    outlet_a, outlet_b = outlet_key(a.outlet), outlet_key(b.outlet)
    # One comes through the other's outlet ("according to X"), or both through a third.
    if (outlet_a and outlet_a in b.cited) or (outlet_b and outlet_b in a.cited) or (a.cited & b.cited):
        return "none"
    if a.source_kind == "outlet" and b.source_kind == "outlet":
        return "independent" if outlet_a != outlet_b else "none"
    if a.document == b.document or outlet_a == outlet_b:
        both_named = a.source_kind == "named" and b.source_kind == "named"
        return "independent" if both_named else "weak"
    return "independent"


def denied_by_subject(me: Statement | None, other: Statement | None) -> bool:
    """Whether the other statement is a denial by the one this statement is about."""
    if me is None or other is None or other.polarity == me.polarity:
        return False
    kind, _, entity = other.source.partition(":")
    return kind == "entity" and entity in me.entities


def outlet_key(name: str | None) -> str | None:
    """An outlet as a source key: "The Gulf Ledger" -> "outlet:gulf ledger"."""
    return f"outlet:{name.lower().removeprefix('the ').strip()}" if name else None


def same_words(a: Statement, b: Statement) -> tuple[frozenset[str], int, int] | None:
    """Whether two statements say the same thing by their words: the best-matching pair of
    their propositions, if its shared content words are enough, as (the words, the
    polarity of each side's proposition)."""
    s = settings()
    with_entity = bool(a.entities & b.entities)
    needed = s["same_words_with_entity"] if with_entity else s["same_words_alone"]
    best = None
    for i, (wa, _) in enumerate(a.props):
        for j, (wb, _) in enumerate(b.props):
            shared = wa & wb
            fewest = s["min_shared_words"] if with_entity else s["min_shared_words_alone"]
            if len(shared) < fewest or not wa or not wb:
                continue
            if len(shared) / max(len(wa), len(wb)) < s["same_words_of_longer"]:
                continue  # a few words of a long proposition
            overlap = len(shared) / min(len(wa), len(wb))
            if overlap >= needed and (best is None or overlap > best[0]):
                best = (overlap, shared, a.sign(i), b.sign(j))
    return None if best is None else best[1:]


def same_clauses(a: Statement, b: Statement,
                 common: frozenset[str] = frozenset()) -> tuple[str, str, str] | None:
    """What two statements' clauses say of each other, as (kind, reason, detail): a
    contradiction where any two clauses conflict (a statement that agrees on some details
    and conflicts on one conflicts), else a corroboration where two say the same thing.
    ``common``: entities named in so many statements that naming one says little (see
    ``common_entities``)."""
    shared = bool((a.named() & b.named()) - common)
    # In one report, or two that tell one story, one count of one thing is as good as a
    # thing named in common ("all 14 trucks were taken" / "the fighters took all 14 trucks"),
    # and so is one doing denied of one thing ("no ransom had been paid" / "no ransom was paid
    # for his release").
    together = told_together(a, b)
    floor = settings()["same_count_floor"]
    found = None
    by_sense = b.by_sense()
    happening = None  # whether the two tell one happening (their events), asked once
    for ca in a.clauses:
        # Only clauses that share a meaning can relate (one word, group or opposition).
        related = {id(cb): cb for sense in clauses.senses(ca) for cb in by_sense.get(sense, ())}
        for cb in related.values():
            alike = together and (clauses.same_count(ca, cb, floor) or _denied_alike(a, b, ca, cb))
            said = clauses.compare(ca, cb, shared or alike, common)
            if said is None and not (shared or alike):
                # Two counts of one doing in two accounts of one happening ("23 inmates had
                # escaped during the attack" / "41 detainees escaped from the prison"), or in
                # two reports of one story where nothing tells their happenings apart (no
                # place, no one and no day that each gives its own: "six people were killed in
                # fighting between two clans" / "four people were killed in the fighting"):
                # the happening is the thing in common, for a count or a day only ("the
                # fighting broke out on Saturday" / "on Friday"). (Not a total since a time
                # against one day's count: "more than 11 million pills since January" /
                # "seized 4.6 million pills on Thursday".)
                if happening is None:
                    happening = any(same_event(x, y) for x in a.events for y in b.events) \
                        or (together and not any(_told_apart(x, y) for x in a.events for y in b.events))
                over_a_time = (_since(ca) and bool(cb.days)) or (_since(cb) and bool(ca.days))
                said = clauses.compare(ca, cb, True, common, True) if happening and not over_a_time else None
                if said is not None and said.reason not in ("figures", "date"):
                    said = None
            if said is None:
                continue
            if said.reason == "figures" and _updates(a, b):
                continue  # "the toll has risen to four" against "killing three" the day before
            sign_b = b.signed(cb) * (-1 if said.opposite else 1)
            conflict = said.reason in ("figures", "date", "place") or a.signed(ca) != sign_b
            if conflict and said.reason == "same" and not said.opposite \
                    and _doer_denied_only(*((ca, cb) if a.signed(ca) < 0 else (cb, ca))):
                continue  # "his forces had not detained al-Hakimi" / "al-Hakimi was detained"
            if conflict and said.firm:
                return "contradiction", said.reason, said.detail
            if not conflict and said.agreeable:
                found = found or ("corroboration", "same", said.detail)
    if (shared or together) and found is None:
        # One load counted two ways, whatever is said of it: "seized about 4.6 million
        # pills" / "the container held six million pills". In one story with nothing named in
        # common, only a load measured ("put the cargo at 900,000 litres" / "the tanker was
        # carrying 1.2 million litres of diesel"): counts of goods alone may be two seizures.
        for ca in a.clauses:
            for cb in b.clauses:
                if not shared and not (clauses.a_load(ca) or clauses.a_load(cb)):
                    continue
                if (counts := clauses.goods_counts(ca, cb, measured=not shared)) is not None:
                    return "contradiction", "figures", counts
    return found


def _told_apart(x: EventFact, y: EventFact) -> bool:
    """Whether two events of one family are two happenings by what they give: places, people
    or targets each its own, or two days."""
    if x.family != y.family:
        return False
    return bool((x.keys and y.keys and not x.keys & y.keys) or (x.day and y.day and x.day != y.day))


def _since(clause: Clause) -> bool:
    """Whether a clause counts since a time ("since January"): a total, not one day's."""
    return any(x.role == "since" for x in clause.args)


_DETERMINERS = {"the", "a", "an", "its", "his", "their", "al"}  # (and the article of a name)


def _doer_denied_only(denied: Clause, said: Clause) -> bool:
    """Whether a clause denied says only who did not do it: it names a doer ("his forces had
    not detained al-Hakimi"; not "anyone", "any security agency") that the clause said
    neither fills nor points to (its own doer, or a thing of the doer's: "held at the
    battalion's base"). Against "al-Hakimi was detained" it denies another proposition."""
    m = clauses.meaning()
    anyone = m["anyone_not"] | {"anyone", "anybody", "someone", "somebody"}
    doers = [x for x in denied.args if x.role == "agent" and x.lemma not in anyone
             and (x.entity or x.lemma not in m["generic"]) and not {"any", "no"} & x.modifiers]
    if not doers or any(y.role == "agent" for y in said.args):
        return False

    def points_to(doer: clauses.Arg, y: clauses.Arg) -> bool:
        words = set(_WORD.findall((doer.text or doer.lemma).lower())) - _DETERMINERS
        return bool((doer.entity and y.entity == doer.entity) or doer.lemma in y.modifiers
                    or words & y.modifiers or (doer.lemma in m["units"] and y.modifiers & m["units"]))

    return not any(points_to(d, y) for d in doers for y in said.args)


def _updates(a: Statement, b: Statement) -> bool:
    """Whether one statement tells its figure as risen ("has risen to four") since the
    other's: in a report of the same day or later, as far as their events' reports say. (Not
    the looser words of ``updated``: "a figure that has doubled since last winter" is the
    size now, against any other.)"""
    def reported(s: Statement) -> str:
        return max((e.report_date or "" for e in s.events), default="")

    return any(risen_to(x.text) is not None and reported(x) >= reported(y) for x, y in ((a, b), (b, a)))


def _one_says_why(a: Statement, b: Statement) -> bool:
    """Whether one statement says why a doing was done (or that it was for no such reason)
    and the other only that it was done: two propositions, the cause and the doing ("he was
    removed over the Marwa Star affair" / "he was dismissed on Sunday"), unless they give
    the doing one day ("removed on Monday because of the seizure" / "dismissed on Monday")."""
    if bool(a.links) == bool(b.links):
        return False
    days_a = set().union(*(c.days for c in a.clauses))
    days_b = set().union(*(c.days for c in b.clauses))
    return not days_a & days_b


def told_together(a: Statement, b: Statement) -> bool:
    """Whether two statements are in one report, or in two reports that tell one story."""
    return a.document == b.document or b.document in a.story


def accused_denies(denial: Statement, claim: Statement, common: frozenset[str] = frozenset()) -> str | None:
    """Whether ``denial`` is the accused's answer to ``claim``, in one report or two of one
    story: a doing ``claim`` says was done by an entity ``denial`` names (its speaker, or one
    it names), which ``denial`` says was not done, in a clause of the same meaning and with
    nothing done to that tells them apart ("The division has denied detaining him" /
    "members of the division's security office detained the activist"; "he had never taken
    a dinar from any company" / "al-Dulaimi had pocketed $2 million from the company"). The
    detail, or None. (What is done to may be told two ways, "him" and a name, which is why
    the clauses' own comparison leaves such pairs; a doing taken as given is not what is
    denied, nor one said to be possible.)"""
    if not told_together(denial, claim):
        return None
    party = denial.named() - common
    if not party or denial.polarity > 0 or claim.polarity < 0:
        return None
    said = ("asserted", "alleged")  # not "may have", "possibly", "if", "to"
    for ca in denial.clauses:
        if ca.given or denial.signed(ca) > 0 or ca.modality not in said:
            continue
        for cb in claim.clauses:
            doers = {x.entity for x in cb.args if x.role == "agent" and x.entity}
            if claim.signed(cb) < 0 or cb.modality not in said or not party & doers \
                    or not clauses.one_doing(ca, cb):
                continue
            return f"the accused denies it: {ca.predicate}/{cb.predicate}"
    return None


def _denied_alike(a: Statement, b: Statement, ca: Clause, cb: Clause) -> bool:
    """Whether two statements' clauses deny one doing (one predicate) to one thing (one
    word for what it was done to, not "anything" or "it"), or of every thing of one kind."""
    if a.signed(ca) > 0 or b.signed(cb) > 0 or ca.predicate != cb.predicate:
        return False
    done_a = {x.lemma for x in ca.args if x.role == "patient"}
    done_b = {y.lemma for y in cb.args if y.role == "patient"}
    # (Or one thing of a kind denied of all: "no tanker had crossed" / "no tanker crossed".)
    none_a = {(x.role, x.lemma) for x in ca.args if x.none}
    none_b = {(y.role, y.lemma) for y in cb.args if y.none}
    return bool((done_a & done_b) - clauses.meaning()["generic"]) or bool(none_a & none_b)


def _day(iso: str | None) -> Date | None:
    if iso and len(iso) == 10:
        try:
            return Date.fromisoformat(iso)
        except ValueError:
            return None
    return None


def _when(e: EventFact) -> Date | None:
    """Near when it happened: its date to the day or the week, else its report's date."""
    return _day(e.date) or _day(e.report_date)


def _alike_targets(a: set[str], b: set[str]) -> set[str]:
    """Described targets both give, as "~kind/force" keys: one kind of thing, and one force
    or a force on one side only ("~vehicle/army" and "~vehicle"; not "~checkpoint/police")."""
    out = set()
    for x in a:
        for y in b:
            kx, _, fx = x.partition("/")
            ky, _, fy = y.partition("/")
            if kx == ky and (not fx or not fy or fx == fy):
                out.add(kx)
    return out


# Described targets that are people; the others are things and places ("~post", "~vehicle").
_PEOPLE_TARGETS = frozenset({"fighter", "civilian", "soldier", "police", "instructor"})


def _target_classes(targets: set[str]) -> set[str]:
    return {"people" if t[1:].partition("/")[0] in _PEOPLE_TARGETS else "things" for t in targets}


def _unplaced_in(a: EventFact, b: EventFact) -> bool:
    """Whether ``a``, told with no place or participant, may be ``b``: its report is set in
    the province ``b`` is in (or, where ``b`` has no place either, ``b``'s report is set)."""
    if a.places or a.participants:
        return False
    where = b.provinces or b.setting if (b.places or b.participants) else b.setting
    return bool(a.setting & where)


def same_event(a: EventFact, b: EventFact, loose: bool = True) -> bool:
    """One happening: the same family of types, a place or participant in common, and days close enough
    (the events' own dates at most ``date_conflict_days`` apart, else their reports' dates
    at most a week)."""
    keys_a, keys_b = (a.keys, b.keys) if loose else (a.places | a.participants, b.places | b.participants)
    if a.family != b.family:
        return False
    if a.modes and b.modes and not a.modes & b.modes:
        return False  # a roadside bomb and a shelling: two attacks
    targets_a = {p for p in a.participants if p.startswith("~")}
    targets_b = {p for p in b.participants if p.startswith("~")}
    alike = _alike_targets(targets_a, targets_b)
    if targets_a and targets_b and not alike and not a.participants & b.participants \
            and _target_classes(targets_a) & _target_classes(targets_b):
        # An army checkpoint and a farm: two happenings, wherever they were (not "the
        # frontier force" and "a border post": who was hit and where they stood).
        return False
    shared = (keys_a & keys_b) | alike
    if shared and all(k.startswith("~") for k in shared):
        # Only a described target in common ("an army convoy"): one happening where both put
        # it in one province (or one of them nowhere) and days apart at most as a date in
        # dispute can be (or, where either gives no day, reported within a week).
        # (Where either's province is not known, nothing says it is elsewhere.)
        one_area = a.nested(b) or bool(a.provinces & b.provinces) or not (a.provinces and b.provinces)
        if not one_area:
            return False
        if a.day and b.day:
            return abs((a.day - b.day).days) <= settings()["date_conflict_days"]
        da, db = _when(a), _when(b)
        return bool(da and db and abs((da - db).days) <= 7)
    if not shared:
        # No place or participant in common: still one happening where both give the same
        # day and one's place lies in the other's ("in Charlotte" on Tuesday, "in N.C."),
        # or neither says where and their reports are set in one province; or where their
        # reports tell one story.
        same_day = bool(a.day and a.day == b.day and a.dated and b.dated)
        return (same_day and (a.nested(b) or _unplaced_in(a, b) or _unplaced_in(b, a))) \
            or (loose and one_story(a, b))
    n = min(len(a.date or ""), len(b.date or ""))
    if n and n < 10 and a.date[:n] != b.date[:n]:
        return False  # June against November: two happenings, not a date in dispute
    if a.dated and b.dated and n and n < 10:
        return True  # "in June" both: their own dates agree, whenever each was reported
    da, db = _when(a), _when(b)
    if da and db:
        if a.day and b.day:
            return abs((da - db).days) <= settings()["date_conflict_days"]
        if bool(a.day) != bool(b.day):
            # One told with its day, the other only in a report of a later date: the report
            # tells of it within ``undated_report_days`` after (a weekly's roundup).
            day, report = (da, db) if a.day else (db, da)
            return 0 <= (report - day).days <= settings()["undated_report_days"] or abs((da - db).days) <= 7
        return abs((da - db).days) <= 7
    return True


def one_story(a: EventFact, b: EventFact) -> bool:
    """Whether two accounts of one family of happening, with no place or participant in
    common, are of one happening because their reports tell one story ("the four drivers
    were detained" / "three drivers had been arrested", in two reports on one seizure): each
    report tells one such happening; at most one of them names where it was, and nothing they
    give sets them apart (areas that do not meet, two provinces, two targets or two people,
    days or reports' dates too far apart)."""
    if not (a.report and b.report and b.report in a.story and a.report in b.story):
        return False
    if a.named_places and b.named_places:
        return False  # both say where, and no place in common: two places, two happenings
    here, there = a.places | a.area, b.places | b.area
    if here and there and not (here & (there | b.regions) or there & (here | a.regions)):
        return False
    if a.provinces and b.provinces and not a.provinces & b.provinces:
        return False
    targets_a = {p for p in a.participants if p.startswith("~")}
    targets_b = {p for p in b.participants if p.startswith("~")}
    if targets_a and targets_b and not _alike_targets(targets_a, targets_b):
        return False
    named_a, named_b = a.participants - targets_a, b.participants - targets_b
    if named_a and named_b and not named_a & named_b:
        return False
    if a.day and b.day:
        return abs((a.day - b.day).days) <= settings()["date_conflict_days"]
    da, db = _when(a), _when(b)
    return bool(da and db and abs((da - db).days) <= 7)


def event_agrees(a: EventFact, b: EventFact, loose: bool = True) -> str | None:
    """What two reports of one event give alike: a figure ("killed 14" both), else the
    day, with the place or the people they both state; or None."""
    if not same_event(a, b, loose):
        return _same_count_in_one_setting(a, b) if loose else None
    counted_alike = not (a.victims and b.victims and not a.victims & b.victims)
    # One count, or a count and an "about" around it (``Figure.one_count``).
    same = [f"{kind} {a.figures[kind]}" for kind in sorted(set(a.figures) & set(b.figures))
            if counted_alike and a.figures[kind].one_count(b.figures[kind])]
    if same:
        return "same figures: " + ", ".join(same)
    # (Or in the places both reports give the happening anywhere: "the governor removed him
    # on Sunday" in two reports on the Tuz commissioner.)
    told_alike = (a.placed and b.placed and a.places & b.places) or (a.participants & b.participants) \
        or (loose and a.area & b.area)
    if counted_alike and a.asserted and b.asserted and a.dated and b.dated and told_alike and a.day \
            and a.day == b.day:
        where = ", ".join(sorted(a.place_names & b.place_names) or a.place_names)
        return f"same day: {a.date}" + (f", {where}" if where else "")
    return None


def _same_count_in_one_setting(a: EventFact, b: EventFact) -> str | None:
    """Two reports set in one province that give one family of happening the same exact
    count within a week ("rose to six" / "six people had died"), though they name no place
    in common: the same figures."""
    if a.family != b.family or not (a.setting & b.setting) or a.plural or b.plural:
        return None
    if a.victims and b.victims and not a.victims & b.victims:
        return None
    da, db = _when(a), _when(b)
    if not (da and db) or abs((da - db).days) > 7:
        return None
    same = [f"{kind} {a.figures[kind]}" for kind in sorted(set(a.figures) & set(b.figures))
            if a.figures[kind].low == a.figures[kind].high == b.figures[kind].low == b.figures[kind].high
            and a.figures[kind].low is not None and a.figures[kind].low >= settings()["setting_count_floor"]]
    return "same figures: " + ", ".join(same) if same else None


def event_pairs(a: EventFact, b: EventFact, loose: bool = True) -> tuple[str, str] | None:
    """A contradiction between two reports of one event, as (reason, detail), or None.

    One event: the same family of types, a place in common, and days close enough (the
    events' own dates, else their reports' dates, at most ``date_conflict_days`` apart, or a
    week for reports that give no date). Then two dates the statements give that differ
    contradict (``date``), and so do figures that cannot both hold (``figures``), unless one
    says the toll rose since (an update)."""
    if not same_event(a, b, loose):
        return None
    # Within one report (a roundup of several happenings) two days are two happenings unless
    # the statements name a place or participant in common; across reports one happening
    # known by its report's area may be put on two days ("fired a salvo on Saturday night" /
    # "struck the post on Sunday").
    strict = same_event(a, b, loose=False)
    told = a.asserted and b.asserted  # not "the March 21 attack": a date the statement tells
    later = (a.later or b.later) and a.type != b.type
    if told and a.dated and b.dated and a.day and b.day and a.day != b.day and (strict or loose) \
            and not later:
        return "date", f"{a.date} against {b.date}"
    same_people = a.people & b.people or _alike_targets({p for p in a.people if p.startswith("~")},
                                                        {p for p in b.people if p.startswith("~")})
    named = a.placed and b.placed and a.named_places and b.named_places  # "a checkpoint" is nowhere
    if told and named and not a.nested(b) and same_people:
        # The same people or target, somewhere else: "detained in Musayyib" / "at his house in
        # Iskandariya"; not "in Charlotte" / "in N.C." where a report puts one in the other.
        return "place", f"{', '.join(sorted(a.place_names))} against {', '.join(sorted(b.place_names))}"
    if a.victims and b.victims and not a.victims & b.victims:
        return None  # soldiers counted against militants
    for kind in sorted(set(a.figures) & set(b.figures)):
        fa, fb = a.figures[kind], b.figures[kind]
        # A toll that rose since is an update of a count reported before it or that day, not
        # of one reported later ("has risen to eleven" on the 13th against "thirteen were
        # killed" on the 16th).
        # (Not where the count risen to is below the other: "sixteen people died" against
        # "the toll rose to 13" is no rise from it.)
        toll = kind == "killed"  # (what a toll counts: the wounded beside it may be any count)
        updated = (a.update and (a.report_date or "") >= (b.report_date or "")
                   and not (toll and _above(fb, fa, a.risen))) \
            or (b.update and (b.report_date or "") >= (a.report_date or "")
                and not (toll and _above(fa, fb, b.risen)))
        if (a.part and b.toll) or (b.part and a.toll):  # a share and the whole: two counts,
            share, whole = (fa, fb) if a.part else (fb, fa)  # unless the share is larger
            if whole.high is None or share.low <= whole.high:
                continue
        if not fa.agrees(fb) and not updated and (a.asserted or a.counted) \
                and (b.asserted or b.counted):
            return "figures", f"{kind} {fa} against {fb}"
    return None


def _above(other: Figure, risen: Figure, to: int | None) -> bool:
    """Whether a count is above the one a toll has risen ``to`` (the figure the rising verb
    takes, not another of its sentence: "rose to 13 after two of the wounded died")."""
    return to is not None and risen.low == to and other.low > to


def candidates(statements: list[Statement]) -> set[tuple[int, int]]:
    """The pairs worth comparing (indexes, i < j): those that share enough content words, an
    event's family and a place or participant, or a denial and the claim it answers. Everything else cannot
    pair, so a corpus is not compared all against all."""
    s = settings()
    by_word: dict[str, list[int]] = defaultdict(list)
    by_event: dict[tuple[str, str], list[int]] = defaultdict(list)
    by_id = {st.id: i for i, st in enumerate(statements)}
    for i, st in enumerate(statements):
        for w in st.words:
            by_word[w].append(i)
        for e in st.events:
            for key in e.keys:
                by_event[e.family, key].append(i)
    # A word in too many statements tells none apart (and would make the pairs quadratic).
    limit = max(s["min_posting_limit"], int(s["max_posting_share"] * len(statements)))
    usable = {w: p for w, p in by_word.items() if 1 < len(p) <= limit}
    out: set[tuple[int, int]] = set()
    for i, st in enumerate(statements):  # one statement at a time: memory stays linear
        shared: Counter[int] = Counter(j for w in st.words if w in usable for j in usable[w] if j > i)
        out.update((i, j) for j, n in shared.items() if n >= s["min_shared_words"])
    for postings in by_event.values():
        out.update(combinations(sorted(set(postings)), 2))
    # A denial by a party, against what says the party did it (``accused_denies``).
    by_doer: dict[str, set[int]] = defaultdict(set)
    for i, st in enumerate(statements):
        for x in (x for c in st.clauses for x in c.args if x.role == "agent" and x.entity):
            by_doer[x.entity].add(i)
    by_doer = {e: doing for e, doing in by_doer.items() if len(doing) <= limit}  # (as a word in too many)
    for i, st in enumerate(statements):
        if st.polarity < 0:
            out.update((min(i, j), max(i, j)) for e in st.named() for j in by_doer.get(e, ())
                       if j != i and told_together(st, statements[j]))
    # Accounts of one family of happening in two reports that tell one story.
    by_report: dict[tuple[str, str], set[int]] = defaultdict(set)
    story: dict[tuple[str, str], frozenset[str]] = {}
    for i, st in enumerate(statements):
        for e in st.events:
            if e.report and e.story:
                by_report[e.family, e.report].add(i)
                story[e.family, e.report] = e.story
    for (family, report), mine in by_report.items():
        for other in story[family, report]:
            if report < other:
                out.update((min(i, j), max(i, j)) for i in mine
                           for j in by_report.get((family, other), ()) if i != j)
    # Clauses that mean the same or the contrary of one thing: "sold the weapons" and "every
    # rifle was handed over" share no word.
    by_clause: dict[tuple[str, str], set[int]] = defaultdict(set)
    for i, st in enumerate(statements):
        for c in st.clauses:
            for key in clauses.keys(c):
                by_clause[key].add(i)
    for postings in by_clause.values():
        if 1 < len(postings) <= limit:
            out.update(combinations(sorted(postings), 2))
    by_link: dict[tuple[str, str], set[int]] = defaultdict(set)
    for i, st in enumerate(statements):
        for link in st.links:
            for thing in link.causes:
                by_link[link.effect, thing].add(i)
    for (effect, thing), postings in by_link.items():
        if thing == ANY_CAUSE:  # a routine doing, against every cause of that kind of doing
            postings = postings | {i for (e, t), p in by_link.items() if e == effect for i in p}
        if 1 < len(postings) <= limit:
            out.update(combinations(sorted(postings), 2))
    for i, st in enumerate(statements):
        if st.refers_to in by_id:
            out.add(tuple(sorted((i, by_id[st.refers_to]))))
    return out


def common_entities(statements: list[Statement]) -> frozenset[str]:
    """The entities named in more than ``common_entity_share`` of the statements (and more
    than a floor of them): in a corpus about one candidate, "Trump" tells no assertion from
    another, as a word in every statement does not (PolNeAR dev: Trump in a third of them)."""
    s = settings()
    # (Over what sources say and the events reports tell: a report's own background sentences,
    # one per sentence, would make the subject of a small workspace common.)
    counted = [st for st in statements if not own_voice(st)]
    counts = Counter(e for st in counted for e in st.named())
    limit = max(s["common_entity_floor"], s["common_entity_share"] * len(counted))
    return frozenset(e for e, n in counts.items() if n > limit)


def compare(statements: list[Statement]) -> list[Pair]:
    """Every corroboration and contradiction among the statements."""
    link_back(statements)
    common = common_entities(statements)
    found: dict[tuple[str, str, str], Pair] = {}

    def add(kind: str, a: Statement, b: Statement, reason: str, detail: str) -> None:
        first, second = sorted((a, b), key=lambda s: s.id)
        key = (kind, first.id, second.id)
        if key in found:
            return
        level = independence(a, b)
        found[key] = Pair(kind, first.id, second.id, reason, level,
                          INDEPENDENCE_STRENGTH[level] if kind == "corroboration" else 1.0, detail)

    comparable = [s for s in statements if s.stance in POSITIVE + NEGATIVE and not of_the_accounts(s)]
    for i, j in sorted(candidates(comparable)):
        a, b = comparable[i], comparable[j]
        if a.id == b.id or (a.document == b.document and "fact" in (a.kind, b.kind)):
            continue  # a report's own account rests on the sources it quotes
        if a.document == b.document and a.span[0] < b.span[1] and b.span[0] < a.span[1]:
            continue  # one claim inside another ("X said that Y told him ..."), or read twice
        if a.source == b.source and own_voice(a) and own_voice(b):
            continue  # an outlet's own account twice is one account: its formulas ("X could not
            # verify these accounts"), its background, repeated from one report to the next
        if a.refers_to == b.id or b.refers_to == a.id:
            add("contradiction", a, b, "denial", "denies the claim it answers")
            continue
        if (answered := _answers_in_story(a, b) or _answers_in_story(b, a)) is not None:
            add("contradiction", a, b, "denial", answered)
            continue
        # Why it was done, said and denied: "removed because of the seizure" / "unrelated to it".
        why = _link_verdict(a, b)
        if why is not None and why[0] < 0:
            add("contradiction", a, b, "denial", why[1])
            continue
        # Across reports a happening is known by the places its report gives anywhere; within
        # one report, a roundup of several, only by its own places and people.
        # (An aggregator's report that puts two sources' accounts side by side is one
        # happening told twice: known by its area too.)
        loose = a.document != b.document or (a.kind == b.kind == "claim" and a.source != b.source
                                             and bool(a.cited | b.cited))
        conflicts = [c for ea in a.events for eb in b.events
                     if ea.id != eb.id and (c := event_pairs(ea, eb, loose))]
        if conflicts:  # one event told two ways: the figures, the date or the place say why
            add("contradiction", a, b, *conflicts[0])
            continue
        # One source twice in one report says nothing new; in two reports it is a repetition.
        twice = a.source == b.source and a.document == b.document
        if any(a.event_sign(ea) != b.event_sign(eb) and same_event(ea, eb, loose)
               and ea.participants & eb.participants and not (a.doer_denied(ea, b) or b.doer_denied(eb, a))
               for ea in a.events for eb in b.events if ea.id != eb.id):
            # "The brigade denied that X had been arrested" against "forces arrested X".
            add("contradiction", a, b, "denial", "denies that it happened")
            continue
        agreed = [d for ea in a.events for eb in b.events
                  if ea.id != eb.id and (d := event_agrees(ea, eb, loose))]
        if agreed and not twice and a.polarity == b.polarity:
            # ... unless what they say of it conflicts: "detained at his home" / "at a checkpoint".
            # (The figures and days the events gave are theirs to judge: a toll that rose.)
            said = same_clauses(a, b, common) if a.clauses and b.clauses else None
            if said is not None and said[:2] == ("contradiction", "place"):
                add("contradiction", a, b, "place", said[2])
            else:
                add("corroboration", a, b, "same", agreed[0])
            continue
        if why is not None and not twice:
            # One cause both give; unless what they say of the doing conflicts ("suspended on
            # Saturday over the container" / "on Monday pending an investigation into the seizure").
            said = same_clauses(a, b, common) if a.clauses and b.clauses else None
            if said is not None and said[0] == "contradiction":
                add("contradiction", a, b, "denial" if said[1] == "same" else said[1], said[2])
            else:
                add("corroboration", a, b, "same", why[1])
            continue
        if a.clauses and b.clauses:
            said = same_clauses(a, b, common)
            if said is not None and said[0] == "contradiction" and said[1] in ("figures", "date", "place") \
                    and (a.refers_to or b.refers_to):
                # A denial that points back denies the claim it answers, not its counts: its
                # figures are the accuser's ("the accusations" / "3,000 sacks").
                said = None
            if said is not None and said[0] == "corroboration" and _one_says_why(a, b):
                continue  # "removed over the Marwa Star affair" / "was dismissed on Sunday"
            if said is not None and not twice:
                kind, reason, detail = said
                add(kind, a, b, "denial" if kind == "contradiction" and reason == "same" else reason, detail)
            elif not twice and (answer := accused_denies(a, b, common) or accused_denies(b, a, common)):
                add("contradiction", a, b, "denial", answer)
            continue
        # Where the store has no propositions (a workspace older than them), the same words
        # corroborate; without the predicate and its arguments a "not" on one side says too
        # little to call it a contradiction. Where it has them and a statement has no clause,
        # it is a noun phrase ("his microphone problems"), which asserts nothing. A report's own account is
        # compared by what happened, not by its words.
        legacy = a.kind == b.kind == "claim" and not (a.clauses or b.clauses or a.parsed or b.parsed)
        same = same_words(a, b) if legacy else None
        if same is not None and not twice:
            shared, sign_a, sign_b = same
            if sign_a == sign_b:
                add("corroboration", a, b, "same", "same words: " + ", ".join(sorted(shared)[:6]))
    return sorted(found.values(), key=lambda p: (p.kind, p.a, p.b))
