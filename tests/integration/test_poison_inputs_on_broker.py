"""Nothing a producer sends stops a partition: oversized inputs and slow articles on the real broker."""

from __future__ import annotations

import base64
import hashlib
import threading
import time
import urllib.error
import urllib.request
from pathlib import Path

import orjson
import pytest
from confluent_kafka import Producer

from stream.config.settings import Settings
from stream.devtools.devrun import WorkerProcess, read_counters
from tests.integration.conftest import BrokerFactory, ReaderFactory, Record, SettingsFactory, WorkerFactory

pytestmark = pytest.mark.integration

ONE_PARTITION = b"one-partition"  # every input of a test on one raw partition, in order


def _produce_large(settings: Settings, values: list[bytes]) -> None:
    """Produce with confluent-kafka, records up to 2 MB (librdkafka's own limit is 1,000,000 bytes)."""
    producer = Producer({"bootstrap.servers": settings.bootstrap_servers, "message.max.bytes": 2_000_000})
    for value in values:
        producer.produce(settings.topics.raw, value=value, key=ONE_PARTITION)
    assert producer.flush(30) == 0


def _valid(article_id: str, text: str) -> bytes:
    return orjson.dumps({"id": article_id, "published": "2026-12-01", "text": text})


def _of(records: list[Record], topic: str) -> list[dict[str, object]]:
    return [orjson.loads(value) for t, _key, value in records if t == topic]


def _mentioned(records: list[Record], settings: Settings) -> set[object]:
    return {m["article_id"] for m in _of(records, settings.topics.mentions)}


class _HealthWatch(threading.Thread):
    """Asks /healthz every 0.5 s (as a liveness probe would) until stopped; keeps every status."""

    def __init__(self, worker: WorkerProcess) -> None:
        super().__init__(daemon=True)
        self.url = f"http://127.0.0.1:{worker.settings.web_port}/healthz"
        self.statuses: list[int | None] = []
        self.done = threading.Event()

    def run(self) -> None:
        while not self.done.is_set():
            try:
                with urllib.request.urlopen(self.url, timeout=3) as response:
                    self.statuses.append(response.status)
            except urllib.error.HTTPError as error:
                self.statuses.append(error.code)
            except OSError:
                self.statuses.append(None)  # no answer within 3 s
            time.sleep(0.5)

    def stop(self) -> list[int | None]:
        self.done.set()
        self.join(10)
        return self.statuses


def test_an_input_over_every_limit_is_dead_lettered_within_the_request_size_and_the_partition_goes_on(
    broker_factory: BrokerFactory,
    settings_factory: SettingsFactory,
    worker_factory: WorkerFactory,
    topic_reader: ReaderFactory,
    seed_path: Path,
) -> None:
    settings = settings_factory(broker_factory())  # a broker of its own: every dead letter is this test's
    topics = settings.topics
    # A generous budget: this test is about sizes, the 1 MB article must be coded.
    worker = worker_factory(settings=settings, extra_env={"NEWSEVENTS_CODING_BUDGET_SECONDS": "120"})
    reader = topic_reader([topics.dlq, topics.articles, topics.mentions], settings)
    seed_text = seed_path.read_text().split("\n", 1)[1]
    oversize = orjson.dumps({"id": "oversize-1", "text": "Kenya met Somalia. " * 60_000})  # 1.14 MB
    big_text = seed_text * (1_030_000 // len(seed_text.encode()))  # under the 1 MiB input limit
    big = _valid("big-1", big_text)
    before, after = (
        _valid("before-1", seed_text),
        _valid("after-1", "France condemned the Syrian government."),
    )
    watch = _HealthWatch(worker)
    watch.start()
    _produce_large(settings, [before, oversize, big, after])
    records = reader.poll_until(
        lambda rs: {"before-1", "big-1", "after-1"} <= _mentioned(rs, settings), timeout=120
    )
    statuses = watch.stop()
    assert {"before-1", "big-1", "after-1"} <= _mentioned(records, settings)

    # The oversize input: one dead letter that fits, with its size, hash and way back.
    [letter] = [d for d in _of(records, topics.dlq) if d["reason"] == "too_large"]
    assert len(orjson.dumps(letter)) < settings.producer_max_request_bytes
    assert (letter["value_bytes"], letter["value_truncated"]) == (len(oversize), True)
    assert letter["value_sha256"] == hashlib.sha256(oversize).hexdigest()
    kept = base64.b64decode(str(letter["value_b64"]))
    assert kept == oversize[: settings.dead_letter_max_value_bytes]
    assert letter["origin"]["topic"] == topics.raw  # type: ignore[index]
    assert [d["reason"] for d in _of(records, topics.dlq)] == ["too_large"]  # nothing else failed

    # The valid 1 MB article: cut to fit one record, flagged, coded.
    [article] = [a for a in _of(records, topics.articles) if a["article_id"] == "big-1"]
    assert article["truncated_from_bytes"] == len(big_text.strip().encode())
    assert big_text.strip().startswith(str(article["text"]))
    assert len(orjson.dumps(article)) < settings.producer_max_request_bytes

    # No agent crashed, nothing was read twice, health answered throughout.
    assert set(statuses) == {200}
    log = worker.log_path.read_text()
    assert "Crashed reason=" not in log
    counters = read_counters(worker.metrics_url)
    forwarded = [str(a["article_id"]) for a in _of(reader.drain(2.0), topics.articles)]
    assert sorted(forwarded) == ["after-1", "before-1", "big-1"]
    assert sum(v for (n, _l), v in counters.items() if n == "newsevents_articles_truncated_total") == 1


def test_an_article_over_the_coding_budget_costs_one_dead_letter_and_the_worker_keeps_answering(
    broker_factory: BrokerFactory,
    settings_factory: SettingsFactory,
    worker_factory: WorkerFactory,
    topic_reader: ReaderFactory,
    seed_path: Path,
) -> None:
    settings = settings_factory(broker_factory())
    topics = settings.topics
    # 0.1 s: the 750 KB article below takes 0.36 s compiled (seconds in pure Python), a short one 1 ms.
    worker = worker_factory(settings=settings, extra_env={"NEWSEVENTS_CODING_BUDGET_SECONDS": "0.1"})
    reader = topic_reader([topics.dlq, topics.mentions], settings)
    seed_text = seed_path.read_text().split("\n", 1)[1]
    slow = _valid("slow-1", seed_text * 300)  # about 750 KB of text
    after = _valid("after-2", "France condemned the Syrian government.")
    watch = _HealthWatch(worker)
    watch.start()
    _produce_large(settings, [slow, after])
    records = reader.poll_until(lambda rs: "after-2" in _mentioned(rs, settings), timeout=90)
    records = reader.drain(3.0)
    statuses = watch.stop()
    letters = _of(records, topics.dlq)
    assert [(d["reason"], d["origin"]["topic"]) for d in letters] == [  # type: ignore[index]
        ("coding_timeout", topics.articles)
    ]
    assert "slow-1" not in _mentioned(records, settings) and "after-2" in _mentioned(records, settings)
    assert set(statuses) == {200}  # coding happens off the event loop
    counters = read_counters(worker.metrics_url)
    assert sum(v for (n, _l), v in counters.items() if n == "newsevents_coder_restarts_total") == 1
    assert "Crashed reason=" not in worker.log_path.read_text()
