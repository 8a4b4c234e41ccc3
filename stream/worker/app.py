"""The worker's Faust app assembled from its parts: three agents, their tables, the monitor, the pages."""

from __future__ import annotations

import time
from collections.abc import Callable

import faust
from prometheus_client import CollectorRegistry

from stream.config.kafka import faust_credentials
from stream.config.settings import Settings
from stream.worker.agents import Stages, add_agents
from stream.worker.coding import ProcessCoder
from stream.worker.health import LoopClock, ProgressTracker, WorkerState
from stream.worker.metrics import Metrics
from stream.worker.monitor import HEARTBEAT_SECONDS, Monitor, WorkerSensor, add_monitor
from stream.worker.pages import WorkerHealth, add_pages
from stream.worker.publisher import Publisher
from stream.worker.tables import DedupTables
from stream.worker.transport import use_consumer_fixes

__all__ = ["create_app", "faust_app"]


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
        producer_max_request_size=settings.producer_max_request_bytes,
        stream_processing_timeout=settings.stuck_stream_warning_seconds,
        table_standby_replicas=settings.table_standby_replicas,
    )
    use_consumer_fixes(app, settings.fetch_max_wait_seconds, on_refetch, require_finished)
    return app


def create_app(settings: Settings, registry: CollectorRegistry | None = None) -> faust.App:
    """Build the worker app: agents ingest, process and events (stream.worker.agents) over the dedup
    tables (tables), the coding process (coding), the monitor timer, heartbeat and broker probe (monitor)
    and the HTTP pages (pages). Nothing connects until a faust.Worker starts it."""
    registry = registry or CollectorRegistry()
    metrics = Metrics(registry)
    topics = settings.topics
    state = WorkerState(
        ProgressTracker(settings.stall_seconds),
        last_tick=time.monotonic(),
        clock=LoopClock(max_step=2 * HEARTBEAT_SECONDS),
    )
    app = faust_app(
        settings,
        on_refetch=lambda topic: metrics.consumer_refetches.labels(topic=topic).inc(),
        require_finished=True,
    )
    publisher = Publisher(app, settings.partitions, metrics, settings.producer_max_request_bytes)
    coder = ProcessCoder(settings.coding_budget_seconds, on_restart=metrics.coder_restarts.inc)
    app.sensors.add(WorkerSensor(settings, metrics, state, publisher, coder))
    raw, articles, candidates = (
        app.topic(name, partitions=settings.partitions)
        for name in (topics.raw, topics.articles, topics.candidates)
    )
    tables = DedupTables(app, settings, metrics, publisher)
    stages = Stages(app, settings, metrics, tables, publisher, state, coder)
    add_agents(app, stages, raw, articles, candidates)
    health = WorkerHealth(app, state, settings.max_tick_age_seconds)
    add_monitor(app, Monitor(app, settings, metrics, state, tables, health))
    add_pages(app, health, registry)
    app.newsevents_metrics = metrics  # type: ignore[attr-defined]
    return app
