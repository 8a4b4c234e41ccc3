"""The three agents (ingest; article dedup + coding; event dedup + publish) and their per-record steps."""

from __future__ import annotations

import asyncio
import datetime as dt
import logging
import time
from collections.abc import Awaitable, Callable
from typing import Any, Protocol

import faust
from faust.types import TP

from stream.config.settings import DEAD_LETTER_ENVELOPE_BYTES, Settings
from stream.config.topics import SEEN_TABLE
from stream.dedup.articles import article_verdict, duplicate_notice, remember_article
from stream.dedup.events import apply_candidate, event_topic
from stream.dedup.fingerprints import Fingerprint
from stream.ingest.stage import ingest
from stream.records.codec import dumps_model, loads
from stream.records.models import Article, ArticleSeen, DeadLetter, EventCandidate, EventStats, SourceRef
from stream.records.outbound import DEFAULT_VALUE_KEPT_BYTES, Outbound, dead_letter, fit_article
from stream.worker.coding import CodingError
from stream.worker.health import WorkerState
from stream.worker.metrics import Metrics
from stream.worker.publisher import OutputTooLarge, Publisher
from stream.worker.tables import DedupTables, event_writes, mention_key

__all__ = [
    "ArticleCoder",
    "Stages",
    "add_agents",
    "end_to_end_lag",
    "failure_of",
    "kept_value_bytes",
    "origin_of",
]

log = logging.getLogger(__name__)


def origin_of(message: Any) -> SourceRef:
    """Where a Kafka record came from (its timestamp in seconds becomes milliseconds)."""
    return SourceRef(
        topic=message.topic,
        partition=message.partition,
        offset=message.offset,
        timestamp_ms=int(message.timestamp * 1000) if message.timestamp else None,
    )


def kept_value_bytes(configured: int, max_record_bytes: int) -> int:
    """What a dead letter keeps of a value: the setting, or less when the record limit is lower (the
    broker's): the kept bytes in base64 and the envelope must fit one record."""
    return max(0, min(configured, (max_record_bytes - DEAD_LETTER_ENVELOPE_BYTES) * 3 // 4))


def failure_of(exc: Exception) -> tuple[str, str]:
    """(dead-letter reason, detail) of a record whose processing raised `exc`."""
    if isinstance(exc, OutputTooLarge):
        return "output_too_large", str(exc)
    if isinstance(exc, CodingError):
        return exc.reason, str(exc)
    return "processing_error", repr(exc)


class ArticleCoder(Protocol):
    """Codes an Article record into its event candidates' (key, value), or raises CodingError."""

    async def code(self, article_record: bytes) -> list[tuple[bytes, bytes]]: ...


def end_to_end_lag(article: Article, now: float) -> float | None:
    """Seconds from the raw record's Kafka timestamp to now; None when the raw record had none."""
    raw_origin = article.origin
    if raw_origin is None or not raw_origin.timestamp_ms:
        return None
    return max(0.0, now - raw_origin.timestamp_ms / 1000)


class Stages:
    """What each agent does with one record. A record is reported `progressed` (only those may be
    committed) once its outputs are published, or once it is on the dead-letter topic; the agent itself
    never fails. A send that fails on the way to the broker is sent again (Publisher), so the agent waits
    rather than committing past the record."""

    def __init__(
        self,
        app: faust.App,
        settings: Settings,
        metrics: Metrics,
        tables: DedupTables,
        publisher: Publisher,
        state: WorkerState,
        coder: ArticleCoder,
    ) -> None:
        self._app = app
        self._settings = settings
        self._topics = settings.topics
        self._metrics = metrics
        self._tables = tables
        self._publisher = publisher
        self._state = state
        self._coder = coder
        #: Wait before the next record after a dead letter could not be sent (the record is fetched again).
        self.unsent_pause_seconds = 5.0

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
        now = self._state.clock.now(time.monotonic())
        self._state.tracker.processed((origin.topic, origin.partition), origin.offset, now)
        # Only records reported here may be committed; others Faust acks are fetched again.
        self._app.consumer.finished(TP(origin.topic, origin.partition), origin.offset)  # type: ignore[attr-defined]

    async def _handle(
        self,
        event: Any,
        work: Callable[[Any, SourceRef], Awaitable[None]],
        on_dead_letter: Callable[[], None] = lambda: None,
    ) -> None:
        """Run one record's work; if it fails, the record goes to the dead-letter topic instead. Only a
        record whose dead letter cannot be sent either stays unfinished (it is fetched again)."""
        origin = await self.arrived(event)
        try:
            await work(event, origin)
        except Exception as exc:
            reason, detail = failure_of(exc)
            if reason == "processing_error":
                log.exception("processing failed at %s", origin)
            else:
                log.warning("%s at %s: %s", reason, origin, detail)
            try:
                await self.dead_letter(event, origin, reason, detail)
            except Exception:
                log.exception("the dead letter for %s could not be sent: the record is fetched again", origin)
                await asyncio.sleep(self.unsent_pause_seconds)
                return
            on_dead_letter()
        self.progressed(origin)

    def _letter(self, event: Any, origin: SourceRef, reason: str, detail: str) -> Outbound:
        kept = kept_value_bytes(self._settings.dead_letter_max_value_bytes, self._publisher.max_record_bytes)
        raw = event.message.value or b""
        return dead_letter(self._topics, reason, detail, origin, event.message.key, raw, kept)

    async def dead_letter(self, event: Any, origin: SourceRef, reason: str, detail: str) -> None:
        """Publish the record's dead letter (retried until the broker has it)."""
        await self._publisher.send(self._letter(event, origin, reason, detail))
        self._metrics.dead_letters.labels(reason=reason).inc()

    async def on_raw(self, event: Any) -> None:
        """Raw record -> article (keyed by content key; cut to fit a record) or dead letter."""
        await self._handle(
            event, self._ingest, lambda: self._metrics.raw_messages.labels(outcome="dead_letter").inc()
        )

    async def _ingest(self, event: Any, origin: SourceRef) -> None:
        metrics, topics = self._metrics, self._topics
        with metrics.stage_seconds.labels(stage="ingest").time():
            try:
                out = ingest(topics, event.message.value, event.message.key, origin)
            except Exception as exc:  # the agent must survive any input
                log.exception("ingest failed at %s", origin)
                out = self._letter(event, origin, "internal_error", repr(exc))
            out = self._fit(event, origin, out)
            await self._publisher.send(out)
        if out.topic == topics.dlq:
            metrics.dead_letters.labels(reason=out.label).inc()
            metrics.raw_messages.labels(outcome="dead_letter").inc()
        else:
            metrics.raw_messages.labels(outcome="article").inc()
        if out.topic == topics.skipped:
            # Read but not coded (in a language the coder cannot read): an article outcome of its own.
            metrics.articles.labels(outcome=out.label).inc()

    def _fit(self, event: Any, origin: SourceRef, out: Outbound) -> Outbound:
        """An article cut to the record limit (and flagged); a dead letter with the configured cap."""
        if out.topic == self._topics.articles:
            fitted = fit_article(out, self._publisher.max_record_bytes)
            if fitted is not out:
                self._metrics.articles_truncated.inc()
                log.warning("the article of %s was cut to fit one record (%d bytes)", origin, len(out.value))
            return fitted
        kept = kept_value_bytes(self._settings.dead_letter_max_value_bytes, self._publisher.max_record_bytes)
        if out.topic == self._topics.dlq and kept != DEFAULT_VALUE_KEPT_BYTES:
            letter = DeadLetter.model_validate_json(out.value)
            return self._letter(event, origin, letter.reason, letter.detail)
        return out

    async def on_article(self, event: Any) -> None:
        """Article -> duplicate notice and/or event candidates; then the article is recorded as seen."""
        started = time.perf_counter()
        try:
            await self._handle(
                event, self._process_article, lambda: self._metrics.articles.labels(outcome="failed").inc()
            )
        finally:
            self._metrics.processing_seconds.observe(time.perf_counter() - started)

    async def _process_article(self, event: Any, origin: SourceRef) -> None:
        metrics, tables = self._metrics, self._tables
        article = Article.model_validate_json(event.message.value)
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
        coded = await self._code(event, origin) if verdict.code else True
        # Coded and forwarded first, then recorded: a replay codes again into the same event ids,
        # and the event layer drops what it already published. An article whose coding failed is
        # recorded too (its dead letter is out): a replay meets it once more at most.
        state_value = dumps_model(remember_article(article, before, time.time()))
        await tables.record([(SEEN_TABLE, key, state_value)], origin.partition)
        if before is None:
            tables.near_index.add(fingerprint, article.article_id)
        outcome = "replayed" if verdict.replay else "new" if verdict.kind is None else "duplicate"
        metrics.articles.labels(outcome=outcome if coded else "failed").inc()
        lag = end_to_end_lag(article, time.time())
        if lag is not None:
            metrics.end_to_end_lag_seconds.observe(lag)

    async def _code(self, event: Any, origin: SourceRef) -> bool:
        """Code the article (in the coding process, within its budget) and forward its candidates; an
        article the coder cannot finish is dead-lettered (False)."""
        metrics = self._metrics
        with metrics.stage_seconds.labels(stage="extract").time():
            try:
                candidates = await self._coder.code(event.message.value)
            except CodingError as exc:
                log.warning("%s at %s: %s", exc.reason, origin, exc)
                await self.dead_letter(event, origin, exc.reason, str(exc))
                return False
        with metrics.stage_seconds.labels(stage="publish").time():
            await self._publisher.send(*(Outbound(self._topics.candidates, k, v) for k, v in candidates))
        metrics.events_extracted.inc(len(candidates))
        return True

    async def on_candidate(self, event: Any) -> None:
        """Event candidate -> event (first report), mention and stats records, by publishing table writes."""
        await self._handle(event, self._apply_candidate)

    async def _apply_candidate(self, event: Any, origin: SourceRef) -> None:
        candidate = EventCandidate.model_validate_json(event.message.value)
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
