"""`newsevents bench pipeline` runs the forwarder, the pipeline (one and two workers) and the fan-out baseline
on fresh brokers, beside the coder alone."""

from __future__ import annotations

import subprocess
import sys

import orjson
import pytest

pytestmark = pytest.mark.integration


def _ratio_slack(numerator: float, denominator: float) -> float:
    """How far a ratio of two rates printed to 0.1 may be from the ratio of the unrounded rates (the
    summary's, printed to 0.001): slow runs on a loaded machine print small rates."""
    ratio = numerator / denominator
    return ratio * (0.05 / numerator + 0.05 / denominator) + 0.0005


def test_bench_pipeline_reports_every_run_and_the_ratios() -> None:
    command = ["bench", "pipeline", "--json", "--articles", "60", "--half-rate-seconds", "2"]
    result = subprocess.run(
        [sys.executable, "-m", "stream", *command],
        capture_output=True,
        timeout=400,
        check=False,
    )
    assert result.returncode == 0, result.stderr.decode()[-3000:]
    summary = orjson.loads(result.stdout)
    two = [r for r in summary["runs"] if r["workers"] == 2]
    runs = {(r["kind"], r["offered_rate"] is None): r for r in summary["runs"] if r["workers"] == 1}
    assert set(runs) == {
        ("forwarder", True),
        ("pipeline", True),
        ("forwarder", False),
        ("pipeline", False),
        ("fanout", True),
    }
    # The pipeline again with two workers in one group, and the coder alone over the same articles.
    assert [(r["kind"], r["articles"], r["unanswered"]) for r in two] == [("pipeline", 60, 0)]
    two_rate, one_rate = two[0]["articles_per_second"], runs[("pipeline", True)]["articles_per_second"]
    speedup = two_rate / one_rate
    assert summary["two_worker_speedup"] == pytest.approx(speedup, abs=_ratio_slack(two_rate, one_rate))
    coder = summary["coder_alone_articles_per_second"]
    assert isinstance(coder, float) and coder > 0
    ratio = runs[("pipeline", True)]["articles_per_second"] / coder
    assert summary["coder_ratio"] == pytest.approx(ratio, rel=0.01)
    for (kind, full_speed), run in runs.items():
        assert run["unanswered"] == 0, run  # every bench article has coded events
        assert 0 < run["latency_p50_ms"] <= run["latency_p99_ms"] <= run["latency_max_ms"]
        if full_speed:
            assert run["articles"] == 60
        else:  # paced at half of the same kind's measured maximum
            assert run["offered_rate"] == pytest.approx(
                runs[(kind, True)]["articles_per_second"] / 2, rel=0.01
            )
    pipeline_rate = runs[("pipeline", True)]["articles_per_second"]
    forwarder_rate = runs[("forwarder", True)]["articles_per_second"]
    ratio = pipeline_rate / forwarder_rate
    assert summary["throughput_ratio"] == pytest.approx(
        ratio, abs=_ratio_slack(pipeline_rate, forwarder_rate)
    )
    # The fan-out baseline sends an event and a mention per coded event: bench articles code about 13.
    assert 16 <= summary["fanout_records_per_article"] <= 40
    fanout_rate = runs[("fanout", True)]["articles_per_second"]
    fanout = fanout_rate / forwarder_rate
    assert summary["fanout_ratio"] == pytest.approx(fanout, abs=_ratio_slack(fanout_rate, forwarder_rate))
    assert runs[("fanout", True)]["output_records"] == 60 * summary["fanout_records_per_article"]
    assert runs[("forwarder", True)]["output_records"] == 60
    # The pipeline's answers are its mentions (no copies or bad input here): one per coded event.
    assert runs[("pipeline", True)]["output_records"] == summary["coded_events"]
    assert summary["fanout_records_per_article"] == round(2 * summary["coded_events"] / 60)
    # CPU per article of each role while the run was timed: the worker, its coding process, the broker.
    for run in (runs[("pipeline", True)], two[0]):
        used = run["cpu_ms_per_article"]
        assert set(used) == {"worker", "coding", "broker"} and all(ms > 0 for ms in used.values()), run
    assert "run done" in result.stderr.decode()  # progress, one line per run
