"""The worker's sends: straight to Faust's producer, all of a batch at once and then awaited until the
broker has each, failed sends retried with back-off, records too large for any retry refused first."""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Awaitable, Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any, TypeVar

import faust
from aiokafka.errors import KafkaError, MessageSizeTooLargeError, RecordListTooLargeError, RecordTooLargeError
from faust.exceptions import ProducerSendError

from stream.records.outbound import RECORD_OVERHEAD_BYTES, Outbound, record_size
from stream.worker.batches import Placed
from stream.worker.metrics import Metrics

__all__ = [
    "Backoff",
    "OutputTooLarge",
    "Publisher",
    "deliver",
    "is_too_large",
    "is_transient",
    "record_limit",
]

log = logging.getLogger(__name__)

T = TypeVar("T")

_TOO_LARGE = (MessageSizeTooLargeError, RecordTooLargeError, RecordListTooLargeError)
# Errors of the way to the broker, not of the record: sending again can succeed.
_TRANSIENT = (KafkaError, ProducerSendError, OSError, TimeoutError)


class OutputTooLarge(Exception):
    """An output record the producer or the broker refuses for its size: no retry can send it, so the
    input it came from is dead-lettered instead."""

    def __init__(self, topic: str, size: int, limit: int | None) -> None:
        self.topic, self.size, self.limit = topic, size, limit
        bound = f" > {limit}" if limit is not None else " (refused by the broker)"
        super().__init__(f"output to {topic} is {size} bytes{bound}")


@dataclass(frozen=True, slots=True)
class Backoff:
    """Seconds between attempts: `initial`, doubled each time up to `maximum`."""

    initial: float = 0.5
    maximum: float = 30.0

    def delays(self) -> Iterable[float]:
        delay = self.initial
        while True:
            yield delay
            delay = min(delay * 2, self.maximum)


def _chain(exc: BaseException) -> Iterable[BaseException]:
    seen: set[int] = set()
    current: BaseException | None = exc
    while current is not None and id(current) not in seen:
        seen.add(id(current))
        yield current
        current = current.__cause__ or current.__context__


def is_too_large(exc: BaseException) -> bool:
    """Refused for its size, by the producer's own check or the broker (Faust wraps aiokafka's errors)."""
    return any(isinstance(e, _TOO_LARGE) for e in _chain(exc))


def is_transient(exc: BaseException) -> bool:
    """A failure of the way to the broker (connection, timeout, leadership, authorization until fixed)."""
    return not is_too_large(exc) and any(isinstance(e, _TRANSIENT) for e in _chain(exc))


async def deliver(
    send_all: Callable[[Sequence[T]], Awaitable[Sequence[object]]],
    items: Sequence[T],
    size: Callable[[T], tuple[str, int]],
    backoff: Backoff,
    on_retry: Callable[[T, BaseException, float], None],
) -> None:
    """Send every item until the broker has it: `send_all` sends a list at once and returns each item's
    result or exception. Only the failed ones are sent again, after a back-off, for as long as it takes
    (the input stays unfinished meanwhile: nothing is committed past it). A refusal for size raises
    OutputTooLarge once the other sends are done; anything else that is no transport failure (a bug) is
    raised as it is."""
    pending = list(items)
    delays = iter(backoff.delays())
    while pending:
        results = list(await send_all(pending))
        failed: list[tuple[T, Exception]] = []
        for item, result in zip(pending, results, strict=True):
            if not isinstance(result, BaseException):
                continue
            if not isinstance(result, Exception):  # cancelled: the worker stops
                raise result
            if is_too_large(result):
                topic, nbytes = size(item)
                raise OutputTooLarge(topic, nbytes, None) from result
            if not is_transient(result):
                raise result
            failed.append((item, result))
        if failed:
            delay = next(delays)
            for item, exc in failed:
                on_retry(item, exc, delay)
            await asyncio.sleep(delay)
        pending = [item for item, _ in failed]


def _failed(exc: Exception) -> asyncio.Future[object]:
    future: asyncio.Future[object] = asyncio.get_running_loop().create_future()
    future.set_exception(exc)
    return future


def record_limit(configured: int, reported: Mapping[str, int]) -> tuple[int, str]:
    """The largest record to send: the configured request size, lowered to the smallest limit the broker
    reports (its message.max.bytes, a topic's max.message.bytes); and the line to log about it."""
    setting = f"NEWSEVENTS_PRODUCER_MAX_REQUEST_BYTES={configured}"
    if not reported:
        return configured, f"the broker reports no message.max.bytes: records are kept within {setting}"
    name, smallest = min(reported.items(), key=lambda item: (item[1], item[0]))
    if smallest >= configured:
        return (
            configured,
            f"records are kept within {setting} (the broker's smallest limit: {name}={smallest})",
        )
    return smallest, f"{name}={smallest} is below {setting}: records are kept within {smallest} bytes"


#: One record to send: (topic, key, value, partition or None for the key's partition).
_Entry = tuple[str, bytes, bytes, int | None]


class Publisher:
    """Publish now and wait for the broker: an input is acknowledged (and later committed) only after its
    outputs exist. (Faust's attached sends would wait for the next commit, and are never sent at all when
    the partition is revoked first.) The records of one call are all queued before any acknowledgement
    is awaited, so the producer batches them into few requests."""

    def __init__(
        self,
        app: faust.App,
        partitions: int,
        metrics: Metrics,
        max_record_bytes: int,
        backoff: Backoff | None = None,
    ) -> None:
        self._app = app
        self._partitions = partitions
        self._metrics = metrics
        #: Largest record sent: the producer's request size, lowered to the broker's limit at start-up.
        self.max_record_bytes = max_record_bytes
        self._backoff = backoff or Backoff()
        self._topics: dict[str, Any] = {}

    def topic(self, name: str) -> Any:
        """One Topic object per output topic: app.send(name) would build (and compile) a new one per call."""
        if name not in self._topics:
            self._topics[name] = self._app.topic(name, partitions=self._partitions)
        return self._topics[name]

    def value_room(self) -> int:
        """Bytes a record's key and value may take together."""
        return self.max_record_bytes - RECORD_OVERHEAD_BYTES

    async def send(self, *outs: Outbound) -> None:
        """Each record to its topic, partitioned by its key."""
        for out in outs:
            if record_size(out) > self.max_record_bytes:
                raise OutputTooLarge(out.topic, record_size(out), self.max_record_bytes)
        await self._deliver([(out.topic, out.key, out.value, None) for out in outs])

    async def send_to_partition(self, entries: Iterable[tuple[str, bytes, bytes]], partition: int) -> None:
        """(topic, key, value) entries, all to one partition (a table's changelog: its input's partition)."""
        await self.send_placed([(topic, key, value, partition) for topic, key, value in entries])

    async def send_placed(self, entries: Sequence[Placed]) -> None:
        """(topic, key, value, partition) records, each to the partition given."""
        for topic, key, value, _ in entries:
            size = len(key) + len(value) + RECORD_OVERHEAD_BYTES
            if size > self.max_record_bytes:
                raise OutputTooLarge(topic, size, self.max_record_bytes)
        await self._deliver(entries)

    async def _deliver(self, entries: Sequence[_Entry]) -> None:
        await deliver(
            self._send_all,
            entries,
            lambda entry: (entry[0], len(entry[1]) + len(entry[2]) + RECORD_OVERHEAD_BYTES),
            self._backoff,
            self._on_retry,
        )

    async def _send_all(self, entries: Sequence[_Entry]) -> list[object]:
        """Queue every record, then wait for all their acknowledgements: one future per record and no
        task (asyncio's own loop was the largest share of the worker's time in a profile). The producer's
        send returns the delivery future once the record is queued; awaiting that future waits for the
        broker's acknowledgement (and raises its refusal). Faust's Topic.send would add a message object,
        a callback future and the sensors' hooks to each record; keys and values here are bytes already."""
        producer = await self._app.maybe_start_producer()
        deliveries: list[Awaitable[object]] = []
        for topic, key, value, partition in entries:
            try:
                deliveries.append(await producer.send(topic, key, value, partition, None, None))
            except Exception as exc:  # refused on the way in: that record's result
                deliveries.append(_failed(exc))
        return list(await asyncio.gather(*deliveries, return_exceptions=True))

    def _on_retry(self, entry: _Entry, exc: BaseException, delay: float) -> None:
        self._metrics.publish_retries.labels(topic=entry[0]).inc()
        log.warning("publishing to %s failed (%r); sending again in %.1f s", entry[0], exc, delay)
