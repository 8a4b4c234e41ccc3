"""The Faust application: two thin agents (ingest, process) around the pure pipeline functions."""

from __future__ import annotations

import asyncio
import contextlib
import logging
import time
from typing import Any

import faust
from faust.sensors import Sensor
from prometheus_client import CONTENT_TYPE_LATEST, CollectorRegistry, generate_latest

from stream.codec import dumps, loads
from stream.health import Partition, ProgressTracker, liveness, readiness
from stream.kafka import faust_credentials
from stream.metrics import Metrics
from stream.models import Article, SourceRef
from stream.pipeline import Outbound, dead_letter, duplicate_notice, ingest, publish_plan
from stream.settings import Settings
from stream.topics import SEEN_TABLE

__all__ = ["create_app"]

log = logging.getLogger(__name__)
# aiohttp refuses a charset inside content_type; Prometheus accepts the bare exposition type.
_METRICS_TYPE = CONTENT_TYPE_LATEST.split(";")[0] + "; version=0.0.4"


def _origin(event: Any) -> SourceRef:
    message = event.message
    return SourceRef(
        topic=message.topic,
        partition=message.partition,
        offset=message.offset,
        timestamp_ms=int(message.timestamp * 1000) if message.timestamp else None,
    )


class _WorkerSensor(Sensor):
    """Faust hooks we turn into metrics: commits and rebalances."""

    def __init__(self, metrics: Metrics, state: _WorkerState) -> None:
        super().__init__()
        self._metrics = metrics
        self._state = state

    def on_commit_completed(self, consumer: Any, state: Any) -> None:
        self._state.last_commit = time.monotonic()

    def on_rebalance_start(self, app: Any) -> dict[str, Any]:
        self._metrics.rebalances.inc()
        return {}


class _WorkerState:
    """What the monitor timer last observed; read by the health pages."""

    def __init__(self, settings: Settings) -> None:
        self.tracker = ProgressTracker(settings.stall_seconds)
        self.last_tick = time.monotonic()
        self.last_commit: float | None = None
        self.broker_reachable = True
        self.highwaters: dict[Partition, int | None] = {}


async def _broker_reachable(bootstrap: str, connect_seconds: float = 1.0) -> bool:
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


def create_app(settings: Settings, registry: CollectorRegistry | None = None) -> faust.App:
    """Build the worker app; nothing connects until a faust.Worker starts it."""
    registry = registry or CollectorRegistry()
    metrics = Metrics(registry)
    topics = settings.topics
    state = _WorkerState(settings)
    app = faust.App(
        settings.app_id,
        broker=settings.broker_url(),
        broker_credentials=faust_credentials(settings),
        store=settings.store,
        datadir=str(settings.data_dir),
        topic_partitions=settings.partitions,
        topic_replication_factor=settings.replication_factor,
        broker_session_timeout=settings.session_timeout_seconds,
        broker_heartbeat_interval=settings.heartbeat_interval_seconds,
        web_host=settings.web_host,
        web_port=settings.web_port,
        web_in_thread=False,
        key_serializer="raw",
        value_serializer="raw",
        consumer_auto_offset_reset="earliest",
    )
    app.sensors.add(_WorkerSensor(metrics, state))
    metrics.state_max_entries.labels(table=SEEN_TABLE).set(settings.dedup_max_entries)
    raw_topic = app.topic(topics.raw, partitions=settings.partitions)
    articles_topic = app.topic(topics.articles, partitions=settings.partitions)
    input_topics = {topics.raw, topics.articles}
    # content_hash -> first article_id. Co-partitioned with articles_topic (same key, same partitions).
    seen = app.Table(SEEN_TABLE, default=None, partitions=settings.partitions, key_type=str, value_type=str)

    async def send(out: Outbound) -> None:
        await app.send(out.topic, key=out.key, value=out.value)

    async def pause_point() -> None:
        # Polls a file on purpose: operators (and tests) flip it from outside the process.
        while settings.pause_file is not None and settings.pause_file.exists():  # noqa: ASYNC110
            await asyncio.sleep(0.2)

    async def arrived(event: Any) -> SourceRef:
        """Common start of both agents: honour a pause, note where the record came from."""
        await pause_point()
        origin = _origin(event)
        metrics.messages_consumed.labels(topic=origin.topic).inc()
        return origin

    def progressed(origin: SourceRef) -> None:
        state.tracker.processed((origin.topic, origin.partition), origin.offset, time.monotonic())

    @app.agent(raw_topic, name="ingest")
    async def ingest_agent(stream: Any) -> None:
        async for event in stream.events():
            origin = await arrived(event)
            with metrics.stage_seconds.labels(stage="ingest").time():
                try:
                    out = ingest(topics, event.message.value, event.message.key, origin)
                except Exception as exc:  # the agent must survive any input
                    log.exception("ingest failed at %s", origin)
                    raw = event.message.value or b""
                    out = dead_letter(topics, "internal_error", repr(exc), origin, event.message.key, raw)
                await send(out)
            if out.topic == topics.dlq:
                metrics.dead_letters.labels(reason=out.label).inc()
                metrics.raw_messages.labels(outcome="dead_letter").inc()
            else:
                metrics.raw_messages.labels(outcome="article").inc()
            progressed(origin)

    @app.agent(articles_topic, name="process")
    async def process_agent(stream: Any) -> None:
        async for event in stream.events():
            origin = await arrived(event)
            started = time.perf_counter()
            try:
                article = Article.model_validate(loads(event.message.value))
                with metrics.stage_seconds.labels(stage="dedup").time():
                    first = seen.get(article.content_hash)
                if first is not None:
                    notice = duplicate_notice(topics, article, first)
                    await send(notice)
                    metrics.duplicates.labels(layer="article", kind=notice.label).inc()
                    metrics.articles.labels(outcome="duplicate").inc()
                    continue
                with metrics.stage_seconds.labels(stage="extract").time():
                    events, outbound = publish_plan(topics, article)
                with metrics.stage_seconds.labels(stage="publish").time():
                    for out in outbound:
                        await send(out)
                # Publish first, then record: a crash in between replays into the same event ids.
                seen[article.content_hash] = article.article_id
                for coded in events:
                    metrics.events_published.labels(
                        event_type=coded.event_type, quad_class=str(coded.quad_class)
                    ).inc()
                metrics.mentions_published.inc(len(events))
                metrics.articles.labels(outcome="new").inc()
                raw_origin = article.origin
                if raw_origin is not None and raw_origin.timestamp_ms:
                    metrics.end_to_end_lag_seconds.observe(
                        max(0.0, time.time() - raw_origin.timestamp_ms / 1000)
                    )
            except Exception as exc:
                log.exception("processing failed at %s", origin)
                raw = event.message.value or b""
                letter = dead_letter(topics, "processing_error", repr(exc), origin, event.message.key, raw)
                await send(letter)
                metrics.dead_letters.labels(reason="processing_error").inc()
                metrics.articles.labels(outcome="failed").inc()
            finally:
                metrics.processing_seconds.observe(time.perf_counter() - started)
                progressed(origin)

    def crashed_agents() -> list[str]:
        out = []
        for agent in app.agents.values():
            for actor in list(getattr(agent, "_actors", ())):
                crashed = getattr(actor, "_crashed", None)
                if crashed is not None and crashed.is_set():
                    out.append(agent.name.rsplit(".", 1)[-1])
        return sorted(set(out))

    @app.timer(interval=1.0)  # type: ignore[untyped-decorator]
    async def monitor() -> None:
        """Sample assignment, high watermarks and state size once a second."""
        now = time.monotonic()
        state.last_tick = now
        try:
            assignment = [
                (tp.topic, tp.partition) for tp in app.consumer.assignment() if tp.topic in input_topics
            ]
        except Exception:  # consumer not started yet or gone with the broker
            assignment = []
        state.tracker.assigned(assignment, now)
        metrics.partitions_assigned.set(len(assignment))
        highwaters: dict[Partition, int | None] = {}
        for tp in app.consumer.assignment() if assignment else ():
            key = (tp.topic, tp.partition)
            if key not in assignment:
                continue
            try:
                highwaters[key] = app.consumer.highwater(tp)
            except Exception:
                highwaters[key] = None
        for key in set(state.highwaters) - set(highwaters):
            with contextlib.suppress(KeyError):
                metrics.consumer_lag.remove(key[0], str(key[1]))
        state.highwaters = highwaters
        for key, highwater in highwaters.items():
            lag = state.tracker.lag(key, highwater)
            if lag is not None:
                metrics.consumer_lag.labels(topic=key[0], partition=str(key[1])).set(lag)
        metrics.state_entries.labels(table=SEEN_TABLE).set(len(seen))
        if state.last_commit is not None:
            metrics.last_commit_age_seconds.set(now - state.last_commit)
        state.broker_reachable = await _broker_reachable(settings.bootstrap_servers)
        metrics.ready.set(1 if _ready().ok else 0)

    def _ready() -> Any:
        return readiness(
            assigned=len(state.tracker.partitions()),
            recovering=bool(app.in_recovery),
            broker_reachable=state.broker_reachable,
            stalled=state.tracker.stalled(state.highwaters, time.monotonic()),
            crashed_agents=crashed_agents(),
        )

    @app.page("/metrics")
    async def metrics_page(web: Any, request: Any) -> Any:
        return web.bytes(generate_latest(registry), content_type=_METRICS_TYPE)

    @app.page("/healthz")
    async def healthz(web: Any, request: Any) -> Any:
        verdict = liveness(
            time.monotonic() - state.last_tick, settings.max_tick_age_seconds, crashed_agents()
        )
        return web.bytes(
            dumps(verdict.body()), content_type="application/json", status=200 if verdict.ok else 503
        )

    @app.page("/readyz")
    async def readyz(web: Any, request: Any) -> Any:
        verdict = _ready()
        return web.bytes(
            dumps(verdict.body()), content_type="application/json", status=200 if verdict.ok else 503
        )

    app.newsevents_metrics = metrics  # type: ignore[attr-defined]
    return app
