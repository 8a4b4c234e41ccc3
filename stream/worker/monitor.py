"""The monitor timer (lag, reseeks, table bounds), its hooks, and the heartbeat, broker probe and coder."""

from __future__ import annotations

import asyncio
import contextlib
import logging
import time
from collections.abc import Iterable
from typing import Any

import faust
from aiokafka.admin import AIOKafkaAdminClient
from aiokafka.admin.config_resource import ConfigResource, ConfigResourceType
from aiokafka.errors import IllegalStateError
from faust.sensors import Sensor
from faust.types import TP
from mode import Service

from stream.config.kafka import client_options
from stream.config.settings import Settings
from stream.worker.coding import ProcessCoder
from stream.worker.health import Partition, WorkerState, partitions_to_refetch, reseeks_due, worker_idle
from stream.worker.metrics import Metrics
from stream.worker.pages import WorkerHealth
from stream.worker.publisher import Publisher, record_limit
from stream.worker.tables import DedupTables
from stream.worker.transport import committed_offset

__all__ = ["HEARTBEAT_SECONDS", "BrokerProbe", "Monitor", "WorkerSensor", "add_monitor"]

log = logging.getLogger(__name__)

#: How often the loop heartbeat runs; liveness and the loop clock come from it.
HEARTBEAT_SECONDS = 0.5

_BROKER_LIMIT = "message.max.bytes"
_TOPIC_LIMIT = "max.message.bytes"


class BrokerProbe:
    """Asks the broker for its metadata with a deadline. An open port proves nothing: a hung (SIGSTOPped)
    broker still accepts connections but answers no request."""

    def __init__(self, settings: Settings, deadline: float) -> None:
        self._options = client_options(settings)
        self._client_id = f"{settings.app_id}-probe"
        self._deadline = deadline
        self._admin: AIOKafkaAdminClient | None = None

    async def _client(self) -> AIOKafkaAdminClient:
        if self._admin is None:
            admin = AIOKafkaAdminClient(
                **self._options,
                client_id=self._client_id,
                request_timeout_ms=max(1, round(self._deadline * 1000)),
            )
            try:
                await asyncio.wait_for(admin.start(), self._deadline)
            except BaseException:
                await admin.close()
                raise
            self._admin = admin
        return self._admin

    async def answers(self) -> bool:
        """Did the broker answer a metadata request within the deadline?"""
        try:
            admin = await self._client()
            await asyncio.wait_for(admin.describe_cluster(), self._deadline)
        except Exception as exc:  # any failure on the way is "no answer"
            log.debug("broker probe: no answer (%r)", exc)
            return False
        return True

    async def record_limits(self, topics: Iterable[str]) -> dict[str, int]:
        """The broker's message.max.bytes and these topics' max.message.bytes, where it reports them
        (DescribeConfigs; some Kafka-protocol brokers answer it without values)."""
        admin = await self._client()
        cluster = await asyncio.wait_for(admin.describe_cluster(), self._deadline)
        asked = [
            ConfigResource(ConfigResourceType.BROKER, str(broker["node_id"]), {_BROKER_LIMIT: None})
            for broker in cluster["brokers"]
        ]
        asked += [ConfigResource(ConfigResourceType.TOPIC, topic, {_TOPIC_LIMIT: None}) for topic in topics]
        responses = await asyncio.wait_for(admin.describe_configs(asked), self._deadline)
        limits: dict[str, int] = {}
        for response in responses:
            # DescribeConfigsResponse: (error, message, resource type, name, [(config, value, ...)]).
            described: list[tuple[Any, ...]] = getattr(response, "resources", [])
            for resource in described:
                error_code, resource_type, name, entries = resource[0], resource[2], resource[3], resource[4]
                kind = "broker" if resource_type == ConfigResourceType.BROKER else "topic"
                for entry in entries if not error_code else ():
                    config, value = entry[0], entry[1]
                    if config in (_BROKER_LIMIT, _TOPIC_LIMIT) and value and str(value).isdigit():
                        limits[f"{kind} {name} {config}"] = int(value)
        return limits

    async def close(self) -> None:
        admin, self._admin = self._admin, None
        if admin is not None:
            with contextlib.suppress(Exception):
                await admin.close()


class WorkerSensor(Sensor):
    """Faust hooks we turn into metrics (commits, rebalances), and what must run from the worker's start,
    before any partition is assigned (Faust starts app timers only after table recovery): the loop
    heartbeat, the broker probe with the record size check, and the coding process. A sensor, so that
    Faust starts it first and stops it last."""

    def __init__(
        self,
        settings: Settings,
        metrics: Metrics,
        state: WorkerState,
        publisher: Publisher,
        coder: ProcessCoder,
    ) -> None:
        super().__init__()
        self._settings = settings
        self._metrics = metrics
        self._state = state
        self._publisher = publisher
        self._coder = coder
        self._probe = BrokerProbe(settings, settings.broker_probe_seconds)
        self._limits_checked = False

    def on_commit_completed(self, consumer: Any, state: Any) -> None:
        self._state.last_commit = time.monotonic()

    def on_rebalance_start(self, app: Any) -> dict[str, Any]:
        self._metrics.rebalances.inc()
        return {}

    async def on_start(self) -> None:
        await super().on_start()
        self._state.beat(time.monotonic())
        self._coder.start()

    async def on_stop(self) -> None:
        await self._coder.stop()
        await self._probe.close()
        await super().on_stop()

    @Service.task
    async def _heartbeat(self) -> None:
        while not self.should_stop:
            self._state.beat(time.monotonic())
            await self.sleep(HEARTBEAT_SECONDS)

    @Service.task
    async def _probe_broker(self) -> None:
        period = self._settings.broker_probe_seconds
        while not self.should_stop:
            started = time.monotonic()
            answered = await self._probe.answers()
            if answered != self._state.broker_reachable:
                log.warning(
                    "the broker %s",
                    "answers again" if answered else f"answered no request within {period:g} s",
                )
            self._state.broker_reachable = answered
            if not answered:
                self._metrics.ready.set(0)  # the monitor timer may itself wait on the broker
            if answered and not self._limits_checked:
                await self._check_record_limit()
            await self.sleep(max(0.0, period - (time.monotonic() - started)))

    async def _check_record_limit(self) -> None:
        """Once, at start-up: keep records within what the broker (and the output topics) accept."""
        self._limits_checked = True
        try:
            reported = await self._probe.record_limits(self._settings.topics.outputs())
        except Exception as exc:
            reported = {}
            log.info("the broker did not describe its configuration (%r)", exc)
        limit, message = record_limit(self._settings.producer_max_request_bytes, reported)
        self._publisher.max_record_bytes = limit
        (log.warning if limit < self._settings.producer_max_request_bytes else log.info)(message)


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
        """Sample assignment, high watermarks and state size; progress is timed in loop seconds."""
        monotonic = time.monotonic()
        now = self._state.clock.now(monotonic)
        highwaters = self._sample_partitions(now)
        await self._reseek_idle(highwaters, now)
        self._bound_tables(time.time())
        if self._state.last_commit is not None:
            self._metrics.last_commit_age_seconds.set(monotonic - self._state.last_commit)
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
        recovering = bool(self._app.in_recovery)
        if not worker_idle(quiet, after, recovering=recovering, broker_answering=state.broker_reachable):
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
        tp = TP(topic, number)
        # The partition may have left with a rebalance while the committed offset was being read.
        if tp not in self._app.consumer.assignment():
            return
        log.warning(
            "%s[%d] has records past its committed offset and the worker is idle: fetching again from %d",
            topic,
            number,
            offset,
        )
        try:
            await self._app.consumer.seek(tp, offset)
        except IllegalStateError:
            log.info("%s[%d] was revoked before it could be fetched again", topic, number)
            return
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
        # A failing tick is logged and the next one runs: a crashed timer would crash the whole app.
        try:
            await monitor.tick()
        except Exception:
            log.exception("monitor tick failed")
