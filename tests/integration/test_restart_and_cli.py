"""Dedup state survives a worker restart (table restored from its changelog); produce/tail CLIs work."""

from __future__ import annotations

import functools
from pathlib import Path

import orjson
import pytest
from click.testing import CliRunner

from stream.cli import main
from stream.config.settings import Settings
from stream.devtools.devrun import read_counters
from stream.extract import extract_events
from stream.ingest.raw import parse_raw
from stream.records.models import Article
from tests.integration.conftest import ReaderFactory, Record, WorkerFactory, produce
from tests.support import distinct_event_articles, wait_drained

pytestmark = pytest.mark.integration


def _env(settings: Settings) -> dict[str, str]:
    return {"NEWSEVENTS_BOOTSTRAP_SERVERS": settings.bootstrap_servers}


def test_resent_article_is_still_a_duplicate_after_restart(
    settings: Settings, worker_factory: WorkerFactory, topic_reader: ReaderFactory, seed_path: Path
) -> None:
    runner = CliRunner()
    first = worker_factory("first")
    result = runner.invoke(main, ["produce", str(seed_path)], env=_env(settings))
    assert result.exit_code == 0, result.output
    wait_drained(first, produced=1)
    assert read_counters(first.metrics_url)[("newsevents_articles_total", (("outcome", "new"),))] == 1
    assert first.stop() == 0

    second = worker_factory("second")
    result = runner.invoke(main, ["produce", str(seed_path)], env=_env(settings))
    assert result.exit_code == 0, result.output
    # The re-sent copy is the later of the two raw records; wait until this worker has turned it
    # into an article. (A restarted Faust worker may also replay the first record: at least once.)
    raw = topic_reader([settings.topics.raw])
    raw.poll_until(lambda rs: len(rs) >= 2, timeout=20)
    resent = max(raw.positions, key=lambda position: position[2])[:2]
    articles = topic_reader([settings.topics.articles])
    articles.poll_until(
        lambda rs: any(_origin(v) == resent for _t, _k, v in rs),
        timeout=60,
    )
    wait_drained(second, produced=1)
    samples = read_counters(second.metrics_url)
    consumed = samples[("newsevents_raw_messages_total", (("outcome", "article"),))]
    exact = ("newsevents_duplicates_total", (("kind", "exact"), ("layer", "article")))
    assert samples.get(exact) == consumed >= 1  # every article this worker saw was a duplicate
    assert ("newsevents_articles_total", (("outcome", "new"),)) not in samples
    assert second.stop() == 0

    reader = topic_reader([settings.topics.duplicates])
    notices = reader.poll_until(lambda rs: len(rs) >= 1, timeout=20)
    assert {orjson.loads(v)["kind"] for _t, _k, v in notices} == {"exact"}


def _origin(article: bytes) -> tuple[int, int] | None:
    origin = orjson.loads(article).get("origin")
    return (origin["partition"], origin["offset"]) if origin else None


def test_tail_command_prints_readable_records(settings: Settings) -> None:
    result = CliRunner().invoke(
        main,
        ["tail", settings.topics.diplomatic, "--max-records", "2", "--timeout", "20"],
        env=_env(settings),
    )
    assert result.exit_code == 0, result.output
    lines = result.output.splitlines()
    assert len(lines) == 2
    assert all(line.startswith(f"[{settings.topics.diplomatic}] 2022-02-28 ") for line in lines)


def test_every_record_is_processed_across_repeated_restarts(
    settings: Settings, worker_factory: WorkerFactory, topic_reader: ReaderFactory
) -> None:
    """Each restart is a rebalance plus table recovery, where Faust can drop records it has already
    fetched (faust-streaming#596); the worker fetches them again, so every event still appears once."""
    topics = settings.topics
    expected: set[str] = set()
    reader = topic_reader([topics.diplomatic, topics.conflict])
    for run in range(4):
        batch = distinct_event_articles(30, offset=20_000 + 100 * run)
        expected |= {e.event_id for raw in batch for e in extract_events(_article(raw))}
        # Not waiting for readiness: the batch arrives while the worker joins and recovers.
        worker = worker_factory(f"run-{run}", ready=False)
        produce(settings, topics.raw, batch)
        records = reader.poll_until(functools.partial(_publishes_all, frozenset(expected)), timeout=90)
        missing = expected - _event_ids(records)
        assert not missing, f"run {run}: {len(missing)} events never published; {worker.log_path}"
        assert worker.stop() == 0
    records = reader.drain(2.0)
    ours = [i for i in _event_list(records) if i in expected]
    assert len(ours) == len(expected) == 120  # each published once


def _article(raw: bytes) -> Article:
    article = parse_raw(raw)
    assert isinstance(article, Article)
    return article


def _event_list(records: list[Record]) -> list[str]:
    return [orjson.loads(v)["event_id"] for _t, _k, v in records]


def _event_ids(records: list[Record]) -> set[str]:
    return set(_event_list(records))


def _publishes_all(wanted: frozenset[str], records: list[Record]) -> bool:
    return _event_ids(records) >= wanted
