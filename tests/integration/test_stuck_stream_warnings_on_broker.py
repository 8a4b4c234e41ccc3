"""Faust's stuck-stream errors: none for the output topics the tables write, still one for a stuck input."""

from __future__ import annotations

import re
import time
from pathlib import Path

import pytest

from tests.integration.conftest import BrokerFactory, SettingsFactory, WorkerFactory, produce
from tests.support import distinct_event_articles, wait_drained

pytestmark = pytest.mark.integration

STUCK_SECONDS = 3
# Faust's two messages for a partition with records its stream does not take.
_STUCK = re.compile(
    r"Stream (?:has not started processing|stopped processing, or is slow for) TP\(topic='([^']+)'"
)


def _stuck_topics(log: Path) -> set[str]:
    return set(_STUCK.findall(log.read_text()))


def test_the_output_topics_the_tables_write_raise_no_stuck_stream_error_but_a_stuck_input_still_does(
    broker_factory: BrokerFactory,
    settings_factory: SettingsFactory,
    worker_factory: WorkerFactory,
    tmp_path: Path,
) -> None:
    settings = settings_factory(broker_factory())
    topics = settings.topics
    pause = tmp_path / "pause"
    worker = worker_factory(
        settings=settings,
        extra_env={
            "NEWSEVENTS_STUCK_STREAM_WARNING_SECONDS": str(STUCK_SECONDS),
            "NEWSEVENTS_PAUSE_FILE": str(pause),
        },
    )
    produce(settings, topics.raw, distinct_event_articles(20))
    wait_drained(worker, produced=20)
    # Faust checks every 2.5 s (commit interval x 2.5): several checks past the timeout, with records
    # written to every output topic after the worker started.
    time.sleep(STUCK_SECONDS + 4 * 2.5)
    outputs = {topics.diplomatic, topics.conflict, topics.mentions, topics.stats}
    assert _stuck_topics(worker.log_path) & outputs == set()

    # An input whose agent takes nothing is still reported: more records than the stream buffers
    # (4,096), so the consumer stops fetching behind them.
    pause.touch()
    produce(settings, topics.raw, [b"{}"] * 6_000, key=b"one-partition")
    deadline = time.monotonic() + STUCK_SECONDS + 30
    while topics.raw not in _stuck_topics(worker.log_path):
        assert time.monotonic() < deadline, f"no stuck-stream error for {topics.raw}; log {worker.log_path}"
        time.sleep(1)
    assert _stuck_topics(worker.log_path) & outputs == set()
