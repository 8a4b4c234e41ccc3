"""Producing raw messages and tailing topics with plain aiokafka clients (no consumer group)."""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator, Callable, Iterable

from aiokafka import AIOKafkaConsumer, AIOKafkaProducer, TopicPartition

from stream.config.kafka import client_options
from stream.config.settings import Settings
from stream.devtools.inputs import RawInput
from stream.records.codec import loads

__all__ = ["produce_messages", "tail_topics"]


async def produce_messages(
    settings: Settings, topic: str, messages: Iterable[RawInput], on_sent: Callable[[str], None] | None = None
) -> int:
    """Send every message to `topic`, keyed by its JSON id when it has one; returns the count."""
    producer = AIOKafkaProducer(**client_options(settings), acks="all", max_request_size=2_097_152)
    await producer.start()
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


async def tail_topics(
    settings: Settings, topics: list[str], from_beginning: bool = True
) -> AsyncIterator[tuple[str, bytes | None, bytes | None]]:
    """Yield (topic, key, value) from every partition of `topics`, assigned directly: no group join."""
    consumer = AIOKafkaConsumer(**client_options(settings), enable_auto_commit=False)
    await consumer.start()
    try:
        partitions: list[TopicPartition] = []
        for topic in topics:
            for _ in range(50):
                found = consumer.partitions_for_topic(topic)
                if found:
                    break
                await consumer.force_metadata_update()
                await asyncio.sleep(0.1)
            partitions += [TopicPartition(topic, p) for p in sorted(found or ())]
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
