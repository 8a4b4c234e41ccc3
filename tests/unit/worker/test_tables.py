"""What the worker's tables keep: bounded local stores, publish before record, one write per new fact."""

from __future__ import annotations

import asyncio
import datetime as dt
from collections.abc import Iterable, MutableMapping
from dataclasses import dataclass, field
from typing import Any

import orjson
import pytest
from prometheus_client import CollectorRegistry

from stream.config.settings import Settings, TopicNames
from stream.config.topics import (
    EVENTS_CONFLICT_TABLE,
    EVENTS_DIPLOMATIC_TABLE,
    MENTIONS_TABLE,
    SEEN_TABLE,
    STATS_TABLE,
)
from stream.dedup.bounds import RecencyIndex
from stream.dedup.events import CandidateOutcome, CandidateRecord, apply_candidate, code_candidates
from stream.ingest.stage import ingest
from stream.records.models import Article, EventCandidate, EventRecord, EventStats, Mention, SourceRef
from stream.worker.metrics import Metrics
from stream.worker.tables import (
    BoundedTable,
    changelog_topics,
    event_writes,
    mention_key,
    publish_then_record,
)

TOPICS = TopicNames()
NOW = dt.datetime(2022, 2, 28, 12, tzinfo=dt.UTC)


@dataclass
class _Store:
    """Stands in for a Faust table: only its local store (`data`) is used by the bounds."""

    data: MutableMapping[Any, Any] = field(default_factory=dict)


def _bounded(name: str, window: float, max_entries: int) -> tuple[BoundedTable, _Store, Metrics]:
    store, metrics = _Store(), Metrics(CollectorRegistry())
    return BoundedTable(name, store, RecencyIndex(window, max_entries), metrics), store, metrics


def _evictions(metrics: Metrics, name: str) -> float | None:
    return metrics.registry.get_sample_value("newsevents_dedup_state_evictions_total", {"table": name})


def test_a_table_keeps_at_most_max_entries_keys_dropping_the_oldest_write() -> None:
    table, store, metrics = _bounded(SEEN_TABLE, window=100, max_entries=2)
    table.keep(b"a", b"1", now=0)
    table.keep(b"b", b"2", now=1)
    table.keep(b"a", b"3", now=2)  # rewritten: now the newest
    assert _evictions(metrics, SEEN_TABLE) is None  # nothing evicted, no series yet
    table.keep(b"c", b"4", now=3)
    assert store.data == {b"a": b"3", b"c": b"4"}
    assert len(table) == 2
    assert _evictions(metrics, SEEN_TABLE) == 1


def test_keys_leave_the_store_a_window_after_their_last_write() -> None:
    table, store, metrics = _bounded(MENTIONS_TABLE, window=10, max_entries=100)
    table.keep(b"old", b"1", now=0)
    table.keep(b"new", b"2", now=8)
    table.expire(now=10)
    assert set(store.data) == {b"old", b"new"}  # exactly at the window's edge: kept
    table.expire(now=10.5)
    assert store.data == {b"new": b"2"}
    assert _evictions(metrics, MENTIONS_TABLE) == 1


def test_after_a_rebalance_restored_keys_are_adopted_and_revoked_keys_forgotten() -> None:
    table, store, metrics = _bounded(STATS_TABLE, window=10, max_entries=3)
    table.keep(b"kept", b"1", now=0)
    table.keep(b"revoked", b"2", now=0)
    del store.data[b"revoked"]  # its partition moved to another worker
    store.data.update({b"r1": b"x", b"r2": b"y", b"r3": b"z"})  # restored from the changelog
    table.resync(now=5)
    # Four keys for a bound of three: restored keys, of unknown age, count as the oldest by count.
    assert set(store.data) == {b"kept", b"r2", b"r3"}
    assert len(table) == 3
    assert _evictions(metrics, STATS_TABLE) == 1
    table.expire(now=15)
    assert len(store.data) == 3  # the restored keys count as written at the resync
    table.expire(now=15.5)
    assert store.data == {}


@dataclass
class _Recorder:
    """A changelog sender that notes what the local stores held when each publish happened."""

    stores: dict[str, _Store]
    fail: bool = False
    sent: list[tuple[list[tuple[str, bytes, bytes]], int, dict[str, dict[Any, Any]]]] = field(
        default_factory=list
    )

    async def send_to_partition(self, entries: Iterable[tuple[str, bytes, bytes]], partition: int) -> None:
        snapshot = {name: dict(store.data) for name, store in self.stores.items()}
        self.sent.append((list(entries), partition, snapshot))
        if self.fail:
            raise ConnectionError("broker gone")


def _tables(names: list[str]) -> tuple[dict[str, BoundedTable], dict[str, _Store]]:
    metrics = Metrics(CollectorRegistry())
    stores = {name: _Store() for name in names}
    return {name: BoundedTable(name, stores[name], RecencyIndex(100, 10), metrics) for name in names}, stores


def test_entries_are_published_to_their_changelogs_before_the_local_store_holds_them() -> None:
    changelogs = changelog_topics(Settings(app_id="w"))
    bounded, stores = _tables([EVENTS_DIPLOMATIC_TABLE, MENTIONS_TABLE])
    sender = _Recorder(stores)
    writes = [(EVENTS_DIPLOMATIC_TABLE, b"e1", b"event"), (MENTIONS_TABLE, b"e1|a1", b"mention")]
    asyncio.run(publish_then_record(sender, changelogs, bounded, writes, partition=3, clock=lambda: 0.0))
    [(entries, partition, seen_at_publish)] = sender.sent
    assert entries == [("events.diplomatic", b"e1", b"event"), ("events.mentions", b"e1|a1", b"mention")]
    assert partition == 3  # the input's partition: table and changelog stay co-partitioned
    assert seen_at_publish == {EVENTS_DIPLOMATIC_TABLE: {}, MENTIONS_TABLE: {}}
    assert stores[EVENTS_DIPLOMATIC_TABLE].data == {b"e1": b"event"}
    assert stores[MENTIONS_TABLE].data == {b"e1|a1": b"mention"}


def test_a_write_whose_publish_failed_is_not_recorded() -> None:
    changelogs = changelog_topics(Settings(app_id="w"))
    bounded, stores = _tables([SEEN_TABLE])
    sender = _Recorder(stores, fail=True)
    with pytest.raises(ConnectionError):
        asyncio.run(publish_then_record(sender, changelogs, bounded, [(SEEN_TABLE, b"k", b"v")], partition=0))
    assert stores[SEEN_TABLE].data == {}
    assert len(bounded[SEEN_TABLE]) == 0  # a replay of the input does the write again


def test_the_event_layer_changelogs_are_the_public_topics() -> None:
    settings = Settings(app_id="worker-a")
    assert changelog_topics(settings) == {
        SEEN_TABLE: "worker-a-article-seen-changelog",
        EVENTS_DIPLOMATIC_TABLE: settings.topics.diplomatic,
        EVENTS_CONFLICT_TABLE: settings.topics.conflict,
        MENTIONS_TABLE: settings.topics.mentions,
        STATS_TABLE: settings.topics.stats,
    }


@pytest.fixture(scope="module")
def candidate(seed_bytes: bytes) -> EventCandidate:
    out = ingest(TOPICS, seed_bytes, None, SourceRef(topic="news.raw", partition=0, offset=0))
    _events, outbound = code_candidates(TOPICS, Article.model_validate(orjson.loads(out.value)))
    return EventCandidate.model_validate(orjson.loads(outbound[0].value))


def _writes(
    table: str, candidate: EventCandidate, outcome: CandidateOutcome, mention_known: bool
) -> list[tuple[str, bytes, bytes]]:
    key = candidate.event.event_id.encode()
    return event_writes(table, key, CandidateRecord.of(candidate), outcome, mention_known)


def _apply(candidate: EventCandidate, event_known: bool, stats: EventStats | None) -> CandidateOutcome:
    return apply_candidate(CandidateRecord.of(candidate), event_known=event_known, stats=stats, now=NOW)


def test_a_first_report_writes_its_event_mention_and_stats(candidate: EventCandidate) -> None:
    key = candidate.event.event_id.encode()
    outcome = _apply(candidate, event_known=False, stats=None)
    writes = _writes(EVENTS_DIPLOMATIC_TABLE, candidate, outcome, mention_known=False)
    assert [(name, k) for name, k, _v in writes] == [
        (EVENTS_DIPLOMATIC_TABLE, key),
        (MENTIONS_TABLE, mention_key(key, candidate.mention.article_id)),
        (STATS_TABLE, key),
    ]
    assert EventRecord.model_validate_json(writes[0][2]).first_seen_at == NOW
    assert Mention.model_validate_json(writes[1][2]) == candidate.mention
    assert EventStats.model_validate_json(writes[2][2]).num_mentions == 1


def test_a_replayed_candidate_writes_nothing(candidate: EventCandidate) -> None:
    first = _apply(candidate, event_known=False, stats=None)
    replay = _apply(candidate, event_known=True, stats=first.stats)
    assert _writes(EVENTS_DIPLOMATIC_TABLE, candidate, replay, mention_known=True) == []


def test_another_article_on_a_known_event_writes_its_mention_and_the_stats_only(
    candidate: EventCandidate,
) -> None:
    key = candidate.event.event_id.encode()
    first = _apply(candidate, event_known=False, stats=None)
    other = candidate.model_copy(
        update={"mention": candidate.mention.model_copy(update={"article_id": "b2"})}
    )
    second = _apply(other, event_known=True, stats=first.stats)
    writes = _writes(EVENTS_CONFLICT_TABLE, other, second, mention_known=False)
    assert [(name, k) for name, k, _v in writes] == [(MENTIONS_TABLE, key + b"|b2"), (STATS_TABLE, key)]
    assert EventStats.model_validate_json(writes[1][2]).num_mentions == 2


def test_a_mention_key_is_the_event_key_and_the_article_id() -> None:
    assert mention_key(b"ev-1", "art-9") == b"ev-1|art-9"
