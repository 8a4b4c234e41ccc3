"""Reading an article's `published` value in the forms sites and feeds print, and its dateline's date."""

from __future__ import annotations

import datetime as dt
import email.utils
import re
from collections.abc import Mapping
from typing import Final
from zoneinfo import ZoneInfo

from dateutil import parser as dateutil_parser  # type: ignore[import-untyped]

from stream.ingest.dateline import DATELINE

__all__ = ["ZONES", "dateline_date", "parse_published"]


def _offset(hours: int, minutes: int = 0) -> dt.timezone:
    return dt.timezone(dt.timedelta(hours=hours, minutes=minutes))


# The abbreviations news sites print, one reading each. A bare region (ET, PT) follows daylight saving;
# EST/EDT name it. IST is India's (the most common in English-language news), CST the US Central.
ZONES: Final[Mapping[str, dt.tzinfo]] = {
    "UTC": dt.UTC, "UT": dt.UTC, "GMT": dt.UTC, "Z": dt.UTC,
    "EST": _offset(-5), "EDT": _offset(-4), "ET": ZoneInfo("America/New_York"),
    "CST": _offset(-6), "CDT": _offset(-5), "CT": ZoneInfo("America/Chicago"),
    "MST": _offset(-7), "MDT": _offset(-6), "MT": ZoneInfo("America/Denver"),
    "PST": _offset(-8), "PDT": _offset(-7), "PT": ZoneInfo("America/Los_Angeles"),
    "AKST": _offset(-9), "AKDT": _offset(-8), "HST": _offset(-10),
    "AST": _offset(-4), "ADT": _offset(-3), "NST": _offset(-3, -30), "NDT": _offset(-2, -30),
    "WET": _offset(0), "WEST": _offset(1), "BST": _offset(1), "IST": _offset(5, 30),
    "CET": _offset(1), "CEST": _offset(2), "MEZ": _offset(1), "MESZ": _offset(2),
    "EET": _offset(2), "EEST": _offset(3), "MSK": _offset(3), "SAST": _offset(2), "WAT": _offset(1),
    "CAT": _offset(2), "EAT": _offset(3), "GST": _offset(4), "PKT": _offset(5), "ICT": _offset(7),
    "WIB": _offset(7), "SGT": _offset(8), "HKT": _offset(8), "PHT": _offset(8), "AWST": _offset(8),
    "KST": _offset(9), "JST": _offset(9), "ACST": _offset(9, 30), "AEST": _offset(10),
    "AEDT": _offset(11), "NZST": _offset(12), "NZDT": _offset(13),
}  # fmt: skip

# Epoch values are told apart by magnitude; anything outside these (0-5, 11 digits, 10**20) is no date.
_SECONDS: Final = (100_000_000, 10_000_000_000)  # 1973-03-03 .. 2286-11-20
_MILLISECONDS: Final = (100_000_000_000, 10_000_000_000_000)
_LONGEST: Final = 100  # no printed date is longer; a longer value is not read at all

_NUMBER = re.compile(r"\A[+-]?\d+(?:\.\d+)?\Z")
_ISO_START = re.compile(r"\A\d{4}-")
# RFC 2822 with a zone email.utils knows (it silently reads any other name, "CET", as UTC).
_RFC_2822 = re.compile(
    r"\A(?:[A-Za-z]{3},?\s+)?\d{1,2}\s+[A-Za-z]{3}\s+\d{2,4}\s+\d{1,2}:\d{2}(?::\d{2})?\s+"
    r"(?:[+-]\d{4}|UTC?|GMT|Z|[ECMP][SD]T)(?:\s*\([^()]*\))?\Z"
)
_DOTTED_DATE = re.compile(r"\A\d{1,2}\.\d{1,2}\.\d{4}\b")  # "01.12.2026" is day first wherever printed
_LABEL = re.compile(
    r"\A(?:(?:last|first)\s+)?(?:updated|published|posted|modified|created)(?:\s+(?:on|at))?\s*[:\-–—|]?\s*",
    re.IGNORECASE,
)
_DOTTED_TIME = re.compile(r"(?<![\d.])(\d{1,2})\.(\d{2})(?![\d.])")  # "09.30 GMT" (British papers)
# Two defaults: a part the string does not give differs between the two parses.
_DEFAULTS: Final = (dt.datetime(2001, 1, 1), dt.datetime(2002, 2, 2))


def _zone(name: str | None, offset: int | None) -> dt.tzinfo | None:
    """dateutil's zone lookup: the table, else a printed offset; an unknown name leaves the time naive
    (never the machine's local zone, never a warning)."""
    if name is not None and name.upper() in ZONES:
        return ZONES[name.upper()]
    if offset is not None:
        return dt.timezone(dt.timedelta(seconds=offset))
    return None


def _from_epoch(number: float) -> dt.datetime | None:
    if _SECONDS[0] <= number < _SECONDS[1]:
        return dt.datetime.fromtimestamp(number, dt.UTC)
    if _MILLISECONDS[0] <= number < _MILLISECONDS[1]:
        return dt.datetime.fromtimestamp(number / 1000, dt.UTC)
    return None


def _from_digits(text: str) -> dt.date | None:
    if len(text) == 8 and text.isdigit():  # YYYYMMDD, never epoch seconds (those are 9-10 digits)
        return _date(int(text[:4]), int(text[4:6]), int(text[6:]))
    return _from_epoch(float(text))


def _written(text: str) -> dt.datetime | None:
    """A date as a page prints it; None unless it gives day, month and year."""
    text = _DOTTED_TIME.sub(r"\1:\2", _LABEL.sub("", text))
    dayfirst = _DOTTED_DATE.match(text) is not None
    parsed: list[dt.datetime] = []
    for default in _DEFAULTS:
        try:
            parsed.append(dateutil_parser.parse(text, default=default, dayfirst=dayfirst, tzinfos=_zone))
        except (ValueError, OverflowError):  # dateutil's ParserError is a ValueError
            return None
    first, second = parsed
    return first if first.date() == second.date() else None


def parse_published(value: object) -> dt.date | None:
    """The publication date or time `value` states (a datetime, aware when its zone is known, when it
    has a time), or None when it states none in the accepted forms."""
    if isinstance(value, bool) or not isinstance(value, int | float | str):
        return None
    if isinstance(value, float):
        return _from_epoch(value)
    if isinstance(value, int):
        return _from_digits(str(value))
    text = value.strip()
    if not text or len(text) > _LONGEST:
        return None
    if _NUMBER.match(text):
        return _from_digits(text)
    if _ISO_START.match(text):
        try:
            return dt.datetime.fromisoformat(text)
        except ValueError:
            pass  # "2026-12-01 09:30 JST", or invalid: the general parser decides
    if _RFC_2822.match(text):
        try:
            return email.utils.parsedate_to_datetime(text)
        except ValueError:
            return None
    return _written(text)


_MONTHS: Final = ("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec")
_WEEK: Final = dt.timedelta(days=7)
_DATELINE_DAY = re.compile(
    r"\b(?P<month>jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?"
    r"|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?\s+(?P<day>\d{1,2})\b",
    re.IGNORECASE,
)


def dateline_date(text: str, near: dt.date) -> dt.date | None:
    """The filing date of a wire dateline ("JAKARTA, June 18 (Reuters) -"): of the years, the latest date
    at most a week after `near` (the record's or the file's date: a story is filed before it is sent)."""
    dateline = DATELINE.match(text)
    found = _DATELINE_DAY.search(text, 0, dateline.end()) if dateline else None
    if found is None:
        return None
    month = _MONTHS.index(found.group("month")[:3].lower()) + 1
    day = int(found.group("day"))
    latest = min(near, dt.date.max - _WEEK) + _WEEK
    candidates = [_date(year, month, day) for year in (latest.year - 1, latest.year)]
    return max((c for c in candidates if c is not None and c <= latest), default=None)


def _date(year: int, month: int, day: int) -> dt.date | None:
    try:
        return dt.date(year, month, day)
    except ValueError:  # 30 February, or past the calendar's ends
        return None
