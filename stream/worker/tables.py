"""The worker's tables (article layer, near-duplicate index, event layer), their bounds and their writes."""

from __future__ import annotations

import time
from collections.abc import Callable, Hashable, Iterable, MutableMapping, Sequence
from typing import Any, Protocol

import faust

from stream.config.settings import Settings
from stream.config.topics import (
    EVENTS_CONFLICT_TABLE,
    EVENTS_DIPLOMATIC_TABLE,
    MENTIONS_TABLE,
    NEAR_TABLE,
    SEEN_TABLE,
    STATS_TABLE,
)
from stream.dedup.bounds import RecencyIndex
from stream.dedup.events import CandidateOutcome, CandidateRecord
from stream.dedup.fingerprints import MappingBandIndex
from stream.records.codec import dumps_model
from stream.worker.batches import Placed, partition_of
from stream.worker.metrics import Metrics
from stream.worker.transport import store_put

__all__ = [
    "EVENT_TABLES",
    "BoundedTable",
    "DedupTables",
    "PartitionSender",
    "TableSender",
    "Write",
    "changelog_topics",
    "event_writes",
    "mention_key",
    "publish_then_record",
]

#: One table entry to write: (table name, key, value).
Write = tuple[str, bytes, bytes]

# The bounded table holding an event, by "is it a conflict (quad 4) event".
EVENT_TABLES = {False: EVENTS_DIPLOMATIC_TABLE, True: EVENTS_CONFLICT_TABLE}


class Stored(Protocol):
    """A table's local store (a Faust table's `data`: memory or RocksDB)."""

    @property
    def data(self) -> MutableMapping[Any, Any]: ...


class PartitionSender(Protocol):
    async def send_to_partition(
        self, entries: Iterable[tuple[str, bytes, bytes]], partition: int
    ) -> None: ...


class TableSender(PartitionSender, Protocol):
    """What the tables publish with: changelog entries of one partition, or records each placed."""

    async def send_placed(self, entries: Sequence[Placed]) -> None: ...


def changelog_topics(settings: Settings) -> dict[str, str]:
    """The changelog of every bounded table. The event layer's changelogs ARE the public topics: a table
    write is the publish, so "recorded" and "published" can never disagree after a crash."""
    topics = settings.topics
    return {
        SEEN_TABLE: f"{settings.app_id}-{SEEN_TABLE}-changelog",
        EVENTS_DIPLOMATIC_TABLE: topics.diplomatic,
        EVENTS_CONFLICT_TABLE: topics.conflict,
        MENTIONS_TABLE: topics.mentions,
        STATS_TABLE: topics.stats,
    }


class BoundedTable:
    """A table and the recency index that bounds its local store: at most `max_entries` keys, each for
    `window_seconds` after its last write. Keys leave the local store only: no tombstone reaches the
    changelog (for the event layer, a public topic)."""

    def __init__(self, name: str, table: Stored, index: RecencyIndex, metrics: Metrics) -> None:
        self.name = name
        self.table = table
        self.index = index
        self._metrics = metrics

    def keep(self, key: bytes, value: bytes, now: float, partition: int = 0) -> None:
        """Write to the local store, in `partition`'s share (the changelog already has the entry), and
        evict beyond the bound."""
        store_put(self.table.data, key, value, partition)
        self.index.touch(key, now)
        self._evict(self.index.overflow())

    def resync(self, now: float) -> None:
        """After a rebalance's recovery: adopt what recovery brought in, forget what left with revoked
        partitions. One pass over the store (a RocksDB store has no cheap length)."""
        keys = list(self.table.data.keys())
        self.index.retain(set(keys))
        self.index.adopt([key for key in keys if key not in self.index], now)
        self._evict(self.index.overflow())

    def expire(self, now: float) -> None:
        self._evict(self.index.expired(now))

    def __len__(self) -> int:
        return len(self.index)

    def _evict(self, keys: list[Hashable]) -> None:
        store = self.table.data
        for key in keys:
            store.pop(key, None)
        if keys:
            self._metrics.state_evictions.labels(table=self.name).inc(len(keys))


async def publish_then_record(
    sender: PartitionSender,
    changelogs: dict[str, str],
    bounded: dict[str, BoundedTable],
    writes: list[Write],
    partition: int,
    clock: Callable[[], float] = time.time,
) -> None:
    """Publish table entries to their changelogs (for the event layer: the public records), wait until
    the broker has them, and only then write them to the local stores (the input's partition, as Faust
    would).

    Publish, then record: the local state never claims what the changelog does not hold, so a write lost
    on the way (a crash, or a partition revoked before Faust published its attached messages) is simply
    done again by whoever processes the input next. Faust's own table writes go through a buffer that
    neither an offset commit nor the local store waits for."""
    await sender.send_to_partition(((changelogs[name], key, value) for name, key, value in writes), partition)
    now = clock()
    for name, key, value in writes:
        bounded[name].keep(key, value, now, partition)


def mention_key(event_key: bytes, article_id: str) -> bytes:
    """A mention is one (event, article) pair."""
    return event_key + b"|" + article_id.encode()


def event_writes(
    table_name: str,
    key: bytes,
    candidate: CandidateRecord,
    outcome: CandidateOutcome,
    mention_known: bool,
) -> list[Write]:
    """The entries one candidate writes: its event (first report only), its mention (a new article for
    the event), its stats (when this article was not counted yet). Each write is its own idempotency check
    (event by id, mention by event + article, stats by the articles counted), so a replay after a crash
    repairs a partial publish."""
    writes: list[Write] = []
    if outcome.first_report is not None:
        writes.append((table_name, key, outcome.first_report))
    if not mention_known:
        writes.append((MENTIONS_TABLE, mention_key(key, candidate.article_id), candidate.mention_value()))
    if outcome.stats is not None:
        writes.append((STATS_TABLE, key, dumps_model(outcome.stats)))
    return writes


class DedupTables:
    """The Faust tables of both dedup layers, declared on the app, and the bounds on their local stores."""

    def __init__(self, app: faust.App, settings: Settings, metrics: Metrics, sender: TableSender) -> None:
        self._app = app
        self._partitions = settings.partitions
        self._metrics = metrics
        self._sender = sender
        topics = settings.topics
        # Article layer, co-partitioned with the articles topic (keyed by content key).
        self.seen = self._table(SEEN_TABLE)
        # Near-duplicate band index: global, so a near copy is found whichever worker coded the original.
        self._near = self._table(NEAR_TABLE, global_=True)
        self.near_index = MappingBandIndex(self._near)
        # Event layer, co-partitioned with the candidates topic (keyed by event_id).
        diplomatic = self._table(EVENTS_DIPLOMATIC_TABLE, topics.diplomatic)
        conflict = self._table(EVENTS_CONFLICT_TABLE, topics.conflict)
        self.mentions = self._table(MENTIONS_TABLE, topics.mentions)
        self.stats = self._table(STATS_TABLE, topics.stats)
        # Every table but the near-duplicate index (bounded per bucket) is bounded on this worker.
        window_seconds = settings.dedup_window_days * 86400
        self.bounded = {
            name: BoundedTable(name, table, RecencyIndex(window_seconds, settings.dedup_max_entries), metrics)
            for name, table in (
                (SEEN_TABLE, self.seen),
                (EVENTS_DIPLOMATIC_TABLE, diplomatic),
                (EVENTS_CONFLICT_TABLE, conflict),
                (MENTIONS_TABLE, self.mentions),
                (STATS_TABLE, self.stats),
            )
        }
        for name in self.bounded:
            metrics.state_max_entries.labels(table=name).set(settings.dedup_max_entries)
        metrics.state_max_entries.labels(table=NEAR_TABLE).set(self.near_index.max_keys)
        self.changelogs = changelog_topics(settings)

    def _table(self, name: str, changelog: str | None = None, *, global_: bool = False) -> Any:
        """bytes -> bytes table; with `changelog` its changelog is that (public) topic, declared as Faust
        declares its own changelogs: without acks. A topic with acks is an input Faust watches for stuck
        streams, and it logged 'Stream has not started processing' for every partition of these topics
        (which no stream reads) from its stream_processing_timeout on."""
        factory = self._app.GlobalTable if global_ else self._app.Table
        topic = self._app.topic(changelog, partitions=self._partitions, acks=False) if changelog else None
        return factory(
            name,
            default=None,
            partitions=self._partitions,
            key_type=bytes,
            value_type=bytes,
            changelog_topic=topic,
            # A global table is read whole by every worker: its writes may go to their key's partition,
            # which also lets the article stage write it after a batch, outside Faust's per-record
            # iteration (that is where Faust finds the input's partition for a changelog write).
            use_partitioner=global_,
        )

    def events(self, conflict: bool) -> tuple[str, Any]:
        """(name, Faust table) of the event table for a conflict (quad 4) or a diplomatic event."""
        name = EVENT_TABLES[conflict]
        return name, self.bounded[name].table

    async def record(self, writes: list[Write], partition: int) -> None:
        await publish_then_record(self._sender, self.changelogs, self.bounded, writes, partition)

    async def record_near(self, buckets: dict[bytes, bytes]) -> None:
        """Near-duplicate buckets (MappingBandIndex.planned) published to the global table's changelog,
        each on its key's partition as Faust's partitioner puts a global table's writes, then written to
        the local store: sent with the worker's other records rather than through Faust's changelog
        buffer, and no current event needed (a batch has none)."""
        changelog = self._near.changelog_topic.get_topic_name()
        placed = [
            (changelog, key, value, partition_of(key, self._partitions)) for key, value in buckets.items()
        ]
        await self._sender.send_placed(placed)
        for _topic, key, value, partition in placed:
            store_put(self._near.data, key, value, partition)

    def resync(self, now: float) -> None:
        """The stores' key sets changed with a rebalance: bring every bound up to date."""
        for table in self.bounded.values():
            table.resync(now)

    def expire(self, now: float) -> None:
        """Evict what aged out of the window; report every table's size."""
        for name, table in self.bounded.items():
            table.expire(now)
            self._metrics.state_entries.labels(table=name).set(len(table))
        self._metrics.state_entries.labels(table=NEAR_TABLE).set(len(self.near_index))
