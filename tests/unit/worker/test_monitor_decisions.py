"""What the monitor decides from its observations: which partitions to fetch again, ready, alive."""

from __future__ import annotations

from stream.worker.health import ProgressTracker, WorkerState, reseeks_due

RAW0 = ("news.raw", 0)
RAW1 = ("news.raw", 1)
ART0 = ("news.articles", 0)


def _state(stall_seconds: float = 30) -> WorkerState:
    return WorkerState(ProgressTracker(stall_seconds), last_tick=0.0)


def test_only_partitions_with_records_are_candidates_for_a_reseek() -> None:
    due = reseeks_due({RAW0: 5, RAW1: 0, ART0: None}, {}, now=100, reseek_after=10)
    assert due == {RAW0: 5}  # an empty partition (0) or an unknown high watermark needs no committed offset


def test_a_partition_is_fetched_again_at_most_once_per_quiet_period() -> None:
    last = {RAW0: 95.0, RAW1: 80.0}
    assert reseeks_due({RAW0: 5, RAW1: 5}, last, now=100, reseek_after=10) == {RAW1: 5}
    assert reseeks_due({RAW0: 5}, last, now=105, reseek_after=10) == {}  # exactly one period: not yet
    assert reseeks_due({RAW0: 5, RAW1: 5}, last, now=105.5, reseek_after=10) == {RAW0: 5, RAW1: 5}


def test_a_worker_without_partitions_or_broker_is_not_ready() -> None:
    state = _state()
    state.broker_reachable = False
    verdict = state.readiness(recovering=False, crashed_agents=[], now=1)
    assert not verdict.ok
    assert verdict.reasons == ["broker unreachable", "no partitions assigned"]


def test_a_worker_with_partitions_and_no_backlog_is_ready() -> None:
    state = _state()
    state.tracker.assigned([RAW0, ART0], now=0)
    state.highwaters = {RAW0: 0, ART0: None}
    verdict = state.readiness(recovering=False, crashed_agents=[], now=1000)
    assert verdict.ok and verdict.reasons == []


def _beat_every_half_second(state: WorkerState, until: float) -> None:
    for step in range(int(until * 2) + 1):
        state.beat(step / 2)


def test_readiness_names_recovery_a_stalled_backlog_and_a_crashed_agent() -> None:
    state = _state(stall_seconds=30)
    state.tracker.assigned([RAW0, RAW1], now=0)
    state.tracker.processed(RAW1, 9, now=0)
    state.highwaters = {RAW0: 3, RAW1: 10}  # RAW0 has 3 records nobody processed; RAW1 is done
    _beat_every_half_second(state, until=30)  # the loop ran all along: loop seconds are seconds
    assert state.readiness(recovering=False, crashed_agents=[], now=30).ok  # not yet stalled
    state.beat(31)
    verdict = state.readiness(recovering=True, crashed_agents=["events"], now=31)
    assert verdict.reasons == [
        "table recovery in progress",
        "no progress on news.raw[0] with backlog",
        "agent events crashed",
    ]


def test_liveness_follows_the_monitor_tick_and_the_agents() -> None:
    state = _state()
    state.last_tick = 100.0
    assert state.liveness(max_tick_age=10, crashed_agents=[], now=110).ok
    blocked = state.liveness(max_tick_age=10, crashed_agents=[], now=110.5)
    assert blocked.reasons == ["event loop blocked: last tick 10.5s ago"]
    crashed = state.liveness(max_tick_age=10, crashed_agents=["process"], now=101)
    assert not crashed.ok and crashed.reasons == ["agent process crashed"]


def test_a_backlog_waits_stall_seconds_of_running_loop_before_the_worker_is_unready() -> None:
    state = _state(stall_seconds=30)
    state.beat(0.0)
    state.tracker.assigned([RAW0], now=state.clock.now(0.0))
    state.highwaters = {RAW0: 3}
    state.beat(40.0)  # the loop was blocked (or the process stopped) for 40 s: one second of loop time
    assert state.readiness(recovering=False, crashed_agents=[], now=40).ok
    _beat_every_half_second(state, until=80)
    assert state.readiness(recovering=False, crashed_agents=[], now=80).reasons == [
        "no progress on news.raw[0] with backlog"
    ]


def test_a_fresh_worker_is_alive_from_its_first_heartbeat_without_any_partition() -> None:
    state = _state()
    state.beat(1000.0)  # the heartbeat runs from the start, before the group assigns anything
    assert state.tracker.partitions() == []
    assert state.liveness(max_tick_age=10, crashed_agents=[], now=1000.4).ok
