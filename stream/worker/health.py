"""Liveness and readiness decisions: what the worker observed and pure functions over it."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field

__all__ = [
    "LoopClock",
    "Partition",
    "ProgressTracker",
    "Verdict",
    "WorkerState",
    "liveness",
    "partitions_to_refetch",
    "readiness",
    "reseeks_due",
    "worker_idle",
]

Partition = tuple[str, int]


@dataclass(slots=True)
class LoopClock:
    """Seconds the event loop has been running, from its heartbeats: the time between two beats counts
    at most `max_step`. Progress and idleness are measured on it, so a loop blocked for a while (or a
    suspended process) is not taken for an idle worker whose backlog nobody works on."""

    max_step: float
    active: float = 0.0
    last_beat: float | None = None

    def beat(self, now: float) -> None:
        """The loop ran at monotonic time `now`."""
        if self.last_beat is not None:
            self.active += min(max(0.0, now - self.last_beat), self.max_step)
        self.last_beat = now

    def now(self, now: float) -> float:
        """Loop seconds at monotonic time `now` (never ahead of what the next beat will count)."""
        if self.last_beat is None:
            return self.active
        return self.active + min(max(0.0, now - self.last_beat), self.max_step)


@dataclass(slots=True)
class _Progress:
    offset: int | None  # last processed offset; None before the first record
    changed_at: float


@dataclass(slots=True)
class ProgressTracker:
    """Per-partition processing progress of the agents, to tell a stalled agent from an idle one. Its
    times are loop seconds (LoopClock)."""

    stall_seconds: float
    _parts: dict[Partition, _Progress] = field(default_factory=dict)

    def assigned(self, partitions: Iterable[Partition], now: float) -> None:
        """Track exactly these partitions; newly assigned ones start their clock now."""
        wanted = set(partitions)
        for gone in set(self._parts) - wanted:
            del self._parts[gone]
        for new in wanted - set(self._parts):
            self._parts[new] = _Progress(None, now)

    def processed(self, partition: Partition, offset: int, now: float) -> None:
        progress = self._parts.get(partition)
        if progress is None:
            self._parts[partition] = _Progress(offset, now)
        elif progress.offset is None or offset > progress.offset:
            progress.offset, progress.changed_at = offset, now

    def partitions(self) -> list[Partition]:
        return sorted(self._parts)

    def lag(self, partition: Partition, highwater: int | None) -> int | None:
        """Records not yet processed, from the fetch high watermark (next offset to be written)."""
        progress = self._parts.get(partition)
        if progress is None or highwater is None:
            return None
        done = progress.offset + 1 if progress.offset is not None else None
        return max(0, highwater - done) if done is not None else None

    def stalled(self, highwaters: Mapping[Partition, int | None], now: float) -> list[Partition]:
        """Partitions with backlog whose processed offset has not moved for stall_seconds."""
        out = []
        for partition, progress in self._parts.items():
            highwater = highwaters.get(partition)
            if highwater is None:
                continue
            done = progress.offset + 1 if progress.offset is not None else 0
            if highwater > done and now - progress.changed_at > self.stall_seconds:
                out.append(partition)
        return sorted(out)

    def quiet_for(self, now: float) -> float:
        """Seconds since any tracked partition last moved (or was assigned)."""
        if not self._parts:
            return 0.0
        return now - max(p.changed_at for p in self._parts.values())


def worker_idle(quiet_for: float, quiet_seconds: float, *, recovering: bool, broker_answering: bool) -> bool:
    """Has the worker been idle long enough for records past a committed offset to be nobody's? Not while
    tables recover, nor while the broker answers nothing: then nothing can move and nothing commits, and
    fetching again would only replay what is in hand once the broker is back."""
    return quiet_for > quiet_seconds and not recovering and broker_answering


def partitions_to_refetch(
    highwaters: Mapping[Partition, int | None],
    committed: Mapping[Partition, int],
    quiet_for: float,
    quiet_seconds: float,
) -> list[tuple[Partition, int]]:
    """(partition, committed offset) for every partition whose records past the committed offset nobody
    is working on: the whole worker has been idle for `quiet_seconds` (commits included) while the high
    watermark is ahead. Records Faust fetched and then dropped, or skipped and never committed, look
    exactly like this; anything still being processed does not."""
    if quiet_for <= quiet_seconds:
        return []
    out = []
    for partition, highwater in highwaters.items():
        offset = committed.get(partition)
        if highwater is not None and offset is not None and highwater > offset:
            out.append((partition, offset))
    return sorted(out)


@dataclass(frozen=True, slots=True)
class Verdict:
    ok: bool
    reasons: list[str]

    def body(self) -> dict[str, object]:
        return {"status": "ok" if self.ok else "fail", "reasons": self.reasons}


def liveness(seconds_since_tick: float, max_tick_age: float, crashed_agents: list[str]) -> Verdict:
    """Alive: the event loop keeps ticking and no agent has died (faust-streaming#175)."""
    reasons = [f"agent {name} crashed" for name in crashed_agents]
    if seconds_since_tick > max_tick_age:
        reasons.append(f"event loop blocked: last tick {seconds_since_tick:.1f}s ago")
    return Verdict(not reasons, reasons)


def readiness(
    *,
    assigned: int,
    recovering: bool,
    broker_reachable: bool,
    stalled: list[Partition],
    crashed_agents: list[str],
) -> Verdict:
    """Ready: partitions assigned, tables recovered, the broker answering, every backlog moving."""
    reasons: list[str] = []
    if not broker_reachable:
        reasons.append("broker unreachable")
    if assigned == 0:
        reasons.append("no partitions assigned")
    if recovering:
        reasons.append("table recovery in progress")
    reasons += [f"no progress on {topic}[{partition}] with backlog" for topic, partition in stalled]
    reasons += [f"agent {name} crashed" for name in crashed_agents]
    return Verdict(not reasons, reasons)


def reseeks_due(
    highwaters: Mapping[Partition, int | None],
    last_reseek: Mapping[Partition, float],
    now: float,
    reseek_after: float,
) -> dict[Partition, int | None]:
    """Partitions with records (a high watermark above 0) not fetched again in the last `reseek_after`
    seconds: at most one reseek per quiet period each, so only these need their committed offset."""
    return {
        partition: highwater
        for partition, highwater in highwaters.items()
        if highwater and now - last_reseek.get(partition, float("-inf")) > reseek_after
    }


@dataclass(slots=True)
class WorkerState:
    """What the heartbeat, the broker probe and the monitor timer last observed (and Faust's hooks
    reported); read by the health pages. Times are monotonic seconds, except the tracker's (loop seconds,
    `clock`)."""

    tracker: ProgressTracker
    last_tick: float  # the loop's last heartbeat
    clock: LoopClock = field(default_factory=lambda: LoopClock(max_step=1.0))
    last_commit: float | None = None
    broker_reachable: bool = True  # the broker answered the last metadata request in time
    highwaters: dict[Partition, int | None] = field(default_factory=dict)
    last_reseek: dict[Partition, float] = field(default_factory=dict)
    # Set when Faust finishes a rebalance's recovery: the stores' key sets have changed.
    stores_changed: bool = False

    def beat(self, now: float) -> None:
        """The event loop ran at monotonic time `now` (the heartbeat)."""
        self.last_tick = now
        self.clock.beat(now)

    def readiness(self, *, recovering: bool, crashed_agents: list[str], now: float) -> Verdict:
        return readiness(
            assigned=len(self.tracker.partitions()),
            recovering=recovering,
            broker_reachable=self.broker_reachable,
            stalled=self.tracker.stalled(self.highwaters, self.clock.now(now)),
            crashed_agents=crashed_agents,
        )

    def liveness(self, *, max_tick_age: float, crashed_agents: list[str], now: float) -> Verdict:
        return liveness(now - self.last_tick, max_tick_age, crashed_agents)
