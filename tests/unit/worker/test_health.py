"""Readiness and liveness decisions: stalled vs idle partitions, reasons in plain words."""

from __future__ import annotations

import pytest

from stream.worker.health import (
    LoopClock,
    ProgressTracker,
    liveness,
    partitions_to_refetch,
    readiness,
    worker_idle,
)

RAW0 = ("news.raw", 0)
RAW1 = ("news.raw", 1)


def test_partition_with_backlog_and_no_progress_is_stalled() -> None:
    tracker = ProgressTracker(stall_seconds=30)
    tracker.assigned([RAW0, RAW1], now=0)
    tracker.processed(RAW0, 9, now=5)
    assert tracker.stalled({RAW0: 20, RAW1: 0}, now=20) == []
    assert tracker.stalled({RAW0: 20, RAW1: 0}, now=40) == [RAW0]  # 10 records waiting, 35 s still
    tracker.processed(RAW0, 19, now=41)
    assert tracker.stalled({RAW0: 20, RAW1: 0}, now=42) == []


def test_idle_partition_is_never_stalled() -> None:
    tracker = ProgressTracker(stall_seconds=1)
    tracker.assigned([RAW0], now=0)
    tracker.processed(RAW0, 4, now=0)
    assert tracker.stalled({RAW0: 5}, now=1000) == []  # everything up to the high watermark is done


def test_uncommitted_records_are_fetched_again_only_when_the_whole_worker_is_idle() -> None:
    tracker = ProgressTracker(stall_seconds=60)
    tracker.assigned([RAW0, RAW1], now=0)
    tracker.processed(RAW0, 9, now=1)
    tracker.processed(RAW1, 3, now=8)  # another partition still moving: the agent may just be busy
    highwaters = {RAW0: 12, RAW1: 4}
    committed = {RAW0: 6, RAW1: 4}  # RAW0: records 6..11 neither committed nor being worked on
    assert partitions_to_refetch(highwaters, committed, tracker.quiet_for(12), quiet_seconds=5) == []
    assert tracker.quiet_for(14) == 6
    assert partitions_to_refetch(highwaters, committed, tracker.quiet_for(14), quiet_seconds=5) == [(RAW0, 6)]
    tracker.processed(RAW0, 11, now=15)  # the refetched records went through
    assert partitions_to_refetch(highwaters, committed, tracker.quiet_for(16), quiet_seconds=5) == []


def test_idle_worker_with_everything_committed_fetches_nothing() -> None:
    committed = {RAW0: 12, RAW1: 4}
    assert partitions_to_refetch({RAW0: 12, RAW1: 4}, committed, quiet_for=100, quiet_seconds=5) == []
    assert partitions_to_refetch({RAW0: None}, {}, quiet_for=100, quiet_seconds=5) == []


def test_lag_counts_records_after_the_last_processed_offset() -> None:
    tracker = ProgressTracker(stall_seconds=1)
    tracker.assigned([RAW0], now=0)
    assert tracker.lag(RAW0, 10) is None  # nothing processed yet: unknown, not zero
    tracker.processed(RAW0, 6, now=1)
    assert tracker.lag(RAW0, 10) == 3
    tracker.assigned([RAW1], now=2)  # rebalance: RAW0 moved away
    assert tracker.partitions() == [RAW1]


def test_readiness_lists_every_reason() -> None:
    verdict = readiness(
        assigned=0,
        recovering=True,
        broker_reachable=False,
        stalled=[RAW1],
        crashed_agents=["process"],
    )
    assert not verdict.ok
    assert verdict.body()["reasons"] == [
        "broker unreachable",
        "no partitions assigned",
        "table recovery in progress",
        "no progress on news.raw[1] with backlog",
        "agent process crashed",
    ]
    ok = readiness(assigned=4, recovering=False, broker_reachable=True, stalled=[], crashed_agents=[])
    assert ok.ok and ok.body() == {"status": "ok", "reasons": []}


def test_liveness_fails_on_blocked_loop_or_dead_agent() -> None:
    assert liveness(1.0, 10.0, []).ok
    assert liveness(11.0, 10.0, []).reasons == ["event loop blocked: last tick 11.0s ago"]
    assert not liveness(0.5, 10.0, ["ingest"]).ok


def test_a_loop_blocked_for_ten_seconds_is_not_taken_for_an_idle_worker_with_backlog() -> None:
    clock = LoopClock(max_step=1.0)
    tracker = ProgressTracker(stall_seconds=60)
    for step in range(11):  # the loop runs for 5 s, the agent processing as it goes
        clock.beat(step / 2)
    tracker.assigned([RAW0], now=0.0)
    tracker.processed(RAW0, 5, now=clock.now(5.0))
    highwaters, committed = {RAW0: 12}, {RAW0: 6}  # records 6..11 are being worked on
    clock.beat(15.0)  # 10 s without a beat: one long article coded on the loop, a GC pause, SIGSTOP
    assert tracker.quiet_for(clock.now(15.0)) == 1.0
    assert partitions_to_refetch(highwaters, committed, tracker.quiet_for(clock.now(15.0)), 10) == []
    for step in range(31, 53):  # then the loop runs idle for 11 s: now that is idleness
        clock.beat(step / 2)
    assert partitions_to_refetch(highwaters, committed, tracker.quiet_for(clock.now(26.0)), 10) == [(RAW0, 6)]


def test_loop_seconds_never_run_backwards_or_ahead_of_the_next_beat() -> None:
    clock = LoopClock(max_step=1.0)
    assert clock.now(100.0) == 0.0  # before the first beat
    clock.beat(100.0)
    readings = [clock.now(t) for t in (100.0, 100.4, 103.0, 99.0)]
    assert readings == [0.0, pytest.approx(0.4), 1.0, 0.0]
    clock.beat(103.0)
    assert clock.now(103.0) == 1.0


def test_a_worker_is_not_idle_while_the_broker_answers_nothing_or_tables_recover() -> None:
    assert worker_idle(11, 10, recovering=False, broker_answering=True)
    assert not worker_idle(10, 10, recovering=False, broker_answering=True)
    assert not worker_idle(60, 10, recovering=False, broker_answering=False)  # a hung broker: wait for it
    assert not worker_idle(60, 10, recovering=True, broker_answering=True)
