"""The RocksDB store (faust-streaming + rocksdict): state on disk survives a restart, and a worker with an
empty disk restores it from the changelogs."""

from __future__ import annotations

import orjson
import pytest

from stream.config.settings import Settings
from stream.devtools.devrun import WorkerProcess, read_counters
from tests.integration.conftest import ReaderFactory, SettingsFactory, WorkerFactory, produce
from tests.support import distinct_event_articles, wait_drained

pytestmark = pytest.mark.integration


def _articles_by_outcome(worker: WorkerProcess) -> dict[str, float]:
    samples = read_counters(worker.metrics_url)
    return {dict(lab)["outcome"]: v for (n, lab), v in samples.items() if n == "newsevents_articles_total"}


def _run(start: WorkerFactory, name: str, settings: Settings, batch: list[bytes]) -> dict[str, float]:
    worker = start(name, settings=settings)
    produce(settings, settings.topics.raw, batch)
    wait_drained(worker, len(batch), timeout=120)
    outcomes = _articles_by_outcome(worker)
    assert worker.stop() == 0
    return outcomes


def test_rocksdb_state_survives_restart_and_restores_from_changelog(
    settings_factory: SettingsFactory, worker_factory: WorkerFactory, topic_reader: ReaderFactory
) -> None:
    on_disk = settings_factory(store="rocksdb://")
    first = distinct_event_articles(30, offset=5000)
    fresh = distinct_event_articles(5, offset=6000)

    assert _run(worker_factory, "first", on_disk, first) == {"new": 30}
    databases = list(on_disk.data_dir.rglob("CURRENT"))  # one RocksDB directory per table partition
    assert databases, "the worker wrote no RocksDB database"

    # Same disk: the state is read from RocksDB; re-sent articles are duplicates, new ones are new.
    # (A restarted Faust worker may also replay records it had already committed: those are duplicates
    # too, hence "at least".)
    second = _run(worker_factory, "second", on_disk, first + fresh)
    assert second["new"] == 5 and second["duplicate"] >= 30, second

    # Empty disk: the state is restored from the changelog topics into RocksDB.
    elsewhere = settings_factory(store="rocksdb://")
    third = _run(worker_factory, "third", elsewhere, first + fresh)
    assert "new" not in third and third["duplicate"] >= 35, third
    assert list(elsewhere.data_dir.rglob("CURRENT"))

    reader = topic_reader([on_disk.topics.diplomatic, on_disk.topics.conflict])
    records = reader.poll_until(lambda rs: len(rs) >= 35, timeout=30)
    records = reader.drain(2.0)
    ids = [orjson.loads(v)["event_id"] for _t, _k, v in records]  # this module's broker: only these
    assert len(ids) == 35 and len(set(ids)) == 35  # each event published once across three workers
