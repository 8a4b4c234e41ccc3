"""The three agents (ingest; article dedup + coding; event dedup + publish) and their per-record steps."""

from __future__ import annotations

import asyncio
import datetime as dt
import logging
import time
from typing import Any

import faust
from faust.types import TP

from stream.config.settings import Settings
from stream.config.topics import SEEN_TABLE
from stream.dedup.articles import article_verdict, duplicate_notice, remember_article
from stream.dedup.events import apply_candidate, code_candidates, event_topic
from stream.dedup.fingerprints import Fingerprint
from stream.ingest.stage import ingest
from stream.records.codec import dumps_model, loads
from stream.records.models import Article, ArticleSeen, EventCandidate, EventStats, SourceRef
from stream.records.outbound import dead_letter
from stream.worker.health import ProgressTracker
from stream.worker.metrics import Metrics
from stream.worker.publisher import Publisher
from stream.worker.tables import DedupTables, event_writes, mention_key

__all__ = ["Stages", "add_agents", "end_to_end_lag", "origin_of"]

log = logging.getLogger(__name__)


def origin_of(message: Any) -> SourceRef:
    """Where a Kafka record came from (its timestamp in seconds becomes milliseconds)."""
    return SourceRef(
        topic=message.topic,
        partition=message.partition,
        offset=message.offset,
        timestamp_ms=int(message.timestamp * 1000) if message.timestamp else None,
    )


def end_to_end_lag(article: Article, now: float) -> float | None:
    """Seconds from the raw record's Kafka timestamp to now; None when the raw record had none."""
    raw_origin = article.origin
    if raw_origin is None or not raw_origin.timestamp_ms:
        return None
    return max(0.0, now - raw_origin.timestamp_ms / 1000)


class Stages:
    """What each agent does with one record. Every record ends in `progressed` (only those may be
    committed); a failure goes to the dead-letter topic instead of stopping the agent."""

    def __init__(
        self,
        app: faust.App,
        settings: Settings,
        metrics: Metrics,
        tables: DedupTables,
        publisher: Publisher,
        tracker: ProgressTracker,
    ) -> None:
        self._app = app
        self._settings = settings
        self._topics = settings.topics
        self._metrics = metrics
        self._tables = tables
        self._publisher = publisher
        self._tracker = tracker

    async def _pause_point(self) -> None:
        pause_file = self._settings.pause_file
        # Polls a file on purpose: operators (and tests) flip it from outside the process.
        while pause_file is not None and pause_file.exists():  # noqa: ASYNC110
            await asyncio.sleep(0.2)

    async def arrived(self, event: Any) -> SourceRef:
        """Common start of every agent: honour a pause, note where the record came from."""
        await self._pause_point()
        origin = origin_of(event.message)
        self._metrics.messages_consumed.labels(topic=origin.topic).inc()
        return origin

    def progressed(self, origin: SourceRef) -> None:
        self._tracker.processed((origin.topic, origin.partition), origin.offset, time.monotonic())
        # Only records reported here may be committed; others Faust acks are fetched again.
        self._app.consumer.finished(TP(origin.topic, origin.partition), origin.offset)  # type: ignore[attr-defined]

    async def failed(self, event: Any, origin: SourceRef, exc: Exception) -> None:
        log.exception("processing failed at %s", origin)
        raw = event.message.value or b""
        await self._publisher.send(
            dead_letter(self._topics, "processing_error", repr(exc), origin, event.message.key, raw)
        )
        self._metrics.dead_letters.labels(reason="processing_error").inc()

    async def on_raw(self, event: Any) -> None:
        """Raw record -> article (keyed by content key) or dead letter."""
        metrics, topics = self._metrics, self._topics
        origin = await self.arrived(event)
        with metrics.stage_seconds.labels(stage="ingest").time():
            try:
                out = ingest(topics, event.message.value, event.message.key, origin)
            except Exception as exc:  # the agent must survive any input
                log.exception("ingest failed at %s", origin)
                raw = event.message.value or b""
                out = dead_letter(topics, "internal_error", repr(exc), origin, event.message.key, raw)
            await self._publisher.send(out)
        if out.topic == topics.dlq:
            metrics.dead_letters.labels(reason=out.label).inc()
            metrics.raw_messages.labels(outcome="dead_letter").inc()
        else:
            metrics.raw_messages.labels(outcome="article").inc()
        if out.topic == topics.skipped:
            # Read but not coded (in a language the coder cannot read): an article outcome of its own.
            metrics.articles.labels(outcome=out.label).inc()
        self.progressed(origin)

    async def on_article(self, event: Any) -> None:
        """Article -> duplicate notice and/or event candidates; then the article is recorded as seen."""
        origin = await self.arrived(event)
        started = time.perf_counter()
        try:
            await self._process_article(Article.model_validate(loads(event.message.value)), origin)
        except Exception as exc:
            await self.failed(event, origin, exc)
            self._metrics.articles.labels(outcome="failed").inc()
        finally:
            self._metrics.processing_seconds.observe(time.perf_counter() - started)
            self.progressed(origin)

    async def _process_article(self, article: Article, origin: SourceRef) -> None:
        metrics, tables = self._metrics, self._tables
        key = article.content_key.encode()
        with metrics.stage_seconds.labels(stage="dedup").time():
            raw_state = tables.seen.get(key)
            before = ArticleSeen.model_validate(loads(raw_state)) if raw_state else None
            fingerprint = Fingerprint.from_hex(article.simhash)
            near = tables.near_index.find(fingerprint) if before is None else None
            verdict = article_verdict(article, before, near)
        if verdict.kind is not None:
            notice = duplicate_notice(self._topics, article, verdict)
            await self._publisher.send(notice)
            metrics.duplicates.labels(layer="article", kind=notice.label).inc()
        if verdict.code:
            await self._code(article)
        # Coded and forwarded first, then recorded: a replay codes again into the same event ids,
        # and the event layer drops what it already published.
        state_value = dumps_model(remember_article(article, before, time.time()))
        await tables.record([(SEEN_TABLE, key, state_value)], origin.partition)
        if before is None:
            tables.near_index.add(fingerprint, article.article_id)
        metrics.articles.labels(outcome="new" if verdict.kind is None else "duplicate").inc()
        lag = end_to_end_lag(article, time.time())
        if lag is not None:
            metrics.end_to_end_lag_seconds.observe(lag)

    async def _code(self, article: Article) -> None:
        metrics = self._metrics
        with metrics.stage_seconds.labels(stage="extract").time():
            events, outbound = code_candidates(self._topics, article)
        with metrics.stage_seconds.labels(stage="publish").time():
            await self._publisher.send(*outbound)
        metrics.events_extracted.inc(len(events))

    async def on_candidate(self, event: Any) -> None:
        """Event candidate -> event (first report), mention and stats records, by publishing table writes."""
        origin = await self.arrived(event)
        try:
            await self._apply_candidate(EventCandidate.model_validate(loads(event.message.value)), origin)
        except Exception as exc:
            await self.failed(event, origin, exc)
        finally:
            self.progressed(origin)

    async def _apply_candidate(self, candidate: EventCandidate, origin: SourceRef) -> None:
        metrics, tables = self._metrics, self._tables
        coded = candidate.event
        key = coded.event_id.encode()
        table_name, events_table = tables.events(event_topic(self._topics, coded) == self._topics.conflict)
        raw_stats = tables.stats.get(key)
        stats = EventStats.model_validate(loads(raw_stats)) if raw_stats else None
        outcome = apply_candidate(candidate, key in events_table, stats, dt.datetime.now(dt.UTC))
        new_mention = mention_key(key, candidate.mention.article_id) not in tables.mentions
        await tables.record(
            event_writes(table_name, key, candidate, outcome, not new_mention), origin.partition
        )
        if outcome.event is not None:
            metrics.events_published.labels(
                event_type=coded.event_type, quad_class=str(coded.quad_class)
            ).inc()
        else:
            metrics.duplicates.labels(layer="event", kind="event").inc()
        if new_mention:
            metrics.mentions_published.inc()


def add_agents(app: faust.App, stages: Stages, raw: Any, articles: Any, candidates: Any) -> None:
    """The agents, thin loops over `stages`: ingest (raw), process (articles), events (candidates)."""

    @app.agent(raw, name="ingest")
    async def ingest_agent(stream: Any) -> None:
        async for event in stream.events():
            await stages.on_raw(event)

    @app.agent(articles, name="process")
    async def process_agent(stream: Any) -> None:
        async for event in stream.events():
            await stages.on_article(event)

    @app.agent(candidates, name="events")
    async def events_agent(stream: Any) -> None:
        async for event in stream.events():
            await stages.on_candidate(event)
