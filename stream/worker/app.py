"""The Faust application: two thin agents (ingest, process) around the pure pipeline functions."""

from __future__ import annotations

import asyncio
import contextlib
import datetime as dt
import logging
import time
from collections.abc import Callable
from typing import Any

import faust
from aiokafka import TopicPartition as KafkaTP
from faust.sensors import Sensor
from faust.types import TP
from prometheus_client import CONTENT_TYPE_LATEST, CollectorRegistry, generate_latest

from stream.config.kafka import faust_credentials
from stream.config.settings import Settings
from stream.config.topics import (
    EVENTS_CONFLICT_TABLE,
    EVENTS_DIPLOMATIC_TABLE,
    MENTIONS_TABLE,
    NEAR_TABLE,
    SEEN_TABLE,
    STATS_TABLE,
)
from stream.dedup.articles import article_verdict, duplicate_notice, remember_article
from stream.dedup.bounds import RecencyIndex
from stream.dedup.events import apply_candidate, code_candidates, event_topic
from stream.dedup.fingerprints import Fingerprint, MappingBandIndex
from stream.ingest.stage import ingest
from stream.records.codec import dumps, dumps_model, loads
from stream.records.models import Article, ArticleSeen, EventCandidate, EventStats, SourceRef
from stream.records.outbound import Outbound, dead_letter
from stream.worker.health import Partition, ProgressTracker, liveness, partitions_to_refetch, readiness
from stream.worker.metrics import Metrics
from stream.worker.transport import use_consumer_fixes

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
        self.last_reseek: dict[Partition, float] = {}
        # Set when Faust finishes a rebalance's recovery: the stores' key sets have changed.
        self.stores_changed = False


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


def faust_app(
    settings: Settings, on_refetch: Callable[[str], None] | None = None, require_finished: bool = False
) -> faust.App:
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
    use_consumer_fixes(app, settings.fetch_max_wait_seconds, on_refetch, require_finished)
    return app


def create_app(settings: Settings, registry: CollectorRegistry | None = None) -> faust.App:
    """Build the worker app; nothing connects until a faust.Worker starts it."""
    registry = registry or CollectorRegistry()
    metrics = Metrics(registry)
    topics = settings.topics
    state = _WorkerState(settings)
    app = faust_app(
        settings,
        on_refetch=lambda topic: metrics.consumer_refetches.labels(topic=topic).inc(),
        require_finished=True,
    )
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

    def rebalance_complete(sender: Any, /, *_args: Any, signal: Any, **_kwargs: Any) -> None:
        state.stores_changed = True

    app.on_rebalance_complete.connect(rebalance_complete)

    changelogs = {
        SEEN_TABLE: f"{settings.app_id}-{SEEN_TABLE}-changelog",
        EVENTS_DIPLOMATIC_TABLE: topics.diplomatic,
        EVENTS_CONFLICT_TABLE: topics.conflict,
        MENTIONS_TABLE: topics.mentions,
        STATS_TABLE: topics.stats,
    }

    async def record(writes: list[tuple[str, bytes, bytes]], partition: int) -> None:
        """Publish table entries to their changelogs (for the event layer: the public records), wait
        until the broker has them, and only then write them to the local stores.

        Publish, then record: the local state never claims what the changelog does not hold, so a write
        lost on the way (a crash, or a partition revoked before Faust published its attached messages)
        is simply done again by whoever processes the input next. Faust's own table writes go through a
        buffer that neither an offset commit nor the local store waits for."""
        await asyncio.gather(
            *(
                output(changelogs[name]).send(key=key, value=value, partition=partition, force=True)
                for name, key, value in writes
            )
        )
        now = time.time()
        for name, key, value in writes:
            target, index = bounded[name]
            target.data[key] = value  # the input's partition, as Faust would
            index.touch(key, now)
            evict(name, index.overflow())

    output_topics: dict[str, Any] = {}

    def output(name: str) -> Any:
        """One Topic object per output topic: app.send(name) would build (and compile) a new one per call."""
        if name not in output_topics:
            output_topics[name] = app.topic(name, partitions=partitions)
        return output_topics[name]

    async def send(*outs: Outbound) -> None:
        """Publish now and wait for the broker: the input is acknowledged (and later committed) only
        after its outputs exist. (Faust's attached sends would wait for the next commit, and are never
        sent at all when the partition is revoked first.)"""
        await asyncio.gather(
            *(output(out.topic).send(key=out.key, value=out.value, force=True) for out in outs)
        )

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
        # Only records reported here may be committed; others Faust acks are fetched again.
        app.consumer.finished(TP(origin.topic, origin.partition), origin.offset)  # type: ignore[attr-defined]

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
                        await send(*outbound)
                    metrics.events_extracted.inc(len(events))
                # Coded and forwarded first, then recorded: a replay codes again into the same event ids,
                # and the event layer drops what it already published.
                state_value = dumps_model(remember_article(article, before, time.time()))
                await record([(SEEN_TABLE, key, state_value)], origin.partition)
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
                # Each write is its own idempotency check (event by id, mention by event + article,
                # stats by the articles counted), so a replay after a crash repairs a partial publish.
                writes: list[tuple[str, bytes, bytes]] = []
                if outcome.event is not None:
                    writes.append((table_name, key, dumps_model(outcome.event)))
                mention_key = key + b"|" + candidate.mention.article_id.encode()
                new_mention = mention_key not in mentions
                if new_mention:
                    writes.append((MENTIONS_TABLE, mention_key, dumps_model(candidate.mention)))
                if outcome.stats is not None:
                    writes.append((STATS_TABLE, key, dumps_model(outcome.stats)))
                await record(writes, origin.partition)
                if outcome.event is not None:
                    metrics.events_published.labels(
                        event_type=coded.event_type, quad_class=str(coded.quad_class)
                    ).inc()
                else:
                    metrics.duplicates.labels(layer="event", kind="event").inc()
                if new_mention:
                    metrics.mentions_published.inc()
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
        quiet = state.tracker.quiet_for(now)
        if not app.in_recovery and quiet > settings.reseek_after_seconds:
            # At most once per quiet period each; the progress clocks stay untouched, so an agent that
            # is truly stuck still turns the worker unready. Only those partitions need their committed
            # offset (a broker call for partitions Faust never committed).
            due = {
                key: hw
                for key, hw in highwaters.items()
                if hw and now - state.last_reseek.get(key, float("-inf")) > settings.reseek_after_seconds
            }
            committed = {key: await committed_offset(TP(*key)) for key in due}
            for partition, offset in partitions_to_refetch(
                due, committed, quiet, settings.reseek_after_seconds
            ):
                state.last_reseek[partition] = now
                await reseek(partition, offset)
        wall = time.time()
        if state.stores_changed and not app.in_recovery:
            state.stores_changed = False
            for name, (sized, index) in bounded.items():
                # One pass over the store per rebalance (a RocksDB store has no cheap length): adopt
                # what recovery brought in, forget what left with revoked partitions.
                keys = list(sized.data.keys())
                index.retain(set(keys))
                index.adopt([k for k in keys if k not in index], wall)
                evict(name, index.overflow())
        for name, (_sized, index) in bounded.items():
            evict(name, index.expired(wall))
            metrics.state_entries.labels(table=name).set(len(index))
        metrics.state_entries.labels(table=NEAR_TABLE).set(len(near_index))
        if state.last_commit is not None:
            metrics.last_commit_age_seconds.set(now - state.last_commit)
        state.broker_reachable = await _broker_reachable(settings.bootstrap_servers)
        metrics.ready.set(1 if _ready().ok else 0)

    async def committed_offset(tp: TP) -> int:
        """Where processing of tp must resume: the group's committed offset as Faust last committed
        it, else as the broker has it, else the start of the partition."""
        known = getattr(app.consumer, "_committed_offset", {}).get(tp)
        if known is not None:
            return int(known)
        thread = app.consumer._thread  # type: ignore[attr-defined]  # owns the aiokafka client
        client = thread._ensure_consumer()
        offset = await thread.call_thread(client.committed, KafkaTP(tp.topic, tp.partition))
        return int(offset) if offset is not None and offset >= 0 else 0

    async def reseek(partition: Partition, offset: int) -> None:
        """Fetch a partition again from its committed offset; replays are idempotent."""
        topic, number = partition
        log.warning(
            "%s[%d] has records past its committed offset and the worker is idle: fetching again from %d",
            topic,
            number,
            offset,
        )
        await app.consumer.seek(TP(topic, number), offset)
        metrics.consumer_reseeks.labels(topic=topic).inc()

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
