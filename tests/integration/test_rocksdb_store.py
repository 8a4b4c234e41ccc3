"""The RocksDB store (faust-streaming + rocksdict): state on disk survives a restart, and a worker with an
empty disk restores it from the changelogs."""

from __future__ import annotations

from pathlib import Path

import orjson
import pytest

from stream.config.settings import Settings
from stream.devtools.devrun import WorkerProcess, read_counters
from tests.integration.conftest import TopicReader, produce
from tests.support import distinct_event_articles, wait_drained

pytestmark = pytest.mark.integration


def _articles_by_outcome(worker: WorkerProcess) -> dict[str, float]:
    samples = read_counters(worker.metrics_url)
    return {dict(lab)["outcome"]: v for (n, lab), v in samples.items() if n == "newsevents_articles_total"}


def _run(settings: Settings, log: Path, batch: list[bytes]) -> dict[str, float]:
    worker = WorkerProcess(settings, log)
    try:
        worker.wait_web(60)
        produce(settings, settings.topics.raw, batch)
        wait_drained(worker, len(batch), timeout=120)
        return _articles_by_outcome(worker)
    finally:
        assert worker.stop() == 0


def test_rocksdb_state_survives_restart_and_restores_from_changelog(
    settings: Settings, tmp_path: Path
) -> None:
    on_disk = settings.model_copy(update={"store": "rocksdb://", "data_dir": tmp_path / "disk"})
    first = distinct_event_articles(30, offset=5000)
    fresh = distinct_event_articles(5, offset=6000)

    assert _run(on_disk, tmp_path / "first.log", first) == {"new": 30}
    databases = list((tmp_path / "disk").rglob("CURRENT"))  # one RocksDB directory per table partition
    assert databases, "the worker wrote no RocksDB database"

    # Same disk: the state is read from RocksDB; re-sent articles are duplicates, new ones are new.
    # (A restarted Faust worker may also replay records it had already committed: those are duplicates
    # too, hence "at least".)
    second = _run(on_disk, tmp_path / "second.log", first + fresh)
    assert second["new"] == 5 and second["duplicate"] >= 30, second

    # Empty disk: the state is restored from the changelog topics into RocksDB.
    elsewhere = on_disk.model_copy(update={"data_dir": tmp_path / "other-disk"})
    third = _run(elsewhere, tmp_path / "third.log", first + fresh)
    assert "new" not in third and third["duplicate"] >= 35, third
    assert list((tmp_path / "other-disk").rglob("CURRENT"))

    topics = settings.topics
    reader = TopicReader(settings, [topics.diplomatic, topics.conflict])
    try:
        records = reader.poll_until(lambda rs: len(rs) >= 35, timeout=30)
        records = reader.drain(2.0)
    finally:
        reader.close()
    ids = [orjson.loads(v)["event_id"] for _t, _k, v in records]  # this module's broker: only these
    assert len(ids) == 35 and len(set(ids)) == 35  # each event published once across three workers
