"""Dedup state survives a worker restart (table restored from its changelog); produce/tail CLIs work."""

from __future__ import annotations

from pathlib import Path

import orjson
import pytest
from click.testing import CliRunner

from stream.cli import main
from stream.devrun import WorkerProcess, read_counters
from stream.settings import Settings
from tests.integration.conftest import TopicReader
from tests.support import wait_drained

pytestmark = pytest.mark.integration


def _env(settings: Settings) -> dict[str, str]:
    return {"NEWSEVENTS_BOOTSTRAP_SERVERS": settings.bootstrap_servers}


def test_resent_article_is_still_a_duplicate_after_restart(
    settings: Settings, seed_path: Path, tmp_path: Path
) -> None:
    runner = CliRunner()
    first = WorkerProcess(settings, tmp_path / "first.log")
    try:
        first.wait_web(60)
        result = runner.invoke(main, ["produce", str(seed_path)], env=_env(settings))
        assert result.exit_code == 0, result.output
        wait_drained(first, produced=1)
        assert read_counters(first.metrics_url)[("newsevents_articles_total", (("outcome", "new"),))] == 1
    finally:
        assert first.stop() == 0

    second = WorkerProcess(settings, tmp_path / "second.log")
    try:
        second.wait_web(60)
        result = runner.invoke(main, ["produce", str(seed_path)], env=_env(settings))
        assert result.exit_code == 0, result.output
        wait_drained(second, produced=1)  # this worker consumes only the new record (offsets were committed)
        samples = read_counters(second.metrics_url)
        assert samples.get(("newsevents_duplicates_total", (("kind", "exact"), ("layer", "article")))) == 1
        assert ("newsevents_articles_total", (("outcome", "new"),)) not in samples
    finally:
        assert second.stop() == 0

    reader = TopicReader(settings, [settings.topics.duplicates])
    try:
        notices = reader.poll_until(lambda rs: len(rs) >= 1, timeout=20)
        assert [orjson.loads(v)["kind"] for _t, _k, v in notices] == ["exact"]
    finally:
        reader.close()


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
