"""The monitor timer (assignment, lag, reseeks of idle partitions, table bounds) and the hooks it hears."""

from __future__ import annotations

import asyncio
import contextlib
import logging
import time
from typing import Any

import faust
from faust.sensors import Sensor
from faust.types import TP

from stream.config.settings import Settings
from stream.worker.health import Partition, WorkerState, partitions_to_refetch, reseeks_due
from stream.worker.metrics import Metrics
from stream.worker.pages import WorkerHealth
from stream.worker.tables import DedupTables
from stream.worker.transport import committed_offset

__all__ = ["Monitor", "WorkerSensor", "add_monitor", "broker_reachable"]

log = logging.getLogger(__name__)


class WorkerSensor(Sensor):
    """Faust hooks we turn into metrics: commits and rebalances."""

    def __init__(self, metrics: Metrics, state: WorkerState) -> None:
        super().__init__()
        self._metrics = metrics
        self._state = state

    def on_commit_completed(self, consumer: Any, state: Any) -> None:
        self._state.last_commit = time.monotonic()

    def on_rebalance_start(self, app: Any) -> dict[str, Any]:
        self._metrics.rebalances.inc()
        return {}


async def broker_reachable(bootstrap: str, connect_seconds: float = 1.0) -> bool:
    """Can we open a TCP connection to any bootstrap server? Cheap and independent of the consumer."""
    for server in bootstrap.split(","):
        host, _, port = server.strip().rpartition(":")
        try:
            _reader, writer = await asyncio.wait_for(
                asyncio.open_connection(host, int(port)), connect_seconds
            )
        except (OSError, TimeoutError, ValueError):
            continue
        writer.close()
        return True
    return False


class Monitor:
    """What the worker observes of itself, once a tick; the results land in `state` and the metrics."""

    def __init__(
        self,
        app: faust.App,
        settings: Settings,
        metrics: Metrics,
        state: WorkerState,
        tables: DedupTables,
        health: WorkerHealth,
    ) -> None:
        self._app = app
        self._settings = settings
        self._metrics = metrics
        self._state = state
        self._tables = tables
        self._health = health
        topics = settings.topics
        self._input_topics = {topics.raw, topics.articles, topics.candidates}

    def on_rebalance_complete(self, sender: Any, /, *_args: Any, signal: Any, **_kwargs: Any) -> None:
        """Faust finished a rebalance's recovery: the stores' key sets have changed."""
        self._state.stores_changed = True

    async def tick(self) -> None:
        """Sample assignment, high watermarks and state size."""
        now = time.monotonic()
        self._state.last_tick = now
        highwaters = self._sample_partitions(now)
        await self._reseek_idle(highwaters, now)
        self._bound_tables(time.time())
        if self._state.last_commit is not None:
            self._metrics.last_commit_age_seconds.set(now - self._state.last_commit)
        self._state.broker_reachable = await broker_reachable(self._settings.bootstrap_servers)
        self._metrics.ready.set(1 if self._health.ready().ok else 0)

    def _assigned(self) -> list[TP]:
        try:
            return [tp for tp in self._app.consumer.assignment() if tp.topic in self._input_topics]
        except Exception:  # consumer not started yet or gone with the broker
            return []

    def _highwater(self, tp: TP) -> int | None:
        try:
            return self._app.consumer.highwater(tp)
        except Exception:
            return None

    def _sample_partitions(self, now: float) -> dict[Partition, int | None]:
        """Track the assigned input partitions, read their high watermarks, report their lag."""
        state, metrics = self._state, self._metrics
        assigned_tps = self._assigned()
        state.tracker.assigned([(tp.topic, tp.partition) for tp in assigned_tps], now)
        metrics.partitions_assigned.set(len(assigned_tps))
        highwaters = {(tp.topic, tp.partition): self._highwater(tp) for tp in assigned_tps}
        for key in set(state.highwaters) - set(highwaters):
            with contextlib.suppress(KeyError):
                metrics.consumer_lag.remove(key[0], str(key[1]))
        state.highwaters = highwaters
        for key, highwater in highwaters.items():
            lag = state.tracker.lag(key, highwater)
            if lag is not None:
                metrics.consumer_lag.labels(topic=key[0], partition=str(key[1])).set(lag)
        return highwaters

    async def _reseek_idle(self, highwaters: dict[Partition, int | None], now: float) -> None:
        """Fetch again what nobody is working on, once the whole worker has been quiet long enough."""
        state, after = self._state, self._settings.reseek_after_seconds
        quiet = state.tracker.quiet_for(now)
        if self._app.in_recovery or quiet <= after:
            return
        # At most once per quiet period each; the progress clocks stay untouched, so an agent that is
        # truly stuck still turns the worker unready. Only those partitions need their committed offset
        # (a broker call for partitions Faust never committed).
        due = reseeks_due(highwaters, state.last_reseek, now, after)
        committed = {key: await committed_offset(self._app, TP(*key)) for key in due}
        for partition, offset in partitions_to_refetch(due, committed, quiet, after):
            state.last_reseek[partition] = now
            await self.reseek(partition, offset)

    async def reseek(self, partition: Partition, offset: int) -> None:
        """Fetch a partition again from its committed offset; replays are idempotent."""
        topic, number = partition
        log.warning(
            "%s[%d] has records past its committed offset and the worker is idle: fetching again from %d",
            topic,
            number,
            offset,
        )
        await self._app.consumer.seek(TP(topic, number), offset)
        self._metrics.consumer_reseeks.labels(topic=topic).inc()

    def _bound_tables(self, wall: float) -> None:
        if self._state.stores_changed and not self._app.in_recovery:
            self._state.stores_changed = False
            self._tables.resync(wall)
        self._tables.expire(wall)


def add_monitor(app: faust.App, monitor: Monitor) -> None:
    """Run the monitor once a second and tell it about finished rebalances."""
    app.on_rebalance_complete.connect(monitor.on_rebalance_complete)

    @app.timer(interval=1.0)  # type: ignore[untyped-decorator]
    async def monitor_tick() -> None:
        await monitor.tick()
