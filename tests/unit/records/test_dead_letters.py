"""Dead letters and articles always fit one record: values capped with their size and hash, texts cut."""

from __future__ import annotations

import base64
import hashlib

import orjson
import pytest

from stream.config.settings import DEAD_LETTER_ENVELOPE_BYTES, Settings, TopicNames
from stream.ingest.stage import ingest
from stream.records.models import Article, DeadLetter, SourceRef
from stream.records.outbound import KEY_KEPT_BYTES, Outbound, dead_letter, fit_article, record_size

TOPICS = TopicNames()
ORIGIN = SourceRef(topic="news.raw", partition=3, offset=41, timestamp_ms=1)
LIMIT = Settings().producer_max_request_bytes


def test_a_dead_letter_of_an_input_over_the_request_size_fits_and_says_how_to_get_it_whole() -> None:
    value = orjson.dumps({"id": "oversize-1", "text": "Kenya met Somalia. " * 60_000})  # 1.14 MB
    out = dead_letter(TOPICS, "too_large", "too large", ORIGIN, b"key", value, max_value_bytes=262_144)
    assert record_size(out) < LIMIT  # the whole value in base64 alone would be 1.52 MB
    letter = DeadLetter.model_validate_json(out.value)
    kept = base64.b64decode(letter.value_b64)
    assert kept == value[:262_144]
    assert (letter.value_bytes, letter.value_kept_bytes, letter.value_truncated) == (
        len(value),
        262_144,
        True,
    )
    assert letter.value_sha256 == hashlib.sha256(value).hexdigest()
    assert letter.origin == ORIGIN  # the way back to the whole record
    assert out.key == b"news.raw/3/41"


def test_a_small_input_is_kept_whole_in_its_dead_letter() -> None:
    out = dead_letter(TOPICS, "invalid_json", "bad", ORIGIN, None, b"{nope")
    letter = DeadLetter.model_validate_json(out.value)
    assert base64.b64decode(letter.value_b64) == b"{nope"
    assert (letter.value_truncated, letter.value_bytes, letter.key_b64, letter.key_bytes) == (
        False,
        5,
        None,
        None,
    )


def test_a_huge_key_is_cut_too() -> None:
    key = b"k" * 900_000
    out = dead_letter(TOPICS, "invalid_json", "bad", ORIGIN, key, b"{", max_value_bytes=0)
    letter = DeadLetter.model_validate_json(out.value)
    assert base64.b64decode(letter.key_b64 or "") == key[:KEY_KEPT_BYTES]
    assert (letter.key_bytes, letter.key_truncated) == (900_000, True)
    assert record_size(out) < DEAD_LETTER_ENVELOPE_BYTES


def test_the_envelope_stays_within_its_room_with_the_longest_detail_and_an_escaped_preview() -> None:
    value = b"\x01" * 1000  # every preview character JSON-escaped to six bytes
    out = dead_letter(TOPICS, "binary_content", '"\\' * 5000, ORIGIN, b"k" * 5000, value, max_value_bytes=0)
    assert record_size(out) < DEAD_LETTER_ENVELOPE_BYTES


def _article_out(text: str) -> Outbound:
    out = ingest(TOPICS, orjson.dumps({"id": "big-1", "published": "2026-12-01", "text": text}), None, ORIGIN)
    assert out.topic == TOPICS.articles
    return out


@pytest.mark.parametrize(
    "sentence",
    [
        "Kenya met Somalia in Nairobi. ",
        "Die Präsidentin traf Herrn Müller in Zürich. ",
        'He said "no" \\ \t then. ',
    ],
    ids=["ascii", "two-byte-characters", "escaped-characters"],
)
def test_an_article_over_the_limit_is_cut_to_fit_and_flagged_with_its_whole_size(sentence: str) -> None:
    # A raw record just under the 1 MiB input limit: its article record is over the 1,000,000 limit.
    out = _article_out(sentence * (1_040_000 // (len(orjson.dumps(sentence)) - 2)))
    whole = Article.model_validate_json(out.value)
    assert record_size(out) > LIMIT
    fitted = fit_article(out, LIMIT)
    assert record_size(fitted) <= LIMIT
    cut = Article.model_validate_json(fitted.value)
    assert cut.truncated_from_bytes == len(whole.text.encode())
    assert whole.text.startswith(cut.text) and len(cut.text.encode()) > LIMIT * 0.75
    assert whole.text[len(cut.text)] == " "  # cut at a space, not inside a word
    assert (cut.content_key, cut.simhash, cut.origin) == (whole.content_key, whole.simhash, ORIGIN)
    assert fitted.key == out.key  # still meets its copies in the same partition


def test_an_article_that_fits_is_left_alone() -> None:
    out = ingest(TOPICS, orjson.dumps({"id": "a", "text": "Kenya met Somalia."}), None, ORIGIN)
    assert fit_article(out, LIMIT) is out
    assert Article.model_validate_json(out.value).truncated_from_bytes is None
