"""Grades of sources and claims on the NATO Admiralty scales.

- A source's reliability (A-F) is the analyst's to set, from its track record, with a
  reason; until then it is F, "reliability cannot be judged".
- A claim's credibility (1-6) follows from what the comparison of claims found for it
  (``Evidence``: how many independent sources corroborate it, how many contradict it, how
  many merely repeat it) by a rule table kept as data (``grades.yml``): the first rule that
  matches gives the grade and a reason a person can read ("confirmed by 2 independent
  sources"). The analyst can override the grade, with a reason; the computed one is kept.

The two are combined in the Admiralty code ("B2": a usually reliable source saying
something probably true). Repetitions never raise a grade: the table cannot even ask
about them.
"""

from __future__ import annotations

import functools
import re
import string
from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

import yaml

HERE = Path(__file__).parent
TABLE = HERE / "grades.yml"

# The counts a rule may compare: min_<count> and max_<count>.
COUNTS = ("independent", "weak", "corroborated", "contradicted", "balance")
CONDITIONS = {f"{bound}_{count}" for count in COUNTS for bound in ("min", "max")} | {
    "reliability_in", "stance_in", "denied_by_subject"}
TEMPLATE_FIELDS = (*COUNTS, "repeated", "reliability", "stance")
# What each reason template is tried on when a table is loaded.
_SAMPLE = dict(independent=2, weak=1, corroborated=3, contradicted=1, balance=1, repeated=3,
               reliability="B", stance="asserts")


class TableError(ValueError):
    """The grading table (grades.yml, or one passed in) is not one grades.py can use."""


@dataclass(frozen=True)
class Evidence:
    """What the comparison of claims found for one claim.

    ``Evidence(independent=2)``: two statements from sources independent of the claim's
    source say the same; ``Evidence(repeated=3, reliability="B")``: three outlets repeat
    what a usually reliable source said, citing it.
    """

    independent: int = 0
    weak: int = 0
    repeated: int = 0
    contradicted: int = 0
    denied_by_subject: bool = False
    reliability: str = "F"
    stance: str = "asserts"

    def __post_init__(self) -> None:
        for name in ("independent", "weak", "repeated", "contradicted"):
            value = getattr(self, name)
            if isinstance(value, bool) or not isinstance(value, int) or value < 0:
                raise ValueError(f"Evidence.{name} must be a count (0 or more), not {value!r}")
        object.__setattr__(self, "reliability", _letter(self.reliability))
        stances = load().stances
        if self.stance not in stances:
            raise ValueError(f"unknown stance {self.stance!r}; use one of {', '.join(stances)}")

    @property
    def corroborated(self) -> int:
        """Corroborations of any independence; repetitions are not corroboration."""
        return self.independent + self.weak

    @property
    def balance(self) -> int:
        """Independent sources for the claim less those against it."""
        return self.independent - self.contradicted


@dataclass(frozen=True)
class Rule:
    """One row of the rule table: when its conditions hold, the claim gets ``grade``."""

    name: str
    when: dict[str, Any]
    grade: int
    reason: str

    def matches(self, evidence: Evidence) -> bool:
        """Whether every condition holds for ``evidence``."""
        return all(_holds(key, value, evidence) for key, value in self.when.items())


@dataclass(frozen=True)
class Grade:
    """A claim's credibility: the value (1-6), its label, the rule that gave it and why.

    An override keeps the rule and the value the table ``computed``, so that the analyst's
    judgement can be shown beside what the evidence alone said.
    """

    value: int
    label: str
    rule: str
    reason: str
    overridden: bool = False
    computed: int | None = None


@dataclass(frozen=True)
class Reliability:
    """A source's reliability: the letter (A-F), its label and the analyst's reason."""

    letter: str
    label: str
    reason: str


@dataclass(frozen=True)
class Table:
    """The scales and rules of ``grades.yml``, checked."""

    reliability: dict[str, str]
    credibility: dict[int, str]
    stances: tuple[str, ...]
    rules: tuple[Rule, ...]
    weights: dict[str, dict[Any, float]] = field(default_factory=dict)
    ach_ratings: dict[str, dict[str, Any]] = field(default_factory=dict)


def credibility(evidence: Evidence, rules: Sequence[Rule] | None = None) -> Grade:
    """The credibility the first matching rule gives.

    >>> credibility(Evidence(independent=2)).reason
    'confirmed by 2 independent sources'
    """
    table = load()
    for rule in table.rules if rules is None else rules:
        if rule.matches(evidence):
            reason = _fill(rule.reason, _fields(evidence))
            return Grade(rule.grade, table.credibility[rule.grade], rule.name, reason, computed=rule.grade)
    # Only a table passed in can get here: the loaded one ends with a rule that always matches.
    raise TableError("no rule matched; end the rule table with one that has no conditions")


def override(grade: Grade, value: int, reason: str) -> Grade:
    """The analyst's grade in place of the computed one, with the analyst's reason.

    >>> override(credibility(Evidence()), 2, "seen the video").value
    2
    """
    value = _credibility_value(value)
    if not isinstance(reason, str) or not reason.strip():
        raise ValueError("an override needs a reason: say why the claim deserves this grade")
    computed = grade.computed if grade.computed is not None else grade.value
    return replace(grade, value=value, label=load().credibility[value], reason=reason.strip(),
                   overridden=True, computed=computed)


def reliability(letter: str | None = None, reason: str | None = None) -> Reliability:
    """A source's reliability; F ("cannot be judged") until the analyst sets one, with a reason.

    >>> reliability("b", "right on the brigade's moves since 2019").label
    'usually reliable'
    """
    scale = load().reliability
    letter = _letter("F" if letter is None else letter)
    if reason is None or not reason.strip():
        if letter != "F":
            raise ValueError(f"a reliability of {letter} needs a reason: say why the source is "
                             f"{scale[letter]} (its record, access, motive)")
        reason = "reliability cannot be judged: no record of this source yet"
    return Reliability(letter, scale[letter], reason.strip())


def rating(reliability: Reliability | str, credibility: Grade | int) -> str:
    """The combined Admiralty code.

    >>> rating(reliability("B", "a long record"), 2)
    'B2'
    """
    letter = _letter(reliability.letter if isinstance(reliability, Reliability) else reliability)
    value = _credibility_value(credibility.value if isinstance(credibility, Grade) else credibility)
    return f"{letter}{value}"


@functools.cache
def load(path: str | Path | None = None) -> Table:
    """The scales and rules of ``grades.yml`` beside this module (or of ``path``), checked."""
    path = TABLE if path is None else Path(path)
    with path.open(encoding="utf-8") as f:
        data = yaml.safe_load(f)
    try:
        return check_table(data)
    except TableError as e:
        raise TableError(f"{path}: {e}") from None


def check_table(data: Any) -> Table:
    """A Table from parsed YAML, or a TableError that says what to fix."""
    if not isinstance(data, dict):
        raise TableError("the grading table must be a mapping with reliability, credibility and rules")
    reliability_scale = data.get("reliability")
    if not isinstance(reliability_scale, dict) or sorted(reliability_scale) != list("ABCDEF"):
        raise TableError("'reliability' must label exactly the letters A to F")
    credibility_scale = data.get("credibility")
    if not isinstance(credibility_scale, dict) or sorted(credibility_scale) != [1, 2, 3, 4, 5, 6]:
        raise TableError("'credibility' must label exactly the grades 1 to 6")
    stances = tuple(data.get("stances") or ())
    if not stances:
        raise TableError("'stances' must list the stances a claim can have")
    rules = _check_rules(data.get("rules"), stances)
    return Table(dict(reliability_scale), dict(credibility_scale), stances, rules,
                 _check_weights(data.get("weights")), _check_ach_ratings(data.get("ach_ratings")))


def _check_weights(weights: Any) -> dict[str, dict[Any, float]]:
    if not isinstance(weights, dict):
        raise TableError("'weights' must give a factor for each credibility and each reliability")
    for scale, keys in (("credibility", [1, 2, 3, 4, 5, 6]), ("reliability", list("ABCDEF"))):
        factors = weights.get(scale)
        if not isinstance(factors, dict) or sorted(factors) != keys:
            raise TableError(f"weights.{scale} must give a factor for each of {', '.join(map(str, keys))}")
        for key, factor in factors.items():
            if isinstance(factor, bool) or not isinstance(factor, int | float) or not 0 < factor <= 1:
                raise TableError(f"weights.{scale}.{key} is {factor!r}; a factor is above 0 and at most 1")
    return {scale: dict(weights[scale]) for scale in ("credibility", "reliability")}


def _check_ach_ratings(ratings: Any) -> dict[str, dict[str, Any]]:
    if not isinstance(ratings, dict) or not ratings:
        raise TableError("'ach_ratings' must map each ACH rating code to a label and an inconsistency")
    for code, spec in ratings.items():
        if (not isinstance(spec, dict) or not isinstance(spec.get("label"), str)
                or type(spec.get("inconsistency")) is not int or spec["inconsistency"] < 0):
            raise TableError(f"ach_ratings.{code} needs a label and an inconsistency "
                             "(a whole number, 0 or more)")
    return {str(code): dict(spec) for code, spec in ratings.items()}


def _check_rules(rules: Any, stances: Sequence[str]) -> tuple[Rule, ...]:
    """Rules from parsed YAML, checked: known conditions, grades 1-6, fillable reasons, and a
    last rule with no conditions so that every claim gets a grade."""
    if not isinstance(rules, list) or not rules:
        raise TableError("'rules' must be a non-empty list")
    checked, names = [], set()
    for i, raw in enumerate(rules, 1):
        where = f"rule {i}"
        if not isinstance(raw, dict):
            raise TableError(f"{where} must be a mapping with name, when, grade and reason")
        name = raw.get("name")
        if not isinstance(name, str) or not name:
            raise TableError(f"{where} has no name")
        where = f"rule {i} ({name})"
        if name in names:
            raise TableError(f"{where}: the name is used twice; names must be unique")
        names.add(name)
        unknown = set(raw) - {"name", "when", "grade", "reason"}
        if unknown:
            raise TableError(f"{where}: unknown field {sorted(unknown)[0]!r}; "
                             "a rule has name, when, grade and reason")
        when = raw.get("when") or {}
        if not isinstance(when, dict):
            raise TableError(f"{where}: 'when' must be a mapping of conditions")
        for key, value in when.items():
            _check_condition(where, key, value, stances)
        grade = raw.get("grade")
        if type(grade) is not int or not 1 <= grade <= 6:
            raise TableError(f"{where}: grade {grade!r} is not a credibility; use 1 to 6")
        reason = raw.get("reason")
        if not isinstance(reason, str) or not reason.strip():
            raise TableError(f"{where} has no reason")
        try:
            _fill(reason, _SAMPLE)
        except (KeyError, IndexError, ValueError, AttributeError) as e:
            raise TableError(f"{where}: cannot fill the reason {reason!r} ({e!r}); "
                             f"its fields are {', '.join(TEMPLATE_FIELDS)}") from None
        checked.append(Rule(name, dict(when), grade, reason))
    if checked[-1].when:
        raise TableError(f"the last rule ({checked[-1].name}) must have no conditions, so that every "
                         "claim gets a grade")
    return tuple(checked)


def _check_condition(where: str, key: Any, value: Any, stances: Sequence[str]) -> None:
    if key in ("min_repeated", "max_repeated"):
        raise TableError(f"{where}: {key!r} is not a condition: repetitions (one outlet citing "
                         "another) never raise a grade")
    if key not in CONDITIONS:
        raise TableError(f"{where}: unknown condition {key!r}; known: {', '.join(sorted(CONDITIONS))}")
    if key.startswith(("min_", "max_")):
        if isinstance(value, bool) or not isinstance(value, int):
            raise TableError(f"{where}: {key} must be a whole number, not {value!r}")
    elif key == "denied_by_subject":
        if not isinstance(value, bool):
            raise TableError(f"{where}: denied_by_subject must be true or false, not {value!r}")
    else:
        allowed = list("ABCDEF") if key == "reliability_in" else list(stances)
        if not isinstance(value, list) or not value or any(v not in allowed for v in value):
            raise TableError(f"{where}: {key} must list some of {', '.join(allowed)}, not {value!r}")


def _holds(key: str, value: Any, evidence: Evidence) -> bool:
    if key == "reliability_in":
        return evidence.reliability in value
    if key == "stance_in":
        return evidence.stance in value
    if key == "denied_by_subject":
        return evidence.denied_by_subject is value
    bound, count = key.split("_", 1)
    n = getattr(evidence, count)
    return n >= value if bound == "min" else n <= value


class _Reason(string.Formatter):
    """str.format, where ``{n:independent source}`` reads "1 independent source", "2 ... sources"."""

    def format_field(self, value: Any, format_spec: str) -> str:
        if isinstance(value, int) and re.fullmatch(r"[a-z][a-z ]+", format_spec):
            return f"{value} {format_spec}{'' if value == 1 else 's'}"
        return super().format_field(value, format_spec)


def _fill(template: str, fields: dict[str, Any]) -> str:
    return _Reason().vformat(template, (), fields)


def _fields(evidence: Evidence) -> dict[str, Any]:
    return {name: getattr(evidence, name) for name in TEMPLATE_FIELDS}


def _letter(letter: Any) -> str:
    if isinstance(letter, str) and letter.strip().upper() in ("A", "B", "C", "D", "E", "F"):
        return letter.strip().upper()
    raise ValueError(f"{letter!r} is not a reliability; use a letter from A (completely reliable) "
                     "to F (reliability cannot be judged)")


def _credibility_value(value: Any) -> int:
    if type(value) is not int or not 1 <= value <= 6:
        raise ValueError(f"{value!r} is not a credibility; use 1 (confirmed) to 6 (truth cannot be judged)")
    return value

