"""Real embedded broker and real worker processes for integration tests; everything is stopped after."""

from __future__ import annotations

import asyncio
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from confluent_kafka import OFFSET_BEGINNING, Consumer, KafkaError, Producer, TopicPartition

from stream.config.settings import Settings
from stream.config.topics import ensure_topics
from stream.devtools.broker import EmbeddedBroker, free_port
from stream.devtools.devrun import WorkerProcess

PARTITIONS = 4


@pytest.fixture(scope="module")
def broker() -> Iterator[EmbeddedBroker]:
    with EmbeddedBroker() as running:
        yield running


@pytest.fixture(scope="module")
def settings(broker: EmbeddedBroker, tmp_path_factory: pytest.TempPathFactory) -> Settings:
    config = Settings(
        bootstrap_servers=broker.bootstrap,
        web_port=free_port(),
        partitions=PARTITIONS,
        session_timeout_seconds=10,
        producer_max_batch_bytes=1,
        data_dir=tmp_path_factory.mktemp("worker-data"),
    )
    asyncio.run(ensure_topics(config))
    return config


@pytest.fixture(scope="module")
def worker(settings: Settings, tmp_path_factory: pytest.TempPathFactory) -> Iterator[WorkerProcess]:
    log = Path(tmp_path_factory.mktemp("logs")) / "worker.log"
    process = WorkerProcess(settings, log)
    try:
        process.wait_web(timeout=60)
        yield process
    finally:
        process.stop()
        assert process.process.poll() is not None


def produce(settings: Settings, topic: str, values: list[bytes], key: bytes | None = None) -> None:
    """Produce with confluent-kafka (librdkafka), an independent client."""
    producer = Producer({"bootstrap.servers": settings.bootstrap_servers, "acks": "all"})
    for value in values:
        producer.produce(topic, value=value, key=key)
    assert producer.flush(30) == 0


class TopicReader:
    """Reads topics from the beginning with confluent-kafka, by direct assignment (no group join)."""

    def __init__(self, settings: Settings, topics: list[str]) -> None:
        self.consumer = Consumer(
            {
                "bootstrap.servers": settings.bootstrap_servers,
                "group.id": f"test-reader-{time.monotonic_ns()}",
                "enable.auto.commit": False,
            }
        )
        self.consumer.assign(
            [TopicPartition(t, p, OFFSET_BEGINNING) for t in topics for p in range(settings.partitions)]
        )
        self.records: list[tuple[str, bytes | None, bytes]] = []
        #: (partition, offset, timestamp ms) of each record, in the order of `records`.
        self.positions: list[tuple[int, int, int]] = []

    def _keep(self, message: Any) -> None:
        self.records.append((message.topic(), message.key(), message.value()))
        self.positions.append((message.partition(), message.offset(), message.timestamp()[1]))

    def poll_until(self, done: object, timeout: float) -> list[tuple[str, bytes | None, bytes]]:
        """Poll until done(records) is true or timeout; returns everything read so far."""
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline and not done(self.records):  # type: ignore[operator]
            message = self.consumer.poll(0.5)
            if message is None:
                continue
            if message.error():
                assert message.error().code() == KafkaError._PARTITION_EOF, message.error()
                continue
            self._keep(message)
        return self.records

    def drain(self, seconds: float) -> list[tuple[str, bytes | None, bytes]]:
        deadline = time.monotonic() + seconds
        while time.monotonic() < deadline:
            message = self.consumer.poll(0.2)
            if message is not None and not message.error():
                self._keep(message)
        return self.records

    def close(self) -> None:
        self.consumer.close()
