"""The Faust application: two thin agents (ingest, process) around the pure pipeline functions."""

from __future__ import annotations

import logging
import time
from typing import Any

import faust
from prometheus_client import CONTENT_TYPE_LATEST, CollectorRegistry, generate_latest

from stream.codec import dumps, loads
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


def create_app(settings: Settings, registry: CollectorRegistry | None = None) -> faust.App:
    """Build the worker app; nothing connects until a faust.Worker starts it."""
    registry = registry or CollectorRegistry()
    metrics = Metrics(registry)
    topics = settings.topics
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
    raw_topic = app.topic(topics.raw, partitions=settings.partitions)
    articles_topic = app.topic(topics.articles, partitions=settings.partitions)
    # content_hash -> first article_id. Co-partitioned with articles_topic (same key, same partitions).
    seen = app.Table(SEEN_TABLE, default=None, partitions=settings.partitions, key_type=str, value_type=str)

    async def send(out: Outbound) -> None:
        await app.send(out.topic, key=out.key, value=out.value)

    @app.agent(raw_topic, name="ingest")
    async def ingest_agent(stream: Any) -> None:
        async for event in stream.events():
            origin = _origin(event)
            metrics.messages_consumed.labels(topic=origin.topic).inc()
            try:
                out = ingest(topics, event.message.value, event.message.key, origin)
            except Exception as exc:  # the agent must survive any input
                log.exception("ingest failed at %s", origin)
                out = dead_letter(
                    topics, "internal_error", repr(exc), origin, event.message.key, event.message.value or b""
                )
            await send(out)
            if out.topic == topics.dlq:
                metrics.dead_letters.labels(reason=loads(out.value)["reason"]).inc()
                metrics.raw_messages.labels(outcome="dead_letter").inc()
            else:
                metrics.raw_messages.labels(outcome="article").inc()

    @app.agent(articles_topic, name="process")
    async def process_agent(stream: Any) -> None:
        async for event in stream.events():
            origin = _origin(event)
            metrics.messages_consumed.labels(topic=origin.topic).inc()
            started = time.perf_counter()
            try:
                article = Article.model_validate(loads(event.message.value))
                first = seen.get(article.content_hash)
                if first is not None:
                    notice = duplicate_notice(topics, article, first)
                    await send(notice)
                    metrics.duplicates.labels(kind=loads(notice.value)["kind"]).inc()
                    metrics.articles.labels(outcome="duplicate").inc()
                    continue
                events, outbound = publish_plan(topics, article)
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
            except Exception as exc:
                log.exception("processing failed at %s", origin)
                letter = dead_letter(
                    topics,
                    "processing_error",
                    repr(exc),
                    origin,
                    event.message.key,
                    event.message.value or b"",
                )
                await send(letter)
                metrics.dead_letters.labels(reason="processing_error").inc()
                metrics.articles.labels(outcome="failed").inc()
            finally:
                metrics.processing_seconds.observe(time.perf_counter() - started)

    @app.page("/metrics")
    async def metrics_page(web: Any, request: Any) -> Any:
        return web.bytes(generate_latest(registry), content_type=_METRICS_TYPE)

    @app.page("/healthz")
    async def healthz(web: Any, request: Any) -> Any:
        return web.bytes(dumps({"status": "ok"}), content_type="application/json")

    app.newsevents_metrics = metrics  # type: ignore[attr-defined]
    return app
