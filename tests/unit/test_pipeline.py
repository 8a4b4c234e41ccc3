"""Routing decisions of the ingest and process stages, without Kafka."""

from __future__ import annotations

import base64

import orjson

from stream.models import Article, SourceRef
from stream.pipeline import duplicate_notice, ingest, publish_plan
from stream.raw import parse_raw
from stream.settings import TopicNames

TOPICS = TopicNames()
ORIGIN = SourceRef(topic="news.raw", partition=2, offset=17)


def test_good_message_goes_to_articles_keyed_by_content_hash(seed_bytes: bytes) -> None:
    out = ingest(TOPICS, seed_bytes, None, ORIGIN)
    article = Article.model_validate(orjson.loads(out.value))
    assert out.topic == TOPICS.articles
    assert out.key == article.content_hash.encode()
    assert article.origin == ORIGIN


def test_bad_message_becomes_dead_letter_with_bytes_and_origin() -> None:
    out = ingest(TOPICS, b"\x00\x01garbage\x00\x00\x00\x00", b"k", ORIGIN)
    letter = orjson.loads(out.value)
    assert out.topic == TOPICS.dlq
    assert letter["reason"] == "binary_content"
    assert base64.b64decode(letter["value_b64"]) == b"\x00\x01garbage\x00\x00\x00\x00"
    assert base64.b64decode(letter["key_b64"]) == b"k"
    assert letter["origin"] == {"topic": "news.raw", "partition": 2, "offset": 17, "timestamp_ms": None}


def test_events_split_by_quad_with_one_mention_each(seed_bytes: bytes) -> None:
    article = parse_raw(seed_bytes)
    assert isinstance(article, Article)
    events, outbound = publish_plan(TOPICS, article)
    by_topic: dict[str, int] = {}
    for out in outbound:
        by_topic[out.topic] = by_topic.get(out.topic, 0) + 1
    assert by_topic[TOPICS.mentions] == len(events)
    assert by_topic.get(TOPICS.conflict, 0) == sum(e.quad_class == 4 for e in events)
    assert by_topic[TOPICS.diplomatic] == sum(e.quad_class < 4 for e in events)
    assert all(out.key for out in outbound)


def test_duplicate_kind_tells_redelivery_from_copy(seed_bytes: bytes) -> None:
    article = parse_raw(seed_bytes)
    assert isinstance(article, Article)
    assert orjson.loads(duplicate_notice(TOPICS, article, article.article_id).value)["kind"] == "exact"
    assert orjson.loads(duplicate_notice(TOPICS, article, "other-id").value)["kind"] == "content"
