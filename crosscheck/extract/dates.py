"""Dates resolved against the document's date: "on March 3", "last October", "in June 2016",
"six months later", "in the year 2011", "by 2019", "yesterday", "two years ago".

Each DATE mention gets ``attrs["date"]``: ``value`` (ISO with only the known parts:
"2020", "2020-05", "2020-05-03"; a decade as "199"), ``precision`` (day, month, year,
decade), ``approximate`` (early/late/around/by, weeks, "later"), ``relative`` (whether
the text needs an anchor to be read), and, where no value could be given, ``unresolved``
saying why. A relative date is resolved against the document's date, or a "later"
against the date before it in the report; never against today: with no document date it
stays unresolved and says so. A span that names a length of time ("six months", "in its
first two years") is a duration, relabelled DURATION, with no value.

dateparser reads what the rules below do not (numeric dates, "the 5th of May"); it misses
"last <month>" and the "later" and decade forms, which the rules take first.
"""

from __future__ import annotations

import calendar
import datetime as dt
import functools
import re
from dataclasses import asdict, dataclass

from crosscheck.extract.stages import stage

VERSION = "3"
_AHEAD_DAYS = 90  # how far after the document's date a date without a year may lie

MONTHS = {m.lower(): i for i, m in enumerate(calendar.month_name) if m}
MONTHS.update({m.lower(): i for i, m in enumerate(calendar.month_abbr) if m})
MONTHS["sept"] = 9
WEEKDAYS = {d.lower(): i for i, d in enumerate(calendar.day_name)}
NUMBERS = {"a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
           "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "several": 3, "a few": 3,
           "few": 3, "eighteen": 18, "fifteen": 15, "twenty": 20, "thirty": 30}
_MONTH = r"(?P<month>" + "|".join(sorted(MONTHS, key=len, reverse=True)) + r")\.?"
_NUM = r"(?P<n>\d+|" + "|".join(sorted(NUMBERS, key=len, reverse=True)) + ")"
_UNIT = r"(?P<unit>day|week|month|year|decade)s?"
# Words before a date that do not change it, and those that make it approximate.
_LEAD = re.compile(r"^(?:(?:on|in|at|during|since|from|until|till|of|the|year|as of|night of|morning of"
                   r"|evening of|afternoon of|weekend of|week of)\s+)+")
_APPROX = re.compile(r"^(?:(?:early|late|mid|around|about|approximately|circa|the end of|the beginning of"
                     r"|the start of|the middle of|the first half of|the second half of|the spring of"
                     r"|the summer of|the autumn of|the fall of|the winter of|spring|summer|autumn|fall"
                     r"|winter|by|before|after|end of|beginning of|start of|earlier|later)[\s-]+)+")


@dataclass
class DateValue:
    text: str
    value: str | None = None
    precision: str | None = None  # day, week, month, year, decade
    approximate: bool = False
    relative: bool = False
    kind: str = "date"  # date, duration
    unresolved: str | None = None


def _iso(year: int, month: int | None = None, day: int | None = None) -> str:
    out = f"{year:04d}"
    if month:
        out += f"-{month:02d}"
        if day:
            out += f"-{day:02d}"
    return out


def _number(word: str) -> int | None:
    return int(word) if word.isdigit() else NUMBERS.get(word)


def _shift_months(year: int, month: int, delta: int) -> tuple[int, int]:
    total = year * 12 + (month - 1) + delta
    return total // 12, total % 12 + 1


def _year(text: str) -> int | None:
    m = re.fullmatch(r"(?:'|\u2019)?(\d{4})", text)
    return int(m[1]) if m and 1000 <= int(m[1]) <= 2999 else None


def _parse_iso(value: str) -> tuple[int, int | None, int | None]:
    parts = [int(p) for p in value.split("-")]
    return parts[0], (parts[1] if len(parts) > 1 else None), (parts[2] if len(parts) > 2 else None)


def resolve(text: str, anchor: dt.date | None, previous: DateValue | None = None) -> DateValue:
    """Read one date expression, resolving what is relative against ``anchor`` (the
    document's date) or, for "later" and "earlier", against ``previous``."""
    raw = " ".join(text.replace("\u2019", "'").split())
    low = raw.lower().rstrip(".,;")
    out = DateValue(raw)
    approx = _APPROX.match(low)
    if approx:
        out.approximate = True
        low = low[approx.end():]
    low = _LEAD.sub("", low)
    low = _APPROX.sub("", low) if _APPROX.match(low) else low
    if not low:
        out.unresolved = "no date in the words"
        return out

    # A length of time, not a point in it: a number of units ("six months", "its first two
    # years", "the past three years", "a 20-year-old"), or units in the plural alone.
    if (re.fullmatch(rf"(?:(?:the|its|their|his|her|a|an|for|over|within) )?(?:(?:first|last|past|next|"
                     rf"previous|coming) )?{_NUM}[\s-](?:full |whole |long )?{_UNIT}(?: and a half)?"
                     rf"(?:[\s-](?:long|old))?", low)
            or re.fullmatch(r"(?:for |over )?(?:the )?(?:decades|years|months|weeks|days|centuries)", low)):
        if not re.search(r"\b(?:ago|later|earlier|before|after)\b", low):
            out.kind = "duration"
            return out

    def needs_anchor(why: str) -> DateValue:
        out.relative = True
        out.unresolved = f"relative ({why}) and the document has no date"
        return out

    # Absolute dates.
    m = re.fullmatch(rf"{_MONTH} (?P<day>\d{{1,2}})(?:st|nd|rd|th)?,? (?P<year>\d{{4}})", low) or \
        re.fullmatch(rf"(?P<day>\d{{1,2}})(?:st|nd|rd|th)? (?:of )?{_MONTH},? (?P<year>\d{{4}})", low)
    if m:
        return _set(out, _iso(int(m["year"]), MONTHS[m["month"]], int(m["day"])), "day")
    m = re.fullmatch(rf"{_MONTH},? (?:of )?(?P<year>\d{{4}})", low)
    if m:
        return _set(out, _iso(int(m["year"]), MONTHS[m["month"]]), "month")
    if (year := _year(low)) is not None:
        return _set(out, _iso(year), "year")
    m = re.fullmatch(r"(?:the )?(?:'|)(?P<decade>1[89]\d|20\d)0s", low)
    if m:
        return _set(out, m["decade"], "decade")
    m = re.fullmatch(r"(?P<year>\d{4})-(?P<month>\d{2})-(?P<day>\d{2})", low)
    if m:
        return _set(out, _iso(int(m["year"]), int(m["month"]), int(m["day"])), "day")

    # Relative to the date before it in the report.
    m = re.fullmatch(rf"(?:some |about |nearly |almost |just )?{_NUM} {_UNIT} "
                     rf"(?P<dir>later|earlier|afterwards|after that|before that|on)", low)
    if m:
        out.relative, out.approximate = True, True
        if previous is None or previous.value is None or previous.precision == "decade":
            out.unresolved = "relative to an earlier date in the report, and none was read"
            return out
        n = _number(m["n"]) or 1
        sign = -1 if m["dir"] in ("earlier", "before that") else 1
        return _shifted(out, _parse_iso(previous.value), m["unit"], sign * n, previous.precision)

    # "the next day", "the following year", "the day before": from the date the report has
    # just given. ("next week", "next month" are from the document's date, below.)
    m = re.fullmatch(r"(?P<dir>following|next|previous|preceding) (?P<unit>day)|"
                     r"(?P<dir3>following|previous|preceding) (?P<unit3>week|month|year)|"
                     r"(?P<unit2>day|week|month|year) (?P<dir2>before|after)", low)
    if m:
        out.relative = True
        if previous is None or previous.value is None or previous.precision == "decade":
            out.unresolved = "relative to an earlier date in the report, and none was read"
            return out
        unit = m["unit"] or m["unit2"] or m["unit3"]
        sign = -1 if (m["dir"] or m["dir2"] or m["dir3"]) in ("previous", "preceding", "before") else 1
        precision = {"year": "year", "month": "month"}.get(unit, previous.precision)
        return _shifted(out, _parse_iso(previous.value), unit, sign, precision)

    # Relative to the document's date.
    if low in ("today", "tonight", "this morning", "this afternoon", "this evening", "now"):
        return _relative_days(out, anchor, 0, needs_anchor)
    if low in ("yesterday", "last night"):
        return _relative_days(out, anchor, -1, needs_anchor)
    if low == "tomorrow":
        return _relative_days(out, anchor, 1, needs_anchor)
    m = re.fullmatch(rf"{_NUM} {_UNIT} ago", low)
    if m:
        if anchor is None:
            return needs_anchor("ago")
        out.relative = True
        unit = m["unit"]
        out.approximate = unit in ("week", "decade")
        # "two years ago" is a year, "two months ago" a month, "two weeks ago" a week, "three
        # days ago" a day.
        precision = {"year": "year", "decade": "year", "month": "month", "week": "week"}.get(unit, "day")
        n = _number(m["n"]) or 1
        return _shifted(out, (anchor.year, anchor.month, anchor.day), unit, -n, precision)
    m = re.fullmatch(r"(?P<which>last|this|next|past|previous|coming) (?P<what>week|month|year|decade|"
                     r"weekend)", low)
    if m:
        if anchor is None:
            return needs_anchor(low)
        out.relative = True
        sign = {"last": -1, "past": -1, "previous": -1, "this": 0, "next": 1, "coming": 1}[m["which"]]
        what = m["what"]
        if what in ("week", "weekend"):
            # "last week" names no day: the day a week off, said to be within a week.
            out.approximate = True
            return _set(out, (anchor + dt.timedelta(days=7 * sign)).isoformat(), "week")
        if what == "month":
            y, mo = _shift_months(anchor.year, anchor.month, sign)
            return _set(out, _iso(y, mo), "month")
        if what == "year":
            return _set(out, _iso(anchor.year + sign), "year")
        out.approximate = True
        return _set(out, str(anchor.year // 10 + sign), "decade")
    m = (re.fullmatch(rf"(?P<which>last |this |next |past )?{_MONTH}(?: (?P<day>\d{{1,2}})(?:st|nd|rd|th)?)?",
                      low)
         or re.fullmatch(rf"(?P<which>last |this |next )?(?P<day>\d{{1,2}})(?:st|nd|rd|th)? (?:of )?{_MONTH}",
                         low))
    if m:
        if anchor is None:
            return needs_anchor("no year")
        out.relative = True
        month, day = MONTHS[m["month"]], int(m["day"]) if m["day"] else None
        which = (m["which"] or "").strip()
        year = anchor.year
        if which in ("last", "past"):
            # "last October": the October before the document's month.
            year = anchor.year if month < anchor.month else anchor.year - 1
        elif which == "next":
            year = anchor.year if month > anchor.month else anchor.year + 1
        elif which != "this":
            # "on March 3", "in October": news reports the past, and announces what is
            # near: the date in the document's year unless that is more than three months
            # ahead, then the year before ("in October" in a May report is last October).
            candidate = dt.date(anchor.year, month, min(day or 1, calendar.monthrange(anchor.year, month)[1]))
            if candidate > anchor + dt.timedelta(days=_AHEAD_DAYS):
                year = anchor.year - 1
        return _set(out, _iso(year, month, day), "day" if day else "month")
    m = re.fullmatch(r"(?P<which>last |this |next |this past |past )?(?P<day>" + "|".join(WEEKDAYS) + r")s?"
                     r"(?: (?:morning|afternoon|evening|night))?", low)
    if m:
        if anchor is None:
            return needs_anchor("weekday")
        out.relative = True
        which = (m["which"] or "").strip()
        back = (anchor.weekday() - WEEKDAYS[m["day"]]) % 7
        if which == "next":
            delta = (WEEKDAYS[m["day"]] - anchor.weekday()) % 7 or 7
        elif which in ("last", "past", "this past"):
            delta = -(back or 7)
        else:
            delta = -back
        return _set(out, (anchor + dt.timedelta(days=delta)).isoformat(), "day")
    return _dateparser(out, low, anchor)


def _set(out: DateValue, value: str, precision: str) -> DateValue:
    out.value, out.precision = value, precision
    return out


def _relative_days(out: DateValue, anchor, days: int, needs_anchor) -> DateValue:
    if anchor is None:
        return needs_anchor(out.text.lower())
    out.relative = True
    return _set(out, (anchor + dt.timedelta(days=days)).isoformat(), "day")


def _shifted(out: DateValue, start: tuple, unit: str, n: int, precision: str) -> DateValue:
    year, month, day = start
    if unit == "year" or unit == "decade":
        year += n * (10 if unit == "decade" else 1)
        value = _iso(year, month if precision in ("month", "day") else None,
                     day if precision == "day" else None)
        return _set(out, value, precision if precision != "decade" else "year")
    if unit == "month":
        y, mo = _shift_months(year, month or 1, n)
        return _set(out, _iso(y, mo), "month")
    base = dt.date(year, month or 1, day or 1)
    days = n * (7 if unit == "week" else 1)
    return _set(out, (base + dt.timedelta(days=days)).isoformat(), "week" if unit == "week" else "day")


@functools.cache
def _dateparser_module():
    import dateparser

    return dateparser


def _dateparser(out: DateValue, low: str, anchor: dt.date | None) -> DateValue:
    """What the rules do not read: numeric dates, "the 5th of May 2019", ...; dateparser
    is asked with the document's date as its base, or only for absolute dates without one."""
    if not re.search(r"\d|" + "|".join(MONTHS), low) or re.fullmatch(r"\d{1,3}", low):
        out.unresolved = "not a date the rules or dateparser read"
        return out
    if anchor is None and not re.search(r"\b\d{4}\b", low):
        # dateparser fills the parts a text lacks from today: never without a document date.
        out.relative = True
        out.unresolved = "no year, and the document has no date"
        return out
    settings = {"PREFER_DATES_FROM": "past", "REQUIRE_PARTS": ["year"], "RETURN_AS_TIMEZONE_AWARE": False}
    if anchor is not None:
        settings["RELATIVE_BASE"] = dt.datetime(anchor.year, anchor.month, anchor.day)
        settings["REQUIRE_PARTS"] = []
    found = _dateparser_module().parse(low, languages=["en"], settings=settings)
    if found is None:
        out.unresolved = "not a date the rules or dateparser read"
        return out
    has_day = re.search(r"\b\d{1,2}(?:st|nd|rd|th)?\b", low) and not re.fullmatch(r"\d{4}", low)
    out.relative = anchor is not None and not re.search(r"\b\d{4}\b", low)
    if has_day:
        return _set(out, found.date().isoformat(), "day")
    return _set(out, _iso(found.year, found.month), "month")


def anchor_of(date: str | None) -> dt.date | None:
    """The document's date as an anchor: only a full day counts (a month or a year is too
    coarse to read "yesterday" against)."""
    if date and re.fullmatch(r"\d{4}-\d{2}-\d{2}", date):
        return dt.date.fromisoformat(date)
    return None


_NAMES_A_DAY = re.compile(r"\b(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday|yesterday|tonight|"
                          r"last night|january|february|march|april|may|june|july|august|september|"
                          r"october|november|december)\b", re.IGNORECASE)


@stage("dates", version=VERSION, requires=["mentions"], assigns=["mentions"])
def add_dates(analysis, parsed) -> None:
    anchor = anchor_of(analysis.document.date)
    previous: DateValue | None = None
    for m in sorted(analysis.mentions, key=lambda m: m.start):
        if m.label == "TIME" and _NAMES_A_DAY.search(m.text):
            # "Tuesday night", "Monday evening", "last night": the model calls them times;
            # they name a day.
            m.attrs["model_label"] = m.label
            m.label, m.type = "DATE", "date"
        if m.label != "DATE":
            continue
        found = resolve(m.text, anchor, previous)
        if found.kind == "duration":
            m.attrs["model_label"] = m.label
            m.label, m.type = "DURATION", "duration"
            continue
        if found.value:
            previous = found
        m.attrs["date"] = {k: v for k, v in asdict(found).items() if k not in ("text", "kind")}
    _weekday_with_its_date(analysis)


_BETWEEN = re.compile(r"\s*[,(]?\s*(?:the\s+)?")


def _weekday_with_its_date(analysis) -> None:
    """ "On Friday, 20 August", "Tuesday (March 4)": a weekday the report dates at once is that
    date, not the weekday counted back from the report's date."""
    text = analysis.document.text
    dated = sorted((m for m in analysis.mentions if m.label == "DATE" and m.attrs.get("date")),
                   key=lambda m: m.start)
    for day, date in zip(dated, dated[1:], strict=False):
        value = date.attrs["date"]
        if day.text.strip().lower() in WEEKDAYS and value.get("precision") == "day" \
                and _BETWEEN.fullmatch(text[day.end:date.start]):
            day.attrs["date"] = dict(value)
