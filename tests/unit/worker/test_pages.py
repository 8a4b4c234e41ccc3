"""What the health pages answer for a verdict, and the exposition type /metrics declares."""

from __future__ import annotations

import orjson

from stream.worker.health import ProgressTracker, Verdict, WorkerState
from stream.worker.pages import METRICS_TYPE, verdict_answer


def test_a_healthy_verdict_answers_200_with_status_ok() -> None:
    body, status = verdict_answer(Verdict(True, []))
    assert status == 200
    assert orjson.loads(body) == {"status": "ok", "reasons": []}


def test_a_failed_verdict_answers_503_with_its_reasons() -> None:
    state = WorkerState(ProgressTracker(30), last_tick=0.0)
    body, status = verdict_answer(state.readiness(recovering=True, crashed_agents=[], now=0))
    assert status == 503
    assert orjson.loads(body) == {
        "status": "fail",
        "reasons": ["no partitions assigned", "table recovery in progress"],
    }


def test_metrics_are_served_as_prometheus_text_without_a_charset() -> None:
    # aiohttp rejects a charset inside content_type; Prometheus parses the bare text format 0.0.4.
    assert METRICS_TYPE == "text/plain; version=0.0.4"
