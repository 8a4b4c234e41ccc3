"""What the agents derive from a record without Kafka: where it came from, how late its article is."""

from __future__ import annotations

from dataclasses import dataclass

import orjson

from stream.config.settings import TopicNames
from stream.ingest.stage import ingest
from stream.records.models import Article, SourceRef
from stream.worker.agents import end_to_end_lag, origin_of


@dataclass
class _Message:
    topic: str
    partition: int
    offset: int
    timestamp: float | None


def test_the_origin_carries_the_kafka_timestamp_in_milliseconds() -> None:
    origin = origin_of(_Message("news.raw", 2, 17, 1646049600.1234))
    assert origin == SourceRef(topic="news.raw", partition=2, offset=17, timestamp_ms=1646049600123)


def test_a_record_without_timestamp_has_an_origin_without_one() -> None:
    assert origin_of(_Message("news.raw", 0, 0, None)).timestamp_ms is None
    assert origin_of(_Message("news.raw", 0, 0, 0.0)).timestamp_ms is None


def _article(seed_bytes: bytes, timestamp_ms: int | None) -> Article:
    origin = SourceRef(topic="news.raw", partition=0, offset=5, timestamp_ms=timestamp_ms)
    return Article.model_validate(orjson.loads(ingest(TopicNames(), seed_bytes, None, origin).value))


def test_end_to_end_lag_is_measured_from_the_raw_records_timestamp(seed_bytes: bytes) -> None:
    assert end_to_end_lag(_article(seed_bytes, 1_000_000), now=1_002.5) == 2.5


def test_end_to_end_lag_is_never_negative_and_unknown_without_a_timestamp(seed_bytes: bytes) -> None:
    assert end_to_end_lag(_article(seed_bytes, 5_000), now=4.0) == 0.0  # producer clock ahead of ours
    assert end_to_end_lag(_article(seed_bytes, None), now=4.0) is None
