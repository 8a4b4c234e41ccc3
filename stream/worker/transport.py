"""All use of Faust's and aiokafka's private members: consumer fixes, committed offsets, crashed agents."""

from __future__ import annotations

import logging
from collections.abc import Callable, Hashable
from typing import Any

import faust
from aiokafka import TopicPartition as KafkaTP
from faust.transport.drivers import aiokafka as driver
from faust.types import TP

__all__ = [
    "RefetchPolicy",
    "committed_offset",
    "crashed_agents",
    "store_put",
    "use_consumer_fixes",
]

log = logging.getLogger(__name__)

# The consumer below takes its fetch wait from settings (Faust fixes 1.5 s) and fetches again records
# lost between fetch and agent instead of committing over them. Its subclasses override private hooks
# and use private state of the classes they extend (through `self`); every access to another object's
# private member is marked `noqa: SLF001` with its reason. No other module of stream/ touches one.


class _FetchWaitConsumerThread(driver.AIOKafkaConsumerThread):
    fetch_max_wait_ms: int = 1500

    def _create_worker_consumer(self, transport: Any) -> Any:
        consumer = super()._create_worker_consumer(transport)
        # aiokafka reads this when start() builds its Fetcher; Faust offers no setting for it.
        consumer._fetch_max_wait_ms = self.fetch_max_wait_ms  # noqa: SLF001
        log.info("consumer fetch wait: %d ms", self.fetch_max_wait_ms)
        return consumer


class RefetchPolicy:
    """Which offset gaps to fetch again before committing over them. A gap seen again at the same offset
    in the same consumer generation, after its refetch, is real (compaction, transaction markers) and
    accepted; a rebalance in between may have dropped the refetched records too, so then it is fetched
    once more."""

    def __init__(self) -> None:
        self._refetched_from: dict[Hashable, tuple[int, int]] = {}
        self._pending: dict[Hashable, int] = {}

    def accept(self, tp: Hashable, offset_from: int, generation: int) -> bool:
        """True to commit over the gap now; False when it is scheduled for a refetch instead."""
        if self._refetched_from.get(tp) == (offset_from, generation):
            del self._refetched_from[tp]
            return True
        self._refetched_from[tp] = (offset_from, generation)
        self.schedule(tp, offset_from)
        return False

    def schedule(self, tp: Hashable, offset: int) -> None:
        """Fetch tp again from offset (or from an earlier offset already scheduled)."""
        self._pending[tp] = min(offset, self._pending.get(tp, offset))

    def due(self) -> list[tuple[Hashable, int]]:
        """(partition, offset) to seek back to before the next fetch; each returned once."""
        out = list(self._pending.items())
        self._pending.clear()
        return out


class _RefetchingConsumer(driver.Consumer):
    """Faust treats a jump in offsets as a gap to commit over (compaction, transaction markers). During
    rebalances and recovery it can also drop records it has already fetched (faust-streaming#596), and
    committing over those loses them: they are fetched again first (RefetchPolicy)."""

    #: Called with the topic of every refetch (a tuple: a plain function attribute would bind to self).
    refetch_hooks: tuple[Callable[[str], None], ...] = ()
    #: Count an ack only for records an agent reported finished (see `finished`).
    require_finished: bool = False

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self._refetch = RefetchPolicy()
        self._finished: set[tuple[Any, int]] = set()

    def finished(self, tp: Any, offset: int) -> None:
        """An agent is done with this record (its outputs are acknowledged by the broker)."""
        if len(self._finished) > 100_000:  # marks whose ack never came (revoked partitions)
            self._finished.clear()
        self._finished.add((tp, offset))

    def ack(self, message: Any) -> bool:
        # Faust also acks records its stream skipped without handing them to the agent (fetched in an
        # older consumer generation); committing those would lose them. They are fetched again.
        if self.require_finished and self.app.topics.acks_enabled_for(message.topic):
            mark = (message.tp, message.offset)
            if mark in self._finished:
                self._finished.discard(mark)
            elif not message.acked:
                message.acked = True
                self._unacked_messages.discard(message)  # nothing to wait for at a rebalance
                self._refetch.schedule(message.tp, message.offset)
                for hook in self.refetch_hooks:
                    hook(message.topic)
                return False
        return bool(super().ack(message))

    async def _add_gap(self, tp: Any, offset_from: int, offset_to: int) -> None:
        if self._refetch.accept(tp, offset_from, self.app.consumer_generation_id):
            await super()._add_gap(tp, offset_from, offset_to)
            return
        log.warning(
            "%s[%d]: records %d..%d were skipped; fetching them again",
            tp.topic,
            tp.partition,
            offset_from,
            offset_to - 1,
        )
        for hook in self.refetch_hooks:
            hook(tp.topic)

    def _new_offset(self, tp: Any) -> int | None:
        # Faust tolerates one missing offset after the committed one and checks nothing when it does
        # not know the committed offset: either way it could commit over records nobody processed.
        if self.require_finished and self._acked[tp]:
            committed = self._committed_offset[tp]
            if committed is None:
                return None  # learnt at the next seek (perform_seek)
            lowest = min(self._acked[tp])
            gaps = self._gap[tp]
            if gaps:
                lowest = min(lowest, min(interval.begin for interval in gaps))
            if lowest > committed:
                return None  # the record at the committed offset has not been finished yet
        result: int | None = super()._new_offset(tp)
        return result

    async def perform_seek(self) -> None:
        await super().perform_seek()
        if not self.require_finished:
            return
        # Faust leaves the committed offset unknown for a partition the group never committed (or
        # committed at 0); start it at the log's first offset so commits stay contiguous from there.
        unknown = [
            tp
            for tp in self.assignment()
            if self.app.topics.acks_enabled_for(tp.topic) and self._committed_offset.get(tp) is None
        ]
        if unknown:
            for tp, offset in (await self.earliest_offsets(*unknown)).items():
                if offset is not None and offset >= 0:
                    self._committed_offset[tp] = offset

    async def _wait_next_records(self, timeout: float) -> Any:  # noqa: ASYNC109  # Faust's signature
        # Between two fetches, so the records in hand have been delivered and their read offsets set.
        for tp, offset in self._refetch.due():
            if tp in self.assignment():
                await self._seek(tp, offset)
                self._read_offset[tp] = offset - 1  # last read: the refetched record is next
        return await super()._wait_next_records(timeout)


def use_consumer_fixes(
    app: faust.App,
    fetch_wait_seconds: float,
    on_refetch: Callable[[str], None] | None = None,
    require_finished: bool = False,
) -> None:
    """Install the adjustments on this app's transport. With `require_finished`, the app's agents
    must call `app.consumer.finished(tp, offset)` for every record they complete.

    Kafka answers a waiting fetch as soon as data arrives, so the wait only bounds idle polling. Some
    Kafka-protocol brokers (the embedded Tansu) answer only when the wait expires: there the wait is
    added to every hop of the pipeline."""
    wait_ms = max(1, round(fetch_wait_seconds * 1000))

    class FetchWaitConsumerThread(_FetchWaitConsumerThread):
        fetch_max_wait_ms = wait_ms

    class AppConsumer(_RefetchingConsumer):
        def _new_consumer_thread(self) -> Any:
            return FetchWaitConsumerThread(self, loop=self.loop, beacon=self.beacon)

    AppConsumer.refetch_hooks = (on_refetch,) if on_refetch is not None else ()
    AppConsumer.require_finished = require_finished
    app.transport.Consumer = AppConsumer  # type: ignore[misc]  # this app's transport only


async def committed_offset(app: faust.App, tp: TP) -> int:
    """Where processing of tp must resume: the group's committed offset as Faust last committed
    it, else as the broker has it, else the start of the partition."""
    consumer: Any = app.consumer
    # Faust keeps what it last committed only here; it has no public reader.
    known = consumer._committed_offset.get(tp)  # noqa: SLF001
    if known is not None:
        return int(known)
    # The broker's answer needs the aiokafka client, which Faust's consumer thread owns and hides.
    thread = consumer._thread  # noqa: SLF001
    client = thread._ensure_consumer()  # noqa: SLF001
    offset = await thread.call_thread(client.committed, KafkaTP(tp.topic, tp.partition))
    return int(offset) if offset is not None and offset >= 0 else 0


def crashed_agents(app: faust.App) -> list[str]:
    """Short names of the agents with a crashed actor (Faust does not restart them, faust-streaming#175)."""
    out = []
    for agent in app.agents.values():
        # An agent's actors are listed only in its private set.
        for actor in list(agent._actors):  # noqa: SLF001
            if actor.crashed:
                out.append(agent.name.rsplit(".", 1)[-1])
    return sorted(set(out))


def store_put(store: Any, key: bytes, value: bytes, partition: int) -> None:
    """Write one entry to a table's local store, in the input partition's share. Faust's RocksDB store
    finds that partition from the current event, which a batch taken by `stream.take_events` does not
    set (its `_set` asserts one): the entry goes to that partition's database directly, as `_set` would
    put it. The memory store keeps one dict for every partition."""
    db_for_partition = getattr(store, "_db_for_partition", None)
    if db_for_partition is None:
        store[key] = value
        return
    encoded = store._encode_key(key)  # noqa: SLF001 - what Store.__setitem__ does before _set
    store._key_index[encoded] = partition  # noqa: SLF001 - _set's bookkeeping for later reads
    db_for_partition(partition).put(encoded, store._encode_value(value))  # noqa: SLF001 - as above
