"""Resolving an event's calendar date from the sentence and the article's publication date."""

from __future__ import annotations

import datetime as dt
import re
from typing import Final

from stream.extract.text import WordStartScan
from stream.ingest.dateline import DATELINE

__all__ = ["date_expressions", "nearest_date"]

_MONTHS: Final = {
    name: i
    for i, names in enumerate(
        (
            ("january", "jan"), ("february", "feb"), ("march", "mar"), ("april", "apr"), ("may",),
            ("june", "jun"), ("july", "jul"), ("august", "aug"), ("september", "sep", "sept"),
            ("october", "oct"), ("november", "nov"), ("december", "dec"),
        ),
        start=1,
    )
    for name in names
}  # fmt: skip
# "two days ago", "a week ago".
_COUNTS: Final = {"a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
                  "eight": 8, "nine": 9, "ten": 10}  # fmt: skip
_WEEKDAYS: Final = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
_MONTH_RE = "|".join(sorted(_MONTHS, key=len, reverse=True))
# Every alternative starts with a letter or digit, at a word start.
_EXPR = WordStartScan(
    rf"(?:(?P<month>{_MONTH_RE})\.? (?P<day>\d{{1,2}})(?:st|nd|rd|th)?(?:,? (?P<year>\d{{4}}))?"
    rf"|(?P<day2>\d{{1,2}})(?:st|nd|rd|th)? (?:of )?(?P<month2>{_MONTH_RE})\.?(?: (?P<year2>\d{{4}}))?"
    rf"|(?P<rel>(?:this|last|next|on|past) )?(?P<weekday>{'|'.join(_WEEKDAYS)})(?: \((?P<dom>\d{{1,2}})\))?"
    rf"|(?P<count>\d{{1,2}}|{'|'.join(sorted(_COUNTS, key=len, reverse=True))}) (?P<unit>days?|weeks?) ago"
    r"|(?P<word>the day before yesterday|yesterday|today|tonight|tomorrow|last week|last month"
    r"|earlier this week))\b"
)


# Every match holds one of these ("day": the weekdays, "today", "yesterday"), or a digit and a month's
# first three letters: a sentence with none of them needs no scan (most have none).
_CUES: Final = ("day", "ago", "tonight", "tomorrow", "last week", "last month", "this week")
_MONTH_CUES: Final = tuple(sorted({name[:3] for name in _MONTHS}))
_DIGIT: Final = re.compile(r"\d")


def _may_state_a_date(lowered: str) -> bool:
    for cue in _CUES:  # loops, not any(): this runs for every sentence with an event
        if cue in lowered:
            return True
    if _DIGIT.search(lowered) is None:
        return False
    return any(cue in lowered for cue in _MONTH_CUES)


_FIRST_DAY: Final = dt.date.min.toordinal()
_LAST_DAY: Final = dt.date.max.toordinal()


def _shifted(day: dt.date, days: int) -> dt.date:
    """`day` moved by `days`, clamped to the calendar's range: "tomorrow" in an article of 9999-12-31 is
    9999-12-31, not an OverflowError."""
    return dt.date.fromordinal(min(max(day.toordinal() + days, _FIRST_DAY), _LAST_DAY))


def _safe_date(year: int, month: int, day: int) -> dt.date | None:
    try:
        return dt.date(year, month, day)
    except ValueError:
        return None


def _explicit(year: int | None, month: int, day: int, published: dt.date) -> dt.date | None:
    if year is not None:
        return _safe_date(year, month, day)
    candidate = _safe_date(published.year, month, day)
    # A month-day later than publication most likely refers to the previous year's date.
    if candidate is not None and candidate > _shifted(published, 7):
        candidate = _safe_date(published.year - 1, month, day)
    return candidate


def _weekday(name: str, rel: str | None, published: dt.date) -> dt.date:
    target = _WEEKDAYS.index(name)
    back = (published.weekday() - target) % 7
    if rel == "next ":
        return _shifted(published, (target - published.weekday()) % 7 or 7)
    if rel == "last " and back == 0:
        back = 7
    return _shifted(published, -back)


_WORDS: Final = {
    "the day before yesterday": -2,
    "yesterday": -1,
    "today": 0,
    "tonight": 0,
    "tomorrow": 1,
    "last week": -7,
    "last month": -30,
    "earlier this week": -2,
}


def date_expressions(
    sentence: str, published: dt.date, story_start: int | None = None
) -> list[tuple[int, dt.date]]:
    """The dates a sentence states, by offset, resolved against the publication date; from
    `story_start` on (after a dateline: read from the sentence when not given)."""
    found: list[tuple[int, dt.date]] = []
    # A dateline's date is when the story was filed, not when its events happened.
    lowered = sentence.lower()
    if not _may_state_a_date(lowered):
        return found
    if story_start is None:
        dateline = DATELINE.match(sentence)
        story_start = dateline.end() if dateline else 0
    for match in _EXPR.finditer(lowered, story_start):
        groups = match.groupdict()
        resolved: dt.date | None
        if groups["month"]:
            year = int(groups["year"]) if groups["year"] else None
            resolved = _explicit(year, _MONTHS[groups["month"]], int(groups["day"]), published)
        elif groups["month2"]:
            year = int(groups["year2"]) if groups["year2"] else None
            resolved = _explicit(year, _MONTHS[groups["month2"]], int(groups["day2"]), published)
        elif groups["weekday"]:
            resolved = _weekday(groups["weekday"], groups["rel"], published)
            dom = groups["dom"]
            if dom and resolved.day != int(dom):  # "Monday (28)" pins the day of month
                resolved = _safe_date(published.year, published.month, int(dom)) or resolved
        elif groups["count"]:
            count = int(groups["count"]) if groups["count"].isdigit() else _COUNTS[groups["count"]]
            resolved = _shifted(published, -count * (7 if groups["unit"].startswith("week") else 1))
        else:
            resolved = _shifted(published, _WORDS[groups["word"]])
        if resolved is not None:
            found.append((match.start(1), resolved))
    return found


def nearest_date(expressions: list[tuple[int, dt.date]], published: dt.date, anchor: int) -> dt.date:
    """Date of the expression nearest to `anchor` (the trigger offset; the first wins ties), else the
    publication date."""
    if not expressions:
        return published
    return min(expressions, key=lambda found: abs(found[0] - anchor))[1]
