"""The Faust application: two thin agents (ingest, process) around the pure pipeline functions."""

from __future__ import annotations

import asyncio
import contextlib
import datetime as dt
import logging
import time
from typing import Any

import faust
from faust.sensors import Sensor
from prometheus_client import CONTENT_TYPE_LATEST, CollectorRegistry, generate_latest

from stream.codec import dumps, dumps_model, loads
from stream.dedup import Fingerprint, MappingBandIndex
from stream.health import Partition, ProgressTracker, liveness, readiness
from stream.kafka import faust_credentials
from stream.metrics import Metrics
from stream.models import Article, ArticleSeen, EventCandidate, EventStats, SourceRef
from stream.pipeline import (
    Outbound,
    apply_candidate,
    article_verdict,
    code_candidates,
    dead_letter,
    duplicate_notice,
    event_topic,
    ingest,
    remember_article,
)
from stream.settings import Settings
from stream.state import RecencyIndex
from stream.topics import (
    EVENTS_CONFLICT_TABLE,
    EVENTS_DIPLOMATIC_TABLE,
    MENTIONS_TABLE,
    NEAR_TABLE,
    SEEN_TABLE,
    STATS_TABLE,
)
from stream.transport import use_fetch_wait

__all__ = ["create_app", "faust_app"]

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


# The bounded table holding an event, by "is it a conflict (quad 4) event".
_EVENT_TABLES = {False: EVENTS_DIPLOMATIC_TABLE, True: EVENTS_CONFLICT_TABLE}


def faust_app(settings: Settings) -> faust.App:
    """A Faust app configured from settings (broker, store, web, serializers, producer batching)."""
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
        broker_commit_interval=settings.commit_interval_seconds,
        web_host=settings.web_host,
        web_port=settings.web_port,
        web_in_thread=False,
        key_serializer="raw",
        value_serializer="raw",
        consumer_auto_offset_reset="earliest",
        producer_max_batch_size=settings.producer_max_batch_bytes,
    )
    use_fetch_wait(app, settings.fetch_max_wait_seconds)
    return app


def create_app(settings: Settings, registry: CollectorRegistry | None = None) -> faust.App:
    """Build the worker app; nothing connects until a faust.Worker starts it."""
    registry = registry or CollectorRegistry()
    metrics = Metrics(registry)
    topics = settings.topics
    state = _WorkerState(settings)
    app = faust_app(settings)
    app.sensors.add(_WorkerSensor(metrics, state))
    partitions = settings.partitions
    raw_topic = app.topic(topics.raw, partitions=partitions)
    articles_topic = app.topic(topics.articles, partitions=partitions)
    candidates_topic = app.topic(topics.candidates, partitions=partitions)
    input_topics = {topics.raw, topics.articles, topics.candidates}

    def table(name: str, changelog: str | None = None, *, global_: bool = False) -> Any:
        """bytes -> bytes table; with `changelog` its changelog IS a public topic: a table write is
        the publish, so "recorded" and "published" can never disagree after a crash."""
        factory = app.GlobalTable if global_ else app.Table
        return factory(
            name,
            default=None,
            partitions=partitions,
            key_type=bytes,
            value_type=bytes,
            changelog_topic=app.topic(changelog, partitions=partitions) if changelog else None,
        )

    # Article layer, co-partitioned with articles_topic (keyed by content key).
    seen = table(SEEN_TABLE)
    # Near-duplicate band index: global, so a near copy is found whichever worker coded the original.
    near_index = MappingBandIndex(table(NEAR_TABLE, global_=True))
    # Event layer, co-partitioned with candidates_topic (keyed by event_id).
    published = {
        topics.diplomatic: table(EVENTS_DIPLOMATIC_TABLE, topics.diplomatic),
        topics.conflict: table(EVENTS_CONFLICT_TABLE, topics.conflict),
    }
    mentions = table(MENTIONS_TABLE, topics.mentions)
    stats_table = table(STATS_TABLE, topics.stats)
    # Bounds: every table but the near-duplicate index (bounded per bucket) keeps at most
    # dedup_max_entries keys on this worker, each for dedup_window_days after its last write. Keys leave
    # the local store only: no tombstone reaches the public topics that serve as changelogs.
    window_seconds = settings.dedup_window_days * 86400
    bounded: dict[str, tuple[Any, RecencyIndex]] = {
        name: (t, RecencyIndex(window_seconds, settings.dedup_max_entries))
        for name, t in (
            (SEEN_TABLE, seen),
            (EVENTS_DIPLOMATIC_TABLE, published[topics.diplomatic]),
            (EVENTS_CONFLICT_TABLE, published[topics.conflict]),
            (MENTIONS_TABLE, mentions),
            (STATS_TABLE, stats_table),
        )
    }
    for name in bounded:
        metrics.state_max_entries.labels(table=name).set(settings.dedup_max_entries)
    metrics.state_max_entries.labels(table=NEAR_TABLE).set(near_index.max_keys)

    def evict(name: str, keys: list[Any]) -> None:
        store = bounded[name][0].data
        for key in keys:
            store.pop(key, None)
        if keys:
            metrics.state_evictions.labels(table=name).inc(len(keys))

    changelogs = {
        SEEN_TABLE: f"{settings.app_id}-{SEEN_TABLE}-changelog",
        EVENTS_DIPLOMATIC_TABLE: topics.diplomatic,
        EVENTS_CONFLICT_TABLE: topics.conflict,
        MENTIONS_TABLE: topics.mentions,
        STATS_TABLE: topics.stats,
    }

    async def record(name: str, key: bytes, value: bytes, partition: int) -> None:
        """Write a table entry and its changelog record (for the event layer: the public record).

        Faust's own table writes go out through a side buffer that an offset commit does not wait for,
        so a SIGKILL could commit the input while the write is lost. Sending the changelog record
        ourselves, attached to the event being processed, makes the commit wait for it; the local
        store is updated directly (same partition as the input, as Faust would)."""
        target, index = bounded[name]
        target.data[key] = value
        await output(changelogs[name]).send(key=key, value=value, partition=partition)
        index.touch(key, time.time())
        evict(name, index.overflow())

    output_topics: dict[str, Any] = {}

    def output(name: str) -> Any:
        """One Topic object per output topic: app.send(name) would build (and compile) a new one per call."""
        if name not in output_topics:
            output_topics[name] = app.topic(name, partitions=partitions)
        return output_topics[name]

    async def send(out: Outbound) -> None:
        await output(out.topic).send(key=out.key, value=out.value)

    async def pause_point() -> None:
        # Polls a file on purpose: operators (and tests) flip it from outside the process.
        while settings.pause_file is not None and settings.pause_file.exists():  # noqa: ASYNC110
            await asyncio.sleep(0.2)

    async def arrived(event: Any) -> SourceRef:
        """Common start of every agent: honour a pause, note where the record came from."""
        await pause_point()
        origin = _origin(event)
        metrics.messages_consumed.labels(topic=origin.topic).inc()
        return origin

    def progressed(origin: SourceRef) -> None:
        state.tracker.processed((origin.topic, origin.partition), origin.offset, time.monotonic())

    async def failed(event: Any, origin: SourceRef, exc: Exception) -> None:
        log.exception("processing failed at %s", origin)
        raw = event.message.value or b""
        await send(dead_letter(topics, "processing_error", repr(exc), origin, event.message.key, raw))
        metrics.dead_letters.labels(reason="processing_error").inc()

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
                key = article.content_key.encode()
                with metrics.stage_seconds.labels(stage="dedup").time():
                    raw_state = seen.get(key)
                    before = ArticleSeen.model_validate(loads(raw_state)) if raw_state else None
                    fingerprint = Fingerprint.from_hex(article.simhash)
                    near = near_index.find(fingerprint) if before is None else None
                    verdict = article_verdict(article, before, near)
                if verdict.kind is not None:
                    notice = duplicate_notice(topics, article, verdict)
                    await send(notice)
                    metrics.duplicates.labels(layer="article", kind=notice.label).inc()
                if verdict.code:
                    with metrics.stage_seconds.labels(stage="extract").time():
                        events, outbound = code_candidates(topics, article)
                    with metrics.stage_seconds.labels(stage="publish").time():
                        for out in outbound:
                            await send(out)
                    metrics.events_extracted.inc(len(events))
                # Coded and forwarded first, then recorded: a replay codes again into the same event ids,
                # and the event layer drops what it already published.
                state_value = dumps_model(remember_article(article, before, time.time()))
                await record(SEEN_TABLE, key, state_value, origin.partition)
                if before is None:
                    near_index.add(fingerprint, article.article_id)
                outcome = "new" if verdict.kind is None else "duplicate"
                metrics.articles.labels(outcome=outcome).inc()
                raw_origin = article.origin
                if raw_origin is not None and raw_origin.timestamp_ms:
                    lag = max(0.0, time.time() - raw_origin.timestamp_ms / 1000)
                    metrics.end_to_end_lag_seconds.observe(lag)
            except Exception as exc:
                await failed(event, origin, exc)
                metrics.articles.labels(outcome="failed").inc()
            finally:
                metrics.processing_seconds.observe(time.perf_counter() - started)
                progressed(origin)

    @app.agent(candidates_topic, name="events")
    async def events_agent(stream: Any) -> None:
        async for event in stream.events():
            origin = await arrived(event)
            try:
                candidate = EventCandidate.model_validate(loads(event.message.value))
                coded = candidate.event
                key = coded.event_id.encode()
                table_name = _EVENT_TABLES[event_topic(topics, coded) == topics.conflict]
                events_table = bounded[table_name][0]
                raw_stats = stats_table.get(key)
                stats = EventStats.model_validate(loads(raw_stats)) if raw_stats else None
                outcome = apply_candidate(candidate, key in events_table, stats, dt.datetime.now(dt.UTC))
                # Each write below is its own publish and its own idempotency check, in this order,
                # so a crash anywhere in between is repaired by the replay.
                if outcome.event is not None:
                    await record(table_name, key, dumps_model(outcome.event), origin.partition)
                    metrics.events_published.labels(
                        event_type=coded.event_type, quad_class=str(coded.quad_class)
                    ).inc()
                else:
                    metrics.duplicates.labels(layer="event", kind="event").inc()
                mention_key = key + b"|" + candidate.mention.article_id.encode()
                if mention_key not in mentions:
                    await record(
                        MENTIONS_TABLE, mention_key, dumps_model(candidate.mention), origin.partition
                    )
                    metrics.mentions_published.inc()
                if outcome.stats is not None:
                    await record(STATS_TABLE, key, dumps_model(outcome.stats), origin.partition)
            except Exception as exc:
                await failed(event, origin, exc)
            finally:
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
            assigned_tps = [tp for tp in app.consumer.assignment() if tp.topic in input_topics]
        except Exception:  # consumer not started yet or gone with the broker
            assigned_tps = []
        state.tracker.assigned([(tp.topic, tp.partition) for tp in assigned_tps], now)
        metrics.partitions_assigned.set(len(assigned_tps))
        highwaters: dict[Partition, int | None] = {}
        for tp in assigned_tps:
            try:
                highwaters[(tp.topic, tp.partition)] = app.consumer.highwater(tp)
            except Exception:
                highwaters[(tp.topic, tp.partition)] = None
        for key in set(state.highwaters) - set(highwaters):
            with contextlib.suppress(KeyError):
                metrics.consumer_lag.remove(key[0], str(key[1]))
        state.highwaters = highwaters
        for key, highwater in highwaters.items():
            lag = state.tracker.lag(key, highwater)
            if lag is not None:
                metrics.consumer_lag.labels(topic=key[0], partition=str(key[1])).set(lag)
        wall = time.time()
        for name, (sized, index) in bounded.items():
            if not app.in_recovery and len(sized) > len(index):
                # Restored from the changelog after a (re)start: adopt what recovery brought in.
                index.adopt([k for k in sized.data if k not in index], wall)
                evict(name, index.overflow())
            evict(name, index.expired(wall))
            metrics.state_entries.labels(table=name).set(len(sized))
        metrics.state_entries.labels(table=NEAR_TABLE).set(len(near_index))
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
