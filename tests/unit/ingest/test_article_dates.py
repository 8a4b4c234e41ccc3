"""An article's date: its `published`, else its dateline's, else the record's or file's time; never lost."""

from __future__ import annotations

import datetime as dt

import orjson
import pytest

from stream.ingest.raw import FallbackDate, fallback_date, parse_raw
from stream.records.models import Article, SourceRef

# 23:30 UTC on Tuesday 1 December 2026: the record's day is the UTC day.
STAMP_MS = int(dt.datetime(2026, 12, 1, 23, 30, tzinfo=dt.UTC).timestamp() * 1000)
ORIGIN = SourceRef(topic="news.raw", partition=0, offset=7, timestamp_ms=STAMP_MS)


def _article(fields: dict[str, object], origin: SourceRef | None = ORIGIN, **kw: FallbackDate) -> Article:
    article = parse_raw(orjson.dumps({"text": "Indonesia rejected a proposal.", **fields}), origin, **kw)
    assert isinstance(article, Article), article
    return article


def test_a_readable_published_dates_the_article_in_its_own_zone() -> None:
    # 21:43 in New York is already 2 December in UTC: the page's own day is the one its "Monday" counts from.
    article = _article({"published": "9:43 PM EST, Dec 1, 2026"})
    assert (article.published, article.date_source, article.published_unread) == (
        dt.date(2026, 12, 1),
        "published",
        None,
    )


@pytest.mark.parametrize("fields", [{}, {"published": None}, {"published": ""}, {"published": "  "}])
def test_a_missing_published_takes_the_records_timestamp(fields: dict[str, object]) -> None:
    article = _article(fields)
    assert (article.published, article.date_source, article.published_unread) == (
        dt.date(2026, 12, 1),
        "record_timestamp",
        None,
    )


@pytest.mark.parametrize(
    ("value", "kept"),
    [
        ("sometime last week", "sometime last week"),
        (0, "0"),  # epoch 0 is no date, not 1 January 1970
        (-5, "-5"),
        (True, "true"),
        ({"date": "yesterday"}, '{"date":"yesterday"}'),
        ("x" * 300, "x" * 100),
    ],
)
def test_an_unreadable_published_takes_the_records_timestamp_and_is_kept(value: object, kept: str) -> None:
    article = _article({"published": value})
    assert (article.published, article.date_source) == (dt.date(2026, 12, 1), "record_timestamp")
    assert article.published_unread == kept


def test_a_given_fallback_stands_in_for_the_record() -> None:
    offline = FallbackDate(dt.date(2026, 11, 3), "file")
    article = _article({"published": "n/a"}, None, fallback=offline)
    assert (article.published, article.date_source) == (dt.date(2026, 11, 3), "file")


@pytest.mark.parametrize("stamp", [None, -1, 0, 10**18])
def test_without_a_usable_record_timestamp_the_ingest_day_stands_in(stamp: int | None) -> None:
    before = dt.datetime.now(dt.UTC).date()
    article = _article({}, ORIGIN.model_copy(update={"timestamp_ms": stamp}))
    assert article.date_source == "ingest_time"
    assert article.published is not None
    assert before <= article.published <= dt.datetime.now(dt.UTC).date()
    assert fallback_date(None).source == "ingest_time"


def test_a_dateline_dates_an_article_without_published() -> None:
    text = "JAKARTA, Nov 27 (Reuters) - Indonesia rejected a proposal by Australia on Friday."
    article = _article({"text": text})
    assert (article.published, article.date_source) == (dt.date(2026, 11, 27), "dateline")
    with_published = _article({"text": text, "published": "2026-11-28"})
    assert (with_published.published, with_published.date_source) == (dt.date(2026, 11, 28), "published")


@pytest.mark.parametrize(
    ("raw", "day", "source"),
    [
        (b"date 2026-12-01 Talks.", dt.date(2026, 12, 1), "published"),
        (b"date 20261201\nTalks.", dt.date(2026, 12, 1), "published"),
        (b"date 2026-12-01T09:30:00Z Talks.", dt.date(2026, 12, 1), "published"),
        (b"date 2026-13-40 Talks.", dt.date(2026, 12, 1), "record_timestamp"),
    ],
)
def test_the_plain_text_forms_date_header_is_read_the_same_way(raw: bytes, day: dt.date, source: str) -> None:
    article = parse_raw(raw, ORIGIN)
    assert isinstance(article, Article)
    assert (article.published, article.date_source, article.text) == (day, source, "Talks.")
