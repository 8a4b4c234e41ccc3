"""Raw message parsing: both accepted forms, every rejection reason, and no crash on any bytes."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given
from hypothesis import strategies as st

from stream.ingest.raw import ParseFailure, parse_raw
from stream.records.models import Article


def test_seed_form_gives_date_and_text(seed_bytes: bytes) -> None:
    article = parse_raw(seed_bytes)
    assert isinstance(article, Article)
    assert article.published == dt.date(2022, 2, 28)
    assert article.text.startswith("Entourages from Ukraine and Russia meet")
    assert article.article_id == article.content_hash


def test_json_form_keeps_given_id_and_reads_body() -> None:
    raw = (
        b'{"id": 42, "url": "https://x.test/a", "source": "X",'
        b' "published": "2022-02-28T10:00:00Z", "body": "Talks."}'
    )
    article = parse_raw(raw)
    assert isinstance(article, Article)
    assert article.article_id == "42"
    assert article.published == dt.date(2022, 2, 28)
    assert article.text == "Talks."
    assert article.url == "https://x.test/a"


def test_text_field_preferred_over_body() -> None:
    article = parse_raw(b'{"text": "From text.", "body": "From body."}')
    assert isinstance(article, Article) and article.text == "From text."


def test_windows_1252_bytes_are_decoded() -> None:
    article = parse_raw("date 2022-02-28 Zelensky\u2019s office said.".encode("cp1252"))
    assert isinstance(article, Article)
    assert "Zelensky\u2019s" in article.text


def test_same_text_in_both_forms_has_same_article_id() -> None:
    seed = parse_raw(b"date 2022-02-28 Russia and Ukraine held talks.")
    as_json = parse_raw(b'{"published": "2022-02-28", "text": "Russia and Ukraine  held talks."}')
    assert isinstance(seed, Article) and isinstance(as_json, Article)
    assert seed.article_id == as_json.article_id


@pytest.mark.parametrize(
    ("raw", "reason"),
    [
        (b"", "empty_message"),
        (b"   \n", "empty_message"),
        (b"\x00\x01\x02\x03garbage\x00\x00\x00\x00", "binary_content"),
        (b"\x81\x8d\x8f\x90\x9d", "undecodable"),
        (b"just some words", "unrecognized_format"),
        (b"{not json", "invalid_json"),
        (b"[1, 2, 3]", "json_not_object"),
        (b'{"title": "no text"}', "missing_text"),
        (b'{"text": "   "}', "missing_text"),
        (b"date yesterday text", "unrecognized_format"),  # a seed header's date starts with a digit
        (b"date 2022-02-28 " + b"a" * 1_100_000, "too_large"),
    ],
)
def test_rejections_carry_a_stable_reason(raw: bytes, reason: str) -> None:
    result = parse_raw(raw)
    assert isinstance(result, ParseFailure)
    assert result.reason == reason
    assert result.detail


@given(st.binary(max_size=2000))
def test_any_bytes_give_an_article_or_a_reason(data: bytes) -> None:
    result = parse_raw(data)
    assert isinstance(result, (Article, ParseFailure))


@pytest.mark.parametrize("scalar", [b"true", b"false", b"null", b"5", b"-5", b"-1.5e3", b"0", b'"text"'])
def test_every_json_scalar_is_json_not_object(scalar: bytes) -> None:
    result = parse_raw(scalar)
    assert isinstance(result, ParseFailure)
    assert result.reason == "json_not_object", result
    assert "not an object" in result.detail


@pytest.mark.parametrize(
    "raw",
    [
        b'{"text": "Talks.", "published": "not a date"}',
        b'{"text": "Talks.", "published": {"date": "2022-02-28"}}',
        b'{"text": "Talks.", "published": [2022, 2, 28]}',
        b"date 2022-13-40 Talks.",
    ],
)
def test_an_unreadable_date_keeps_the_article_and_the_value(raw: bytes) -> None:
    article = parse_raw(raw)
    assert isinstance(article, Article)
    assert article.text == "Talks."
    assert article.published is not None and article.date_source == "ingest_time"
    assert article.published_unread is not None and article.published_unread[:1] in "n{[2"
