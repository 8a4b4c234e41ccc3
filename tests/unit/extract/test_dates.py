"""Event dates resolved from the publication date and what the sentence says."""

from __future__ import annotations

import datetime as dt

import pytest

from stream.bench.extract import generate_articles
from stream.extract.coder import code_article
from stream.extract.dates import _EXPR, _may_state_a_date, date_expressions, nearest_date
from stream.extract.text import normalize, split_sentences

PUBLISHED = dt.date(2024, 3, 6)  # a Wednesday


@pytest.mark.parametrize(
    ("phrase", "expected"),
    [
        ("on Monday", dt.date(2024, 3, 4)),
        ("this Monday (4)", dt.date(2024, 3, 4)),
        ("on Wednesday", dt.date(2024, 3, 6)),
        ("last Friday", dt.date(2024, 3, 1)),
        ("next Monday", dt.date(2024, 3, 11)),
        ("yesterday", dt.date(2024, 3, 5)),
        ("the day before yesterday", dt.date(2024, 3, 4)),
        ("today", dt.date(2024, 3, 6)),
        ("last week", dt.date(2024, 2, 28)),
        ("two days ago", dt.date(2024, 3, 4)),
        ("3 days ago", dt.date(2024, 3, 3)),
        ("a week ago", dt.date(2024, 2, 28)),
        ("on February 24th", dt.date(2024, 2, 24)),
        ("on Feb. 24", dt.date(2024, 2, 24)),
        ("on 24 February", dt.date(2024, 2, 24)),
        ("on March 3, 2023", dt.date(2023, 3, 3)),
        ("on December 28", dt.date(2023, 12, 28)),  # later than publication: last year's
    ],
)
def test_date_phrase_resolves_against_the_publication_date(phrase: str, expected: dt.date) -> None:
    found = date_expressions(f"Russia attacked Ukraine {phrase}.", PUBLISHED)
    assert [date for _, date in found] == [expected]


def test_words_that_only_look_like_dates_give_none() -> None:
    assert date_expressions("A Mayday call came an hour ago from the Marchfeld ferry.", PUBLISHED) == []


def test_nearest_stated_date_to_the_trigger_wins_and_none_gives_publication() -> None:
    sentence = "After talks on Monday, Russia attacked Ukraine yesterday."
    found = date_expressions(sentence, PUBLISHED)
    assert nearest_date(found, PUBLISHED, sentence.index("attacked")) == dt.date(2024, 3, 5)
    assert nearest_date([], PUBLISHED, 0) == PUBLISHED


# Every relative phrase the resolver knows, stepping back or forward from the publication date.
_RELATIVE_PHRASES = [
    "yesterday",
    "the day before yesterday",
    "today",
    "tonight",
    "tomorrow",
    "last week",
    "last month",
    "earlier this week",
    "two days ago",
    "10 weeks ago",
    "a week ago",
    "on Monday",
    "last Sunday",
    "next Monday",
    "next Sunday",
    "this Friday (29)",
    "on January 2",
]


@pytest.mark.parametrize("published", [dt.date.min, dt.date.max], ids=["0001-01-01", "9999-12-31"])
@pytest.mark.parametrize("phrase", _RELATIVE_PHRASES)
def test_a_date_at_either_end_of_the_calendar_resolves_inside_it(phrase: str, published: dt.date) -> None:
    # No OverflowError; the phrase is still read, as a day of the same year or the one next to it.
    found = date_expressions(f"Russia attacked Ukraine {phrase}.", published)
    assert len(found) == 1
    assert abs((found[0][1] - published).days) <= 366


@pytest.mark.parametrize(
    ("published", "phrase", "expected"),
    [
        (dt.date.max, "tomorrow", dt.date.max),
        (dt.date.max, "next Monday", dt.date.max),  # 9999-12-31 is a Friday: next Monday would be 10000
        (dt.date.max, "yesterday", dt.date(9999, 12, 30)),
        (dt.date.min, "yesterday", dt.date.min),
        (dt.date.min, "the day before yesterday", dt.date.min),
        (dt.date.min, "10 weeks ago", dt.date.min),
        (dt.date.min, "last Monday", dt.date.min),  # 0001-01-01 is a Monday: a week before it is year 0
        (dt.date(1, 1, 2), "the day before yesterday", dt.date.min),
        (dt.date.min, "tomorrow", dt.date(1, 1, 2)),
    ],
    ids=lambda value: value.isoformat() if isinstance(value, dt.date) else None,
)
def test_a_relative_date_past_the_calendar_stops_at_its_first_or_last_day(
    published: dt.date, phrase: str, expected: dt.date
) -> None:
    found = date_expressions(f"Russia attacked Ukraine {phrase}.", published)
    assert [date for _, date in found] == [expected]


def test_an_undated_month_day_in_the_first_year_that_would_be_last_years_gives_no_date() -> None:
    # "on March 3" in an article of 1 January of year 1 would be 3 March of year 0, which does not exist.
    assert date_expressions("Russia attacked Ukraine on March 3.", dt.date.min) == []


@pytest.mark.parametrize(
    ("published", "sentence", "expected"),
    [
        (dt.date.max, "Russian troops attacked Ukraine tomorrow.", dt.date.max),
        (dt.date.min, "Russian troops attacked Ukraine yesterday.", dt.date.min),
    ],
    ids=["tomorrow-9999-12-31", "yesterday-0001-01-01"],
)
def test_the_coder_dates_an_event_at_the_end_of_the_calendar_without_crashing(
    published: dt.date, sentence: str, expected: dt.date
) -> None:
    events = code_article("calendar-end", sentence, published)
    assert [(e.event_type, e.event_date) for e in events] == [("ASSAULT", expected)]


def test_sentences_without_a_date_cue_are_those_the_full_scan_finds_no_date_in() -> None:
    texts = generate_articles(300, seed=5)
    skipped = dated = 0
    for sentence in (s.text for text in texts for s in split_sentences(normalize(text))):
        lowered = sentence.lower()
        if not _may_state_a_date(lowered):
            assert _EXPR.finditer(lowered) == [], sentence
            skipped += 1
        dated += bool(date_expressions(sentence, PUBLISHED))
    assert skipped > 1000 and dated > 100  # both outcomes are reached
