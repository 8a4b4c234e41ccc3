"""Event dates resolved from the publication date and what the sentence says."""

from __future__ import annotations

import datetime as dt

import pytest

from stream.extract.dates import date_expressions, nearest_date

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
