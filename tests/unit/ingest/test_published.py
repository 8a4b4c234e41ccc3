"""`published` values in the forms feeds, APIs and article pages print are read to the right date and zone."""

from __future__ import annotations

import datetime as dt

import pytest

from stream.ingest.published import dateline_date, parse_published

DAY = dt.date(2026, 12, 1)  # a Tuesday

# (value, UTC offset in minutes, or None when the value names no zone). Every one is Tuesday 1 Dec 2026.
FORMS: list[tuple[object, int | None]] = [
    # ISO 8601 / RFC 3339: Atom's <published>, schema.org's datePublished, most JSON APIs.
    ("2026-12-01T09:30:00Z", 0),
    ("2026-12-01T09:30:00.000Z", 0),
    ("2026-12-01T09:30:00+00:00", 0),
    ("2026-12-01T04:30:00-05:00", -300),
    ("2026-12-01T18:30:00+09:00", 540),
    ("2026-12-01T15:00:00.123456+05:30", 330),
    ("2026-12-01T10:30:00+0100", 60),  # offset without a colon (strftime's %z)
    ("20261201T093000Z", 0),  # ISO 8601 basic format
    ("2026-12-01 09:30:00", None),
    ("2026-12-01T09:30", None),
    ("2026-12-01", None),
    ("  2026-12-01\n", None),
    # RFC 2822 / RFC 822: RSS 2.0's <pubDate>, e-mail and HTTP dates.
    ("Tue, 01 Dec 2026 09:30:00 +0000", 0),
    ("Tue, 01 Dec 2026 04:30:00 EST", -300),
    ("Tue, 01 Dec 2026 05:30:00 EDT", -240),
    ("Tue, 01 Dec 2026 09:30:00 GMT", 0),
    ("Tue, 1 Dec 2026 04:30:00 -0500", -300),
    ("01 Dec 2026 10:30:00 +0100", 60),
    ("Tue, 01 Dec 2026 01:30 PST", -480),
    ("Tue, 01 Dec 2026 09:30:00 UT", 0),
    ("Tue, 01 Dec 2026 09:30:00 +0000 (UTC)", 0),
    ("Tue, 01 Dec 26 09:30:00 +0000", 0),  # RFC 822's two-digit year
    ("Tue, 01 Dec 2026 10:30:00 CET", 60),  # a zone RFC 2822 does not name: not read as UTC
    # Epoch numbers: Unix seconds (Hacker News' API "time") and JavaScript's milliseconds (Date.now()).
    (1796117400, 0),
    (1796117400.25, 0),
    ("1796117400", 0),
    (1796117400000, 0),
    ("1796117400000", 0),
    # Compact and slashed dates: GDELT's SQLDATE, URL paths (/2026/12/01/).
    ("20261201", None),
    (20261201, None),
    ("2026/12/01", None),
    ("2026/12/01 09:30", None),
    ("01.12.2026", None),  # dotted dates are day first
    # Written dates, as article pages print them, date only.
    ("December 1, 2026", None),  # US style
    ("Dec 1, 2026", None),
    ("Dec. 1, 2026", None),  # AP style
    ("December 1st, 2026", None),
    ("1 Dec 2026", None),  # British style
    ("1 December 2026", None),
    ("Tuesday, December 1, 2026", None),
    ("Tue December 1, 2026", None),
    ("Tuesday 1 December 2026", None),
    # Written dates with a time and a zone abbreviation, in the orders sites use.
    ("7:58 AM ET, Tue December 1, 2026", -300),
    ("Updated 7:58 AM ET, Tue December 1, 2026", -300),
    ("Published: 1 December 2026 09:30 UTC", 0),
    ("December 1, 2026 8:31:19 EST PM", -300),  # zone before the meridiem
    ("December 1, 2026 8:31:19 PM EST", -300),
    ("9:43 PM, Dec 1, 2026", None),
    ("Dec 1, 2026 9:43 AM PT", -480),
    ("December 1, 2026 9:30 AM CT", -360),
    ("December 1, 2026 at 9:30 a.m. EST", -300),
    ("Tue 1 Dec 2026 09.30 GMT", 0),  # British papers' dotted time
    ("1 December 2026, 10:30 CET", 60),
    ("1 Dec 2026 11:30 CEST", 120),
    ("1 Dec 2026 10:30 BST", 60),
    ("Dec 1, 2026, 3:00 PM IST", 330),  # India Standard Time
    ("2026-12-01 18:30 JST", 540),
    ("1 Dec 2026 09:30 GMT", 0),
]


@pytest.mark.parametrize(("value", "offset"), FORMS, ids=[str(v) for v, _ in FORMS])
def test_every_form_is_dated_tuesday_1_december_2026(value: object, offset: int | None) -> None:
    read = parse_published(value)
    assert read is not None
    assert (read.date() if isinstance(read, dt.datetime) else read) == DAY
    zone = read.utcoffset() if isinstance(read, dt.datetime) else None
    assert (None if zone is None else zone.total_seconds() / 60) == offset


def test_a_written_time_is_kept_with_its_zone() -> None:
    assert parse_published("December 1, 2026 8:31:19 EST PM") == dt.datetime(
        2026, 12, 1, 20, 31, 19, tzinfo=dt.timezone(dt.timedelta(hours=-5))
    )
    rss = parse_published("Tue, 01 Dec 2026 09:30:00 +0000")
    assert rss == dt.datetime(2026, 12, 1, 9, 30, tzinfo=dt.UTC)


def test_bare_region_zones_follow_daylight_saving() -> None:
    summer = parse_published("7:58 AM ET, Sat July 4, 2026")
    winter = parse_published("7:58 AM ET, Sat January 3, 2015")
    assert isinstance(summer, dt.datetime) and isinstance(winter, dt.datetime)
    assert summer.utcoffset() == dt.timedelta(hours=-4)
    assert winter.utcoffset() == dt.timedelta(hours=-5)
    assert winter.date() == dt.date(2015, 1, 3)


def test_an_unknown_zone_abbreviation_keeps_the_date_without_a_zone_or_warning() -> None:
    # dateutil warns (UnknownTimezoneWarning) and drops such a name; warnings are errors in this suite.
    read = parse_published("1 Dec 2026 09:30 XYZT")
    assert isinstance(read, dt.datetime) and read.tzinfo is None and read.date() == DAY


def test_a_zone_named_like_the_machines_is_not_read_as_local_time() -> None:
    # dateutil gives a name found in time.tzname the machine's zone; the table decides instead.
    read = parse_published("Tue 1 Dec 2026 09:30 UTC")
    assert isinstance(read, dt.datetime) and read.utcoffset() == dt.timedelta(0)


@pytest.mark.parametrize(
    "value",
    [
        None, True, False, [], {}, {"date": "2026-12-01"}, "", "   ",
        0, 5, -1, "0", "5", "-5", -1796117400,  # nonsense epoch values are no date, not 1970
        99_999_999, 99_999_999_999, "99999999999", 10**20, 1e300,  # between or beyond the magnitudes
        "12345678", "20261301", "00000000",  # 8 digits that are no calendar date
        "not a date", "yesterday", "Tuesday", "2026", "December 2026", "Dec 1", "12:30 PM",
        "2026-13-01", "31 Feb 2026", "Tue, 31 Feb 2026 09:30:00 +0000", "2026-12-01" + "x" * 200,
    ],
)  # fmt: skip
def test_values_that_state_no_date_are_none(value: object) -> None:
    assert parse_published(value) is None


def test_epoch_magnitudes_are_told_apart() -> None:
    assert parse_published(1_000_000_000) == dt.datetime(2001, 9, 9, 1, 46, 40, tzinfo=dt.UTC)
    assert parse_published(1_000_000_000_000) == dt.datetime(2001, 9, 9, 1, 46, 40, tzinfo=dt.UTC)
    assert parse_published(100_000_000) == dt.datetime(1973, 3, 3, 9, 46, 40, tzinfo=dt.UTC)


@pytest.mark.parametrize(
    ("text", "near", "filed"),
    [
        ("JAKARTA, June 18 (Reuters) - Indonesia rejected", dt.date(2026, 6, 19), dt.date(2026, 6, 18)),
        ("KYIV, Feb 28 (AP) — Talks began", dt.date(2022, 3, 1), dt.date(2022, 2, 28)),
        ("WASHINGTON, Dec. 31 (Reuters) - The", dt.date(2027, 1, 2), dt.date(2026, 12, 31)),
        ("MANILA, January 3 (AFP) - The", dt.date(2026, 12, 30), dt.date(2027, 1, 3)),  # sent early
        ("LONDON, March 1 (Reuters) - The", dt.date(2026, 12, 1), dt.date(2026, 3, 1)),
    ],
)
def test_a_dateline_gives_its_filing_date(text: str, near: dt.date, filed: dt.date) -> None:
    assert dateline_date(text, near) == filed


@pytest.mark.parametrize(
    "text",
    [
        "MOSCOW (Reuters) - Russia said",  # a dateline with no date
        "Russia said on June 18 that",  # a date, but no dateline
        "KYIV, Feb 30 (AP) - Talks",  # no such day
    ],
)
def test_no_dateline_date_is_none(text: str) -> None:
    assert dateline_date(text, dt.date(2026, 12, 1)) is None


def test_a_dateline_date_at_the_calendars_ends_does_not_overflow() -> None:
    assert dateline_date("KYIV, Dec 31 (AP) - x", dt.date(9999, 12, 30)) == dt.date(9999, 12, 31)
    assert dateline_date("KYIV, Dec 31 (AP) - x", dt.date(1, 1, 2)) is None
