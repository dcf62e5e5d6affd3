"""Dates resolved against the document's date, on hand-written expressions (no model)."""

import datetime as dt

import pytest

from crosscheck.extract.dates import DateValue, add_dates, anchor_of, resolve
from crosscheck.model import Analysis, Document, Mention

MAY_2 = dt.date(2024, 5, 2)  # a Thursday


def _read(text, anchor=MAY_2, previous=None):
    found = resolve(text, anchor, previous)
    return found.kind if found.kind == "duration" else (found.value, found.precision)


@pytest.mark.parametrize("text, expected", [
    ("on March 3", ("2024-03-03", "day")),
    ("in October", ("2023-10", "month")),  # more than three months ahead: last year's
    ("on May 10", ("2024-05-10", "day")),  # just ahead: this year's, announced
    ("last October", ("2023-10", "month")),
    ("last January", ("2024-01", "month")),
    ("in June 2016", ("2016-06", "month")),
    ("in the year 2011", ("2011", "year")),
    ("the 1990s", ("199", "decade")),
    ("March 3, 2019", ("2019-03-03", "day")),
    ("the 5th of May 2019", ("2019-05-05", "day")),
    ("yesterday", ("2024-05-01", "day")),
    ("on Monday", ("2024-04-29", "day")),
    ("last Friday", ("2024-04-26", "day")),
    ("two years ago", ("2022", "year")),
    ("two months ago", ("2024-03", "month")),
    ("next month", ("2024-06", "month")),
    ("last year", ("2023", "year")),
    ("03/04/2019", ("2019-03-04", "day")),  # dateparser
])
def test_points_in_time(text, expected):
    assert _read(text) == expected


def test_approximate_and_bounded_dates_keep_the_year_and_say_so():
    for text in ("early 2019", "by 2019", "around 2019", "the summer of 2019"):
        found = resolve(text, MAY_2)
        assert (found.value, found.precision, found.approximate) == ("2019", "year", True)
    assert resolve("2019", MAY_2).approximate is False


def test_lengths_of_time_are_durations():
    for text in ("six months", "20 years", "in its first two years", "the past three years", "for decades"):
        assert _read(text) == "duration", text
    march_2019 = DateValue("March 2019", "2019-03", "month")
    assert _read("six months later", previous=march_2019) == ("2019-09", "month")


def test_later_and_the_following_day_count_from_the_date_before():
    april_14 = DateValue("April 14", "2024-04-14", "day")
    assert _read("the following day", previous=april_14) == ("2024-04-15", "day")
    assert _read("three weeks later", previous=april_14) == ("2024-05-05", "week")  # no day named
    june_2016 = DateValue("June 2016", "2016-06", "month")
    assert _read("a year earlier", previous=june_2016) == ("2015-06", "month")
    found = resolve("the following day", MAY_2, None)
    assert found.value is None and "earlier date" in found.unresolved


def test_without_a_document_date_relative_dates_stay_unresolved_and_say_so():
    for text in ("on March 3", "last October", "yesterday", "on Monday", "two years ago"):
        found = resolve(text, None)
        assert found.value is None and found.relative and "no date" in found.unresolved, text
    assert _read("in June 2016", anchor=None) == ("2016-06", "month")
    # Only a full day anchors: a document dated to the month does not say which "yesterday".
    assert anchor_of("2024-05") is None and anchor_of("2024-05-02") == MAY_2


def test_the_stage_reads_each_date_mention_in_order():
    text = "The brigade was formed in March 2019. Six months later it moved. It has grown for two years."
    spans = ["March 2019", "Six months later", "two years"]
    mentions = [Mention(text.index(s), text.index(s) + len(s), s, "DATE", "date", "mentions", "1")
                for s in spans]
    a = Analysis(document=Document(text=text, date="2024-05-02"), mentions=mentions)
    add_dates(a, [])
    assert [m.attrs.get("date", {}).get("value") for m in a.mentions] == ["2019-03", "2019-09", None]
    assert [(m.label, m.type) for m in a.mentions][2] == ("DURATION", "duration")
    assert a.mentions[1].attrs["date"]["approximate"] and a.mentions[1].attrs["date"]["relative"]


def test_a_weekday_dated_at_once_is_that_date():
    # A Friday report: "on Friday, 20 August" is the 20th, not the report's own Friday.
    text = "The attack began on Friday, 20 August. The talks ended on Friday."
    spans = [(text.index("Friday"), "Friday"), (text.index("20 August"), "20 August"),
             (text.rindex("Friday"), "Friday")]
    mentions = [Mention(i, i + len(s), s, "DATE", "date", "mentions", "1") for i, s in spans]
    a = Analysis(document=Document(text=text, date="2027-08-27"), mentions=mentions)
    add_dates(a, [])
    assert [m.attrs["date"]["value"] for m in a.mentions] == ["2027-08-20", "2027-08-20", "2027-08-27"]


def test_a_time_that_names_a_day_is_a_date():
    text = "The convoy was hit on Tuesday night. The talks ended at 9 pm."
    mentions = [Mention(text.index(s), text.index(s) + len(s), s, "TIME", "time", "mentions", "1")
                for s in ("Tuesday night", "9 pm")]
    a = Analysis(document=Document(text=text, date="2025-09-03"), mentions=mentions)
    add_dates(a, [])
    night, nine = a.mentions
    assert (night.label, night.attrs["date"]["value"]) == ("DATE", "2025-09-02")
    assert night.attrs["model_label"] == "TIME"
    assert nine.label == "TIME" and "date" not in nine.attrs  # an hour names no day


def test_dateparser_never_fills_a_missing_year_from_today():
    for text in ("29", "11/25", "the 29th of May"):
        found = resolve(text, None)
        assert found.value is None and found.unresolved, text
    assert resolve("29", MAY_2).value is None  # a number alone is no date
    assert _read("03/04/2019", anchor=None) == ("2019-03-04", "day")
