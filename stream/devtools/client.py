"""Producing raw messages and tailing topics with plain aiokafka clients (no consumer group)."""

from __future__ import annotations

import asyncio
import difflib
from collections.abc import AsyncIterator, Callable, Iterable

from aiokafka import AIOKafkaConsumer, AIOKafkaProducer, TopicPartition
from aiokafka.admin import AIOKafkaAdminClient

from stream.config.kafka import client_options
from stream.config.settings import Settings
from stream.devtools.inputs import RawInput
from stream.records.codec import loads

__all__ = ["missing_topics_notice", "produce_messages", "tail_topics", "topic_partitions"]


async def produce_messages(
    settings: Settings, topic: str, messages: Iterable[RawInput], on_sent: Callable[[str], None] | None = None
) -> int:
    """Send every message to `topic`, keyed by its JSON id when it has one; returns the count."""
    producer = AIOKafkaProducer(**client_options(settings), acks="all", max_request_size=2_097_152)
    try:
        await producer.start()
    except BaseException:
        await producer.stop()  # else aiokafka warns of an unclosed producer at exit
        raise
    sent = 0
    try:
        for label, value in messages:
            key: bytes | None = None
            if value.lstrip().startswith(b"{"):
                try:
                    obj = loads(value)
                    key = str(obj["id"]).encode() if isinstance(obj, dict) and obj.get("id") else None
                except ValueError:
                    key = None
            await producer.send_and_wait(topic, value=value, key=key)
            sent += 1
            if on_sent is not None:
                on_sent(label)
    finally:
        await producer.stop()
    return sent


def missing_topics_notice(missing: list[str], existing: list[str]) -> str:
    """What `tail` says while it waits for topics to be created, with the nearest existing name."""
    parts = []
    for name in missing:
        near = difflib.get_close_matches(name, existing, n=1)
        parts.append(f"{name!r} (did you mean {near[0]}?)" if near else repr(name))
    noun = "topic" if len(missing) == 1 else "topics"
    return f"waiting for {noun} {', '.join(parts)} to be created; Ctrl-C to stop"


async def topic_partitions(
    settings: Settings,
    topics: list[str],
    on_wait: Callable[[list[str], list[str]], None] | None = None,
    poll_seconds: float = 0.5,
) -> list[TopicPartition]:
    """Every partition of `topics`, waiting until each topic exists; `on_wait(missing, existing)` is
    called once if some do not yet. Metadata is asked for all topics: a request naming a missing topic
    would let the broker auto-create it with a partition count of its own."""
    admin = AIOKafkaAdminClient(**client_options(settings))
    try:
        await admin.start()
    except BaseException:
        await admin.close()
        raise
    try:
        announced = False
        while True:
            found = {
                str(t["topic"]): sorted(int(p["partition"]) for p in t["partitions"])
                for t in await admin.describe_topics()
                if t["error_code"] == 0 and t["partitions"]
            }
            missing = [t for t in topics if t not in found]
            if not missing:
                return [TopicPartition(t, p) for t in topics for p in found[t]]
            if on_wait is not None and not announced:
                on_wait(missing, sorted(found))
                announced = True
            await asyncio.sleep(poll_seconds)
    finally:
        await admin.close()


async def tail_topics(
    settings: Settings,
    topics: list[str],
    from_beginning: bool = True,
    on_wait: Callable[[list[str], list[str]], None] | None = None,
) -> AsyncIterator[tuple[str, bytes | None, bytes | None]]:
    """Yield (topic, key, value) from every partition of `topics`, assigned directly: no group join.
    Topics that do not exist yet are waited for (see `topic_partitions`)."""
    partitions = await topic_partitions(settings, topics, on_wait)
    consumer = AIOKafkaConsumer(**client_options(settings), enable_auto_commit=False)
    try:
        await consumer.start()
    except BaseException:
        await consumer.stop()
        raise
    try:
        consumer.assign(partitions)
        if from_beginning:
            await consumer.seek_to_beginning(*partitions)
        else:
            # ListOffsets(latest) is unreliable on the embedded broker; fetch watermarks are not.
            await consumer.seek_to_end(*partitions)
        async for record in consumer:
            yield record.topic, record.key, record.value
    finally:
        await consumer.stop()
