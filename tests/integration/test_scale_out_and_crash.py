"""Scale-out and crashes: two workers give one worker's output; SIGKILLs lose and duplicate nothing."""

from __future__ import annotations

import collections
import random
import time
from collections.abc import Callable

import orjson
import pytest

from stream.devtools.broker import EmbeddedBroker
from stream.devtools.devrun import WorkerProcess
from stream.extract import extract_events
from stream.ingest.raw import parse_raw
from stream.records.models import Article
from tests.integration.conftest import (
    BrokerFactory,
    ReaderFactory,
    Record,
    SettingsFactory,
    TopicReader,
    WorkerFactory,
    produce,
)
from tests.support import consumed, distinct_event_articles, wait_ready

pytestmark = pytest.mark.integration
PARTITIONS = 8


def _corpus(total: int = 2000, duplicate_share: float = 0.3) -> list[bytes]:
    """Distinct articles plus 30% copies: exact redeliveries and syndicated copies under new ids."""
    rng = random.Random(42)
    distinct = distinct_event_articles(int(total * (1 - duplicate_share)))
    copies: list[bytes] = []
    while len(distinct) + len(copies) < total:
        original = orjson.loads(rng.choice(distinct))
        if rng.random() < 0.5:
            copies.append(orjson.dumps(original))  # exact redelivery
        else:
            original["id"] = f"{original['id']}-copy-{len(copies)}"
            original["source"] = "syndicator"
            copies.append(orjson.dumps(original))
    corpus = distinct + copies
    rng.shuffle(corpus)
    return corpus


def _expected(corpus: list[bytes]) -> tuple[set[str], set[tuple[str, str]]]:
    events: set[str] = set()
    mentions: set[tuple[str, str]] = set()
    for raw in corpus:
        article = parse_raw(raw)
        assert isinstance(article, Article)
        for event in extract_events(article):
            events.add(event.event_id)
            mentions.add((event.event_id, article.article_id))
    return events, mentions


class _Cluster:
    """A broker of its own with PARTITIONS partitions a topic, its workers and its readers."""

    def __init__(
        self,
        broker: EmbeddedBroker,
        settings_factory: SettingsFactory,
        worker_factory: WorkerFactory,
        topic_reader: ReaderFactory,
        name: str,
    ) -> None:
        self.broker = broker
        self.settings = settings_factory(broker, partitions=PARTITIONS)
        self._start_worker = worker_factory
        self._open_reader = topic_reader
        self.name = name

    def worker(self, name: str) -> WorkerProcess:
        """A worker of the group with a data directory of its own; returns once /metrics answers (the
        tests wait for readiness themselves, of every member together)."""
        return self._start_worker(
            f"{self.name}-{name}", settings=self.settings, data_dir=self.settings.data_dir / name, ready=False
        )

    def reader(self, topics: list[str]) -> TopicReader:
        return self._open_reader(topics, settings=self.settings)


@pytest.fixture
def cluster(
    broker_factory: BrokerFactory,
    settings_factory: SettingsFactory,
    worker_factory: WorkerFactory,
    topic_reader: ReaderFactory,
) -> Callable[[str], _Cluster]:
    """Clusters on fresh brokers; the factories stop their workers, readers and brokers at teardown."""
    return lambda name: _Cluster(broker_factory(), settings_factory, worker_factory, topic_reader, name)


def _collect(
    cluster: _Cluster, expected_events: set[str], expected_mentions: set[tuple[str, str]], timeout: float
) -> tuple[list[str], list[tuple[str, str]]]:
    topics = cluster.settings.topics
    reader = cluster.reader([topics.diplomatic, topics.conflict, topics.mentions])

    def done(records: list[Record]) -> bool:
        events = {orjson.loads(v)["event_id"] for t, _k, v in records if t != topics.mentions}
        pairs = {
            (m["event_id"], m["article_id"])
            for t, _k, v in records
            if t == topics.mentions
            for m in [orjson.loads(v)]
        }
        return events >= expected_events and pairs >= expected_mentions

    records = reader.poll_until(done, timeout)
    records = reader.drain(5.0)  # anything published twice would show up now
    reader.close()
    event_ids = [orjson.loads(v)["event_id"] for t, _k, v in records if t != topics.mentions]
    pairs = [
        (m["event_id"], m["article_id"])
        for t, _k, v in records
        if t == topics.mentions
        for m in [orjson.loads(v)]
    ]
    return event_ids, pairs


def _assert_exactly(
    event_ids: list[str], pairs: list[tuple[str, str]], events: set[str], mentions: set[tuple[str, str]]
) -> None:
    repeated = [e for e, n in collections.Counter(event_ids).items() if n > 1]
    assert not repeated, f"{len(repeated)} event ids published twice"
    assert set(event_ids) == events, f"lost {len(events - set(event_ids))} events"
    assert max(collections.Counter(pairs).values()) == 1, "a mention was published twice"
    assert set(pairs) == mentions, f"lost {len(mentions - set(pairs))} mentions"


def test_two_workers_produce_what_one_worker_produces(cluster: Callable[[str], _Cluster]) -> None:
    corpus = _corpus()
    events, mentions = _expected(corpus)
    assert len(events) == 1400 and len(mentions) > len(events)
    outputs = []
    for workers in (1, 2):
        run = cluster(f"{workers}-workers")
        group = [run.worker(f"w{i}") for i in range(workers)]
        for worker in group:  # every member holds partitions before the input arrives
            wait_ready(worker)
        produce(run.settings, run.settings.topics.raw, corpus)
        event_ids, pairs = _collect(run, events, mentions, timeout=240)
        for worker in group:  # this run's processes end before the next run starts
            worker.stop()
        run.broker.stop()
        _assert_exactly(event_ids, pairs, events, mentions)
        outputs.append((sorted(event_ids), sorted(pairs)))
    assert outputs[0] == outputs[1]


def _kill_cycles(kills: int, run: _Cluster) -> None:
    corpus = _corpus()
    events, mentions = _expected(corpus)
    steady = run.worker("steady")
    victim = run.worker("victim-0")
    chunks = [corpus[i :: kills + 1] for i in range(kills + 1)]
    for cycle, chunk in enumerate(chunks):
        wait_ready(steady)
        wait_ready(victim)  # a full group member with partitions of its own
        before = consumed(victim)
        produce(run.settings, run.settings.topics.raw, chunk)
        if cycle < kills:
            deadline = time.monotonic() + 60
            while consumed(victim) < before + 50:  # mid-stream: the victim is busy with this chunk
                assert time.monotonic() < deadline, "victim never got work"
                time.sleep(0.05)
            victim.kill()  # SIGKILL: no commit, no flush, no goodbye
            victim = run.worker(f"victim-{cycle + 1}")
    event_ids, pairs = _collect(run, events, mentions, timeout=300)
    _assert_exactly(event_ids, pairs, events, mentions)


@pytest.mark.slow
def test_sigkill_mid_stream_loses_and_duplicates_nothing(cluster: Callable[[str], _Cluster]) -> None:
    _kill_cycles(1, cluster("kill-once"))


@pytest.mark.slow
def test_repeated_sigkills_lose_and_duplicate_nothing(cluster: Callable[[str], _Cluster]) -> None:
    _kill_cycles(3, cluster("kill-thrice"))
