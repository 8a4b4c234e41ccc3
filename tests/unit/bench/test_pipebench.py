"""The pipeline benchmark's pure parts: its corpus, percentiles and which article an output answers."""

from __future__ import annotations

import base64

import orjson
import pytest

from stream.bench import pipeline
from stream.bench.pipeline import (
    FORWARDER,
    PIPELINE,
    PipelineBench,
    RunResult,
    _answered_id,
    _coder_alone,
    bench_messages,
    percentile,
)
from stream.ingest.raw import parse_raw
from stream.records.models import Article, EventRecord


def test_bench_messages_are_valid_raw_articles_with_distinct_ids() -> None:
    messages = bench_messages(30, 2700, seed=7, prefix="bench")
    assert len({m.article_id for m in messages}) == 30
    for message in messages:
        article = parse_raw(message.value)
        assert isinstance(article, Article)
        assert article.article_id == message.article_id
        assert 2700 <= len(article.text.encode()) < 3500
    assert bench_messages(30, 2700, seed=7, prefix="bench") == messages


def test_percentile_is_nearest_rank() -> None:
    values = [float(v) for v in range(1, 101)]
    assert percentile(values, 50) == 50.0
    assert percentile(values, 99) == 99.0
    assert percentile(values, 100) == 100.0
    assert percentile([3.0, 1.0, 2.0], 50) == 2.0
    assert percentile([7.0], 99) == 7.0


def test_outputs_are_traced_back_to_their_article() -> None:
    assert _answered_id(FORWARDER, b"bench-3", b"anything") == "bench-3"
    mention = orjson.dumps({"event_id": "e1", "article_id": "bench-4", "url": "u"})
    assert _answered_id(PIPELINE, b"e1|bench-4", mention) == "bench-4"
    notice = orjson.dumps({"article_id": "bench-5", "duplicate_of": "bench-1", "kind": "exact"})
    assert _answered_id(PIPELINE, b"k", notice) == "bench-5"
    dead = orjson.dumps({"reason": "missing_text", "key_b64": base64.b64encode(b"bench-6").decode()})
    assert _answered_id(PIPELINE, None, dead) == "bench-6"
    assert _answered_id(PIPELINE, None, orjson.dumps({"reason": "binary_content"})) is None


def test_run_summary_reports_rate_and_latency_percentiles() -> None:
    run = RunResult(PIPELINE, 200, None, 4.0, [0.01 * i for i in range(1, 101)], unanswered=0)
    summary = run.summary()
    assert summary["articles_per_second"] == 50.0
    assert summary["latency_p50_ms"] == 500.0
    assert summary["latency_p99_ms"] == 990.0
    assert summary["offered_rate"] is None


def test_the_pipeline_is_measured_against_the_coder_alone_and_two_workers_against_one() -> None:
    def run(kind: str, articles_per_second: float, workers: int = 1) -> RunResult:
        return RunResult(kind, 100, None, 100 / articles_per_second, [0.01], 0, workers=workers)

    bench = PipelineBench(
        forwarder_max=run(FORWARDER, 4000),
        pipeline_max=run(PIPELINE, 100),
        forwarder_half=run(FORWARDER, 2000),
        pipeline_half=run(PIPELINE, 50),
        fanout_max=run(FORWARDER, 400),
        fanout_records=26,
        coded_events=1300,
        article_bytes=2900,
        coder_alone_per_second=500.0,
        pipeline_two_workers=run(PIPELINE, 150, workers=2),
    )
    assert bench.coder_ratio == 0.2
    assert bench.two_worker_speedup == 1.5
    summary = bench.summary()
    assert summary["coder_ratio"] == 0.2 and summary["two_worker_speedup"] == 1.5
    runs = summary["runs"]
    assert isinstance(runs, list) and runs[-1]["workers"] == 2


def test_the_coder_alone_is_timed_after_its_warm_up(monkeypatch: pytest.MonkeyPatch) -> None:
    # The coder loads its lexicons on first use (seconds): timed with them, its rate would be low and the
    # pipeline's ratio to it flattering, while the worker's coding process warms up before it is ready.
    calls: list[str] = []
    clock = iter(range(100))

    def extract_events(article: Article) -> list[EventRecord]:
        calls.append(article.article_id.split("-")[0])
        return []

    def perf_counter() -> float:
        calls.append("clock")
        return float(next(clock))

    monkeypatch.setattr(pipeline, "extract_events", extract_events)
    monkeypatch.setattr("stream.bench.pipeline.time.perf_counter", perf_counter)
    warmup = bench_messages(2, 300, seed=1, prefix="warmup")
    messages = bench_messages(3, 300, seed=2, prefix="bench")
    events, rate = _coder_alone(messages, warmup)
    assert calls == ["warmup", "warmup", "clock", "bench", "bench", "bench", "clock"]
    assert (events, rate) == (0, 3.0)
