"""Scale-out and crashes: two workers give one worker's output; SIGKILLs lose and duplicate nothing."""

from __future__ import annotations

import asyncio
import collections
import random
import tempfile
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import orjson
import pytest

from stream.config.settings import Settings
from stream.config.topics import ensure_topics
from stream.devtools.broker import EmbeddedBroker, free_port
from stream.devtools.devrun import WorkerProcess
from stream.extract import extract_events
from stream.ingest.raw import parse_raw
from stream.records.models import Article
from tests.integration.conftest import TopicReader, produce
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


@contextmanager
def _cluster(tmp: Path) -> Iterator[Settings]:
    with EmbeddedBroker() as broker:
        settings = Settings(
            bootstrap_servers=broker.bootstrap,
            web_port=0,
            partitions=PARTITIONS,
            session_timeout_seconds=10,
            data_dir=tmp,
            producer_max_batch_bytes=1,
        )
        asyncio.run(ensure_topics(settings))
        yield settings


def _worker(settings: Settings, tmp: Path, name: str) -> WorkerProcess:
    own = settings.model_copy(update={"web_port": free_port(), "data_dir": tmp / name})
    worker = WorkerProcess(own, tmp / f"{name}.log")
    worker.wait_web(60)
    return worker


def _collect(
    settings: Settings, expected_events: set[str], expected_mentions: set[tuple[str, str]], timeout: float
) -> tuple[list[str], list[tuple[str, str]]]:
    topics = settings.topics
    reader = TopicReader(settings, [topics.diplomatic, topics.conflict, topics.mentions])
    try:

        def done(records: list[tuple[str, bytes | None, bytes]]) -> bool:
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
    finally:
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


def test_two_workers_produce_what_one_worker_produces() -> None:
    corpus = _corpus()
    events, mentions = _expected(corpus)
    assert len(events) == 1400 and len(mentions) > len(events)
    outputs = []
    for workers in (1, 2):
        with tempfile.TemporaryDirectory() as tmpdir:
            tmp = Path(tmpdir)
            with _cluster(tmp) as settings:
                group = [_worker(settings, tmp, f"w{i}") for i in range(workers)]
                try:
                    for worker in group:  # every member holds partitions before the input arrives
                        wait_ready(worker)
                    produce(settings, settings.topics.raw, corpus)
                    event_ids, pairs = _collect(settings, events, mentions, timeout=240)
                finally:
                    for worker in group:
                        worker.stop()
        _assert_exactly(event_ids, pairs, events, mentions)
        outputs.append((sorted(event_ids), sorted(pairs)))
    assert outputs[0] == outputs[1]


def _kill_cycles(kills: int, tmp: Path) -> None:
    corpus = _corpus()
    events, mentions = _expected(corpus)
    with _cluster(tmp) as settings:
        steady = _worker(settings, tmp, "steady")
        victim = _worker(settings, tmp, "victim-0")
        try:
            chunks = [corpus[i :: kills + 1] for i in range(kills + 1)]
            for cycle, chunk in enumerate(chunks):
                wait_ready(steady)
                wait_ready(victim)  # a full group member with partitions of its own
                before = consumed(victim)
                produce(settings, settings.topics.raw, chunk)
                if cycle < kills:
                    deadline = time.monotonic() + 60
                    while consumed(victim) < before + 50:  # mid-stream: the victim is busy with this chunk
                        assert time.monotonic() < deadline, "victim never got work"
                        time.sleep(0.05)
                    victim.kill()  # SIGKILL: no commit, no flush, no goodbye
                    victim = _worker(settings, tmp, f"victim-{cycle + 1}")
            event_ids, pairs = _collect(settings, events, mentions, timeout=300)
        finally:
            steady.stop()
            victim.stop()
    _assert_exactly(event_ids, pairs, events, mentions)


@pytest.mark.slow
def test_sigkill_mid_stream_loses_and_duplicates_nothing(tmp_path: Path) -> None:
    _kill_cycles(1, tmp_path)


@pytest.mark.slow
def test_repeated_sigkills_lose_and_duplicate_nothing(tmp_path: Path) -> None:
    _kill_cycles(3, tmp_path)
