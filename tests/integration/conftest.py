"""Embedded brokers, worker processes and topic readers from factory fixtures that stop all they start."""

from __future__ import annotations

import asyncio
import contextlib
import itertools
import time
from collections.abc import Callable, Iterator, Sequence
from pathlib import Path
from typing import Any, Protocol

import pytest
from confluent_kafka import OFFSET_BEGINNING, Consumer, KafkaError, Message, Producer, TopicPartition

from stream.config.settings import Settings
from stream.config.topics import ensure_topics
from stream.devtools.broker import EmbeddedBroker, free_port
from stream.devtools.devrun import WorkerProcess
from tests.support import wait_ready

__all__ = [
    "PARTITIONS",
    "BrokerFactory",
    "ReaderFactory",
    "Record",
    "SettingsFactory",
    "TopicReader",
    "WorkerFactory",
    "produce",
]

PARTITIONS = 4

#: (topic, key, value) of one record read back.
Record = tuple[str, bytes | None, bytes]


def _settings(bootstrap: str, data_dir: Path, **overrides: Any) -> Settings:
    """Test settings on that broker (its topics created), with a free web port and batches of one record."""
    defaults: dict[str, Any] = {
        "bootstrap_servers": bootstrap,
        "web_port": free_port(),
        "partitions": PARTITIONS,
        "session_timeout_seconds": 10,
        "producer_max_batch_bytes": 1,
        "data_dir": data_dir,
    }
    config = Settings(**{**defaults, **overrides})
    asyncio.run(ensure_topics(config))
    return config


@pytest.fixture(scope="module")
def broker() -> Iterator[EmbeddedBroker]:
    with EmbeddedBroker() as running:
        yield running


@pytest.fixture(scope="module")
def settings(broker: EmbeddedBroker, tmp_path_factory: pytest.TempPathFactory) -> Settings:
    return _settings(broker.bootstrap, tmp_path_factory.mktemp("worker-data"))


class BrokerFactory(Protocol):
    def __call__(self) -> EmbeddedBroker: ...


@pytest.fixture
def broker_factory() -> Iterator[BrokerFactory]:
    """Fresh embedded brokers, for tests that need one of their own; each is stopped at teardown."""
    with contextlib.ExitStack() as started:
        yield lambda: started.enter_context(EmbeddedBroker())


class SettingsFactory(Protocol):
    def __call__(self, broker: EmbeddedBroker | None = None, **overrides: Any) -> Settings: ...


@pytest.fixture
def settings_factory(request: pytest.FixtureRequest, tmp_path: Path) -> SettingsFactory:
    """Settings for the module's broker (or the one given) with a free web port and a data directory of
    their own under the test's tmp_path; the topics exist when it returns."""
    count = itertools.count()

    def make(broker: EmbeddedBroker | None = None, **overrides: Any) -> Settings:
        # The module's broker only when asked for: a test with brokers of its own starts no other.
        running: EmbeddedBroker = broker or request.getfixturevalue("broker")
        data_dir = tmp_path / f"data-{next(count)}"
        data_dir.mkdir()  # Faust creates only the last level of a worker's own directory below it
        return _settings(running.bootstrap, data_dir, **overrides)

    return make


class WorkerFactory(Protocol):
    def __call__(
        self,
        name: str = "worker",
        *,
        settings: Settings | None = None,
        extra_env: dict[str, str] | None = None,
        ready: bool = True,
        stop_timeout: float = 30.0,
        **overrides: Any,
    ) -> WorkerProcess: ...


def _start(
    started: contextlib.ExitStack,
    settings: Settings,
    log: Path,
    extra_env: dict[str, str] | None,
    stop_timeout: float,
) -> WorkerProcess:
    """A worker process whose stop is registered before anything can fail; returns once /metrics answers."""
    worker = WorkerProcess(settings, log, extra_env=extra_env)
    started.callback(worker.stop, stop_timeout)
    worker.wait_web(timeout=60)
    return worker


@pytest.fixture
def worker_factory(
    request: pytest.FixtureRequest, tmp_path: Path, broker_factory: BrokerFactory
) -> Iterator[WorkerFactory]:
    """Starts `newsevents worker` processes and stops every one it started at teardown, in reverse order,
    also when the test failed. A worker takes the module's settings (or `settings`) with `overrides` and
    a free web port; it returns once /readyz answers 200, or once /metrics does with `ready=False` (for
    input that should arrive while the worker joins its group). Its log is tmp_path/<name>.log.
    Depends on broker_factory so that workers stop before the brokers they use."""
    del broker_factory  # only for the teardown order
    with contextlib.ExitStack() as started:

        def start(
            name: str = "worker",
            *,
            settings: Settings | None = None,
            extra_env: dict[str, str] | None = None,
            ready: bool = True,
            stop_timeout: float = 30.0,
            **overrides: Any,
        ) -> WorkerProcess:
            base: Settings = settings if settings is not None else request.getfixturevalue("settings")
            own = base.model_copy(update={"web_port": free_port(), **overrides})
            worker = _start(started, own, tmp_path / f"{name}.log", extra_env, stop_timeout)
            if ready:
                wait_ready(worker)
            return worker

        yield start


@pytest.fixture(scope="module")
def worker(settings: Settings, tmp_path_factory: pytest.TempPathFactory) -> Iterator[WorkerProcess]:
    """One worker for a whole module, on the module's settings."""
    with contextlib.ExitStack() as started:
        yield _start(started, settings, tmp_path_factory.mktemp("logs") / "worker.log", None, 30.0)


def produce(settings: Settings, topic: str, values: list[bytes], key: bytes | None = None) -> None:
    """Produce with confluent-kafka (librdkafka), an independent client."""
    producer = Producer({"bootstrap.servers": settings.bootstrap_servers, "acks": "all"})
    for value in values:
        producer.produce(topic, value=value, key=key)
    assert producer.flush(30) == 0


class TopicReader:
    """Reads topics from the beginning with confluent-kafka, by direct assignment (no group join)."""

    def __init__(self, settings: Settings, topics: Sequence[str]) -> None:
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
        self.records: list[Record] = []
        #: (partition, offset, timestamp ms) of each record, in the order of `records`.
        self.positions: list[tuple[int, int, int]] = []
        self._closed = False

    def _keep(self, message: Message) -> None:
        topic, value, partition, offset = (
            message.topic(),
            message.value(),
            message.partition(),
            message.offset(),
        )
        # Set on every record read (None only on error events, which never get here).
        assert topic is not None and value is not None and partition is not None and offset is not None
        self.records.append((topic, message.key(), value))
        self.positions.append((partition, offset, message.timestamp()[1]))

    def poll_until(self, done: Callable[[list[Record]], bool], timeout: float) -> list[Record]:
        """Poll until done(records) is true or timeout; returns everything read so far."""
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline and not done(self.records):
            message = self.consumer.poll(0.5)
            if message is None:
                continue
            error = message.error()
            if error is not None:
                # _PARTITION_EOF is confluent-kafka's documented public constant for "end of partition"
                # (librdkafka's RD_KAFKA_RESP_ERR__PARTITION_EOF); the leading underscore marks errors
                # raised by the client itself, not by the broker, and there is no other name for it.
                assert error.code() == KafkaError._PARTITION_EOF, error  # noqa: SLF001
                continue
            self._keep(message)
        return self.records

    def drain(self, seconds: float) -> list[Record]:
        deadline = time.monotonic() + seconds
        while time.monotonic() < deadline:
            message = self.consumer.poll(0.2)
            if message is not None and not message.error():
                self._keep(message)
        return self.records

    def close(self) -> None:
        if not self._closed:
            self._closed = True
            self.consumer.close()


class ReaderFactory(Protocol):
    def __call__(self, topics: Sequence[str], settings: Settings | None = None) -> TopicReader: ...


@pytest.fixture
def topic_reader(request: pytest.FixtureRequest, broker_factory: BrokerFactory) -> Iterator[ReaderFactory]:
    """Topic readers on the module's broker (or that of `settings`), each closed at teardown; depends on
    broker_factory so that readers close before the brokers they read."""
    del broker_factory  # only for the teardown order
    with contextlib.ExitStack() as opened:

        def open_reader(topics: Sequence[str], settings: Settings | None = None) -> TopicReader:
            config: Settings = settings if settings is not None else request.getfixturevalue("settings")
            reader = TopicReader(config, topics)
            opened.callback(reader.close)
            return reader

        yield open_reader
