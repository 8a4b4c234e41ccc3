"""`bench pipeline` says how a run is going while it waits for the worker, not only when a run ends."""

from __future__ import annotations

import asyncio
import time
from types import SimpleNamespace
from typing import Any, cast

import pytest
from click.testing import CliRunner

from stream.bench import pipeline
from stream.bench.pipeline import FORWARDER, _OutputReader, _wait_done
from stream.cli import main
from stream.config.settings import Settings


def test_a_run_reports_how_many_articles_are_answered_while_it_waits(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(pipeline, "PROGRESS_EVERY_SECONDS", 0.0)
    worker = cast(Any, SimpleNamespace(process=SimpleNamespace(poll=lambda: None)))
    reader = _OutputReader(FORWARDER, Settings())  # never started: the test answers for it
    ids = ["a", "b", "c"]
    lines: list[str] = []

    async def answer() -> None:
        for article_id in ids:
            await asyncio.sleep(0.8)
            reader.last_ms[article_id] = 1
            reader.last_arrival = time.monotonic() - 10  # settled at once

    async def run() -> None:
        answering = asyncio.create_task(answer())
        await _wait_done(FORWARDER, [worker], reader, ids, len(ids), budget=30, progress=lines.append)
        await answering

    asyncio.run(run())
    counts = [line.split()[1] for line in lines]
    assert lines and all(
        line.startswith("forwarder: ") and " articles answered after " in line for line in lines
    )
    assert counts[0] == "0/3" and {"1/3", "2/3"} <= set(counts)


def test_bench_pipeline_passes_progress_to_stderr(monkeypatch: pytest.MonkeyPatch) -> None:
    seen: dict[str, object] = {}

    def fake_bench(*_args: object, on_run: object, on_progress: Any) -> None:
        seen["progress"] = on_progress
        on_progress("pipeline max: 10/3000 articles answered after 5 s")
        raise SystemExit(0)

    monkeypatch.setattr(pipeline, "run_pipeline_bench", fake_bench)
    result = CliRunner().invoke(main, ["bench", "pipeline", "--articles", "3000"])
    assert result.stderr == "newsevents: pipeline max: 10/3000 articles answered after 5 s\n"
    assert callable(seen["progress"])
