"""Dedup state on a real worker stays within NEWSEVENTS_DEDUP_MAX_ENTRIES, also after a restart."""

from __future__ import annotations

import time

import pytest

from stream.config.settings import Settings
from stream.devtools.devrun import WorkerProcess, read_counters
from tests.integration.conftest import WorkerFactory, produce
from tests.support import distinct_event_articles, wait_drained

pytestmark = pytest.mark.integration
BOUND = 40


def _state(worker: WorkerProcess) -> tuple[dict[str, float], dict[str, float]]:
    time.sleep(2.5)  # the state gauges are refreshed by the worker's 1 s monitor tick
    samples = read_counters(worker.metrics_url)
    entries = {
        dict(lab)["table"]: v for (n, lab), v in samples.items() if n == "newsevents_dedup_state_entries"
    }
    evicted = {
        dict(lab)["table"]: v
        for (n, lab), v in samples.items()
        if n == "newsevents_dedup_state_evictions_total"
    }
    return entries, evicted


def test_state_stays_within_its_bound_and_after_restart(
    settings: Settings, worker_factory: WorkerFactory
) -> None:
    env = {"NEWSEVENTS_DEDUP_MAX_ENTRIES": str(BOUND)}
    articles = distinct_event_articles(300)
    worker = worker_factory("first", extra_env=env)
    produce(settings, settings.topics.raw, articles)
    wait_drained(worker, len(articles), timeout=120)
    entries, evicted = _state(worker)
    worker.stop()  # before the restart: one worker at a time
    for table in ("article-seen", "events-diplomatic", "mentions", "event-stats"):
        assert 0 < entries[table] <= BOUND, (table, entries)
        assert evicted[table] >= len(articles) - BOUND, (table, evicted)  # every key beyond the bound left

    # A restart restores every key from the changelogs; the worker trims them back to the bound.
    again = worker_factory("second", extra_env=env)
    produce(settings, settings.topics.raw, distinct_event_articles(5, offset=1000))
    wait_drained(again, 5, timeout=120)
    entries, _evicted = _state(again)
    for table in ("article-seen", "events-diplomatic", "mentions", "event-stats"):
        assert 0 < entries[table] <= BOUND, (table, entries)
