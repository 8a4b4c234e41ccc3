"""The three agents (ingest; article dedup + coding; event dedup + publish) and their per-record steps."""

from __future__ import annotations

import asyncio
import datetime as dt
import logging
import time
from collections.abc import Awaitable, Callable, Sequence
from dataclasses import dataclass, field
from typing import Any, Protocol

import faust
from faust.types import TP

from stream.config.settings import DEAD_LETTER_ENVELOPE_BYTES, Settings
from stream.config.topics import MENTIONS_TABLE, SEEN_TABLE, STATS_TABLE
from stream.dedup.articles import article_verdict, duplicate_notice, remember_article
from stream.dedup.events import CandidateRecord, apply_candidate
from stream.dedup.fingerprints import NEAR_DUPLICATE_BITS, Fingerprint, NearDuplicateIndex, NearMatch
from stream.ingest.stage import ingest
from stream.records.codec import dumps_model, loads
from stream.records.models import Article, ArticleSeen, DeadLetter, EventStats, SourceRef
from stream.records.outbound import DEFAULT_VALUE_KEPT_BYTES, Outbound, dead_letter, fit_article
from stream.worker.batches import Overlay, Placed, coalesce_last, pack_candidates, unpack_candidates
from stream.worker.coding import Coded, CodingError
from stream.worker.health import WorkerState
from stream.worker.metrics import Metrics
from stream.worker.publisher import OutputTooLarge, Publisher
from stream.worker.tables import DedupTables, Write, event_writes, mention_key

__all__ = [
    "ARTICLE_BATCH_MAX_RECORDS",
    "ArticleCoder",
    "Stages",
    "add_agents",
    "end_to_end_lag",
    "failure_of",
    "kept_value_bytes",
    "origin_of",
]

log = logging.getLogger(__name__)

#: Most articles the article stage codes in one batch (the other stages take NEWSEVENTS_BATCH_MAX_RECORDS).
ARTICLE_BATCH_MAX_RECORDS = 16


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
    """Codes Article records into their event candidates' (key, value), or the CodingError of each."""

    async def code_many(self, article_records: Sequence[bytes]) -> list[Coded]: ...


def end_to_end_lag(article: Article, now: float) -> float | None:
    """Seconds from the raw record's Kafka timestamp to now; None when the raw record had none."""
    raw_origin = article.origin
    if raw_origin is None or not raw_origin.timestamp_ms:
        return None
    return max(0.0, now - raw_origin.timestamp_ms / 1000)


@dataclass(slots=True)
class _Item:
    """One input record of a batch: what it sends, what it writes, what to count once it is through."""

    event: Any
    origin: SourceRef
    outs: list[Outbound] = field(default_factory=list)
    placed: list[Placed] = field(default_factory=list)
    writes: list[Write] = field(default_factory=list)
    done: list[Callable[[], None]] = field(default_factory=list)
    error: Exception | None = None
    coded: bool = True  # False: the coder could not finish the article (it is dead-lettered)


async def _each(sends: list[Awaitable[None]]) -> list[Exception | None]:
    """Run every send at once (so the producer batches their records); each one's exception, or None."""
    results = await asyncio.gather(*sends, return_exceptions=True)
    out: list[Exception | None] = []
    for result in results:
        if isinstance(result, BaseException) and not isinstance(result, Exception):
            raise result  # cancelled: the worker stops
        out.append(result)
    return out


class Stages:
    """What each agent does with a batch of records. A record is reported `progressed` (only those may
    be committed) once its outputs are published, or once it is on the dead-letter topic; the agent itself
    never fails. A send that fails on the way to the broker is sent again (Publisher), so the agent waits
    rather than committing past the record.

    A batch is handled in steps: every record's outputs are worked out first (later records see what
    earlier ones will write, through an overlay of the batch's table writes), then all outputs are sent
    at once and awaited, then the table writes are published to their changelogs and awaited, and only
    then written to the local stores and the records reported progressed: publish before commit, as one
    record at a time did, with one round trip to the broker per step instead of one per record."""

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
        self.batch_max_records = settings.batch_max_records
        self.batch_wait_seconds = settings.batch_wait_seconds

    async def _pause_point(self) -> None:
        pause_file = self._settings.pause_file
        # Polls a file on purpose: operators (and tests) flip it from outside the process.
        while pause_file is not None and pause_file.exists():  # noqa: ASYNC110
            await asyncio.sleep(0.2)

    async def arrived(self, event: Any) -> SourceRef:
        """Common start of every record: honour a pause, note where the record came from."""
        await self._pause_point()
        origin = origin_of(event.message)
        self._metrics.messages_consumed.labels(topic=origin.topic).inc()
        return origin

    def progressed(self, origin: SourceRef) -> None:
        now = self._state.clock.now(time.monotonic())
        self._state.tracker.processed((origin.topic, origin.partition), origin.offset, now)
        # Only records reported here may be committed; others Faust acks are fetched again.
        self._app.consumer.finished(TP(origin.topic, origin.partition), origin.offset)  # type: ignore[attr-defined]

    async def _failed(
        self, item: _Item, exc: Exception, on_dead_letter: Callable[[], None] = lambda: None
    ) -> None:
        """The record's work failed: it goes to the dead-letter topic instead. Only a record whose dead
        letter cannot be sent either stays unfinished (it is fetched again)."""
        origin = item.origin
        reason, detail = failure_of(exc)
        if reason == "processing_error":
            log.error("processing failed at %s", origin, exc_info=exc)
        else:
            log.warning("%s at %s: %s", reason, origin, detail)
        try:
            await self.dead_letter(item.event, origin, reason, detail)
        except Exception:
            log.exception("the dead letter for %s could not be sent: the record is fetched again", origin)
            await asyncio.sleep(self.unsent_pause_seconds)
            return
        on_dead_letter()
        self.progressed(origin)

    async def _send_outputs(self, item: _Item) -> None:
        if item.outs:
            await self._publisher.send(*item.outs)
        if item.placed:
            await self._publisher.send_placed(item.placed)

    async def _finish(self, items: list[_Item], on_dead_letter: Callable[[], None] = lambda: None) -> None:
        """Send the outputs of every item that got this far, then publish and record their table writes
        (per partition, at once); report each item progressed, or dead-letter it."""
        ready = [item for item in items if item.error is None]
        for item, error in zip(ready, await _each([self._send_outputs(i) for i in ready]), strict=True):
            item.error = error
        ready = [item for item in ready if item.error is None and item.writes]
        errors = await _each([self._tables.record(i.writes, i.origin.partition) for i in ready])
        for item, error in zip(ready, errors, strict=True):
            item.error = error
        for item in items:
            if item.error is None:
                for count in item.done:
                    count()
                self.progressed(item.origin)
            else:
                await self._failed(item, item.error, on_dead_letter)

    def _letter(self, event: Any, origin: SourceRef, reason: str, detail: str) -> Outbound:
        kept = kept_value_bytes(self._settings.dead_letter_max_value_bytes, self._publisher.max_record_bytes)
        raw = event.message.value or b""
        return dead_letter(self._topics, reason, detail, origin, event.message.key, raw, kept)

    async def dead_letter(self, event: Any, origin: SourceRef, reason: str, detail: str) -> None:
        """Publish the record's dead letter (retried until the broker has it)."""
        await self._publisher.send(self._letter(event, origin, reason, detail))
        self._metrics.dead_letters.labels(reason=reason).inc()

    # ------------------------------------------------------------------------------------------ ingest

    async def on_raw(self, event: Any) -> None:
        await self.on_raws([event])

    async def on_raws(self, events: Sequence[Any]) -> None:
        """Raw records -> articles (keyed by content key; cut to fit a record) or dead letters."""
        items = []
        for event in events:
            item = _Item(event, await self.arrived(event))
            try:
                self._ingest(item)
            except Exception as exc:
                item.error = exc
            items.append(item)
        await self._finish(items, lambda: self._metrics.raw_messages.labels(outcome="dead_letter").inc())

    def _ingest(self, item: _Item) -> None:
        metrics, topics, event, origin = self._metrics, self._topics, item.event, item.origin
        with metrics.stage_seconds.labels(stage="ingest").time():
            try:
                out = ingest(topics, event.message.value, event.message.key, origin)
            except Exception as exc:  # the agent must survive any input
                log.exception("ingest failed at %s", origin)
                out = self._letter(event, origin, "internal_error", repr(exc))
            out = self._fit(event, origin, out)
        item.outs.append(out)
        if out.topic == topics.dlq:
            item.done.append(lambda: metrics.dead_letters.labels(reason=out.label).inc())
            item.done.append(lambda: metrics.raw_messages.labels(outcome="dead_letter").inc())
        else:
            item.done.append(lambda: metrics.raw_messages.labels(outcome="article").inc())
        if out.topic == topics.skipped:
            # Read but not coded (in a language the coder cannot read): an article outcome of its own.
            item.done.append(lambda: metrics.articles.labels(outcome=out.label).inc())

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

    # ----------------------------------------------------------------------------------------- articles

    async def on_article(self, event: Any) -> None:
        await self.on_articles([event])

    async def on_articles(self, events: Sequence[Any]) -> None:
        """Articles -> duplicate notices and/or event candidates; then each article is recorded as seen
        (its candidates acknowledged first: a replay codes again into the same event ids, and the event
        layer drops what it already published). The batch's articles to code go to the coding process
        together."""
        started = time.perf_counter()
        batch = _ArticleBatch()
        items, to_code = [], []
        for event in events:
            item = _Item(event, await self.arrived(event))
            try:
                if self._judge_article(item, batch):
                    to_code.append(item)
            except Exception as exc:
                item.error = exc
            items.append(item)
        if to_code:
            with self._metrics.stage_seconds.labels(stage="extract").time():
                coded = await self._coder.code_many([item.event.message.value for item in to_code])
            for item, result in zip(to_code, coded, strict=True):
                self._forward(item, result)
        await self._finish(items, lambda: self._metrics.articles.labels(outcome="failed").inc())
        fresh = batch.fresh_of([i for i in items if i.error is None])
        if fresh:
            try:
                await self._tables.record_near(self._tables.near_index.planned(fresh))
            except Exception:  # the index only finds near copies: its articles are through already
                log.exception("the near-duplicate index could not record %d articles", len(fresh))
        each = (time.perf_counter() - started) / max(1, len(items))
        for _item in items:
            self._metrics.processing_seconds.observe(each)

    def _judge_article(self, item: _Item, batch: _ArticleBatch) -> bool:
        """The article's verdict, its duplicate notice and its seen state (an article whose coding fails
        is recorded too, its dead letter being out: a replay meets it once more at most); True when it
        is to be coded."""
        metrics, tables = self._metrics, self._tables
        article = Article.model_validate_json(item.event.message.value)
        key = article.content_key.encode()
        with metrics.stage_seconds.labels(stage="dedup").time():
            raw_state = batch.seen.get(SEEN_TABLE, key) or tables.seen.get(key)
            before = ArticleSeen.model_validate(loads(raw_state)) if raw_state else None
            fingerprint = Fingerprint.from_hex(article.simhash)
            near = batch.near(tables.near_index, fingerprint) if before is None else None
            verdict = article_verdict(article, before, near)
        if verdict.kind is not None:
            notice = duplicate_notice(self._topics, article, verdict)
            item.outs.append(notice)
            item.done.append(lambda: metrics.duplicates.labels(layer="article", kind=notice.label).inc())
        state_value = dumps_model(remember_article(article, before, time.time()))
        item.writes.append((SEEN_TABLE, key, state_value))
        batch.seen.put(SEEN_TABLE, key, state_value)
        if before is None:
            batch.add(item, fingerprint, article.article_id)
        outcome = "replayed" if verdict.replay else "new" if verdict.kind is None else "duplicate"
        item.done.append(lambda: metrics.articles.labels(outcome=outcome if item.coded else "failed").inc())
        item.done.append(lambda: self._observe_lag(article))
        return verdict.code

    def _observe_lag(self, article: Article) -> None:
        lag = end_to_end_lag(article, time.time())
        if lag is not None:
            self._metrics.end_to_end_lag_seconds.observe(lag)

    def _forward(self, item: _Item, result: Coded) -> None:
        """The coded article's candidates, packed one record per destination partition; an article the
        coder could not finish (within its budget) is dead-lettered instead."""
        metrics, event, origin = self._metrics, item.event, item.origin
        if isinstance(result, CodingError):
            reason = result.reason
            log.warning("%s at %s: %s", reason, origin, result)
            item.coded = False
            item.outs.append(self._letter(event, origin, reason, str(result)))
            item.done.append(lambda: metrics.dead_letters.labels(reason=reason).inc())
            return
        room = self._publisher.value_room()
        item.placed += pack_candidates(self._topics.candidates, result, self._settings.partitions, room)
        item.done.append(lambda: metrics.events_extracted.inc(len(result)))

    # ----------------------------------------------------------------------------------------- events

    async def on_candidate(self, event: Any) -> None:
        await self.on_candidates([event])

    async def on_candidates(self, events: Sequence[Any]) -> None:
        """Candidate records -> events (first report), mentions and stats, by publishing table writes. A
        stats record superseded by a later one of the same event in the batch is not sent (it holds the
        whole count so far)."""
        overlay = Overlay()
        now = dt.datetime.now(dt.UTC)
        items = []
        for event in events:
            item = _Item(event, await self.arrived(event))
            try:
                for candidate in unpack_candidates(event.message.value):
                    self._apply_candidate(item, candidate, overlay, now)
            except Exception as exc:
                item.error = exc
            items.append(item)
        _coalesce_stats(items)
        await self._finish(items)

    def _apply_candidate(
        self, item: _Item, candidate: CandidateRecord, overlay: Overlay, now: dt.datetime
    ) -> None:
        metrics, tables = self._metrics, self._tables
        key = candidate.event_id.encode()
        table_name, events_table = tables.events(candidate.conflict)
        raw_stats = overlay.get(STATS_TABLE, key) or tables.stats.get(key)
        stats = EventStats.model_validate(loads(raw_stats)) if raw_stats else None
        known = (table_name, key) in overlay or key in events_table
        outcome = apply_candidate(candidate, known, stats, now)
        mention = mention_key(key, candidate.article_id)
        new_mention = (MENTIONS_TABLE, mention) not in overlay and mention not in tables.mentions
        writes = event_writes(table_name, key, candidate, outcome, not new_mention)
        for table, write_key, value in writes:
            overlay.put(table, write_key, value)
        item.writes += writes
        if outcome.first_report is not None:
            event_type, quad = candidate.event_type, str(candidate.quad_class)
            item.done.append(
                lambda: metrics.events_published.labels(event_type=event_type, quad_class=quad).inc()
            )
        else:
            item.done.append(lambda: metrics.duplicates.labels(layer="event", kind="event").inc())
        if new_mention:
            item.done.append(metrics.mentions_published.inc)
        item.done.append(metrics.candidates_applied.inc)


def _coalesce_stats(items: list[_Item]) -> None:
    """Drop the stats writes a later write of the same event in the batch supersedes."""
    flat = [(item, index, write) for item in items for index, write in enumerate(item.writes)]
    superseded = coalesce_last((n, write) for n, (_, _, write) in enumerate(flat) if write[0] == STATS_TABLE)
    dropped = {(id(flat[n][0]), flat[n][1]) for n in superseded}
    if dropped:
        for item in items:
            item.writes = [w for index, w in enumerate(item.writes) if (id(item), index) not in dropped]


class _ArticleBatch:
    """What the articles of one batch will have recorded once it is through: their seen state, and the
    fingerprints of first-seen articles (the near-duplicate index gets them after the batch)."""

    def __init__(self) -> None:
        self.seen = Overlay()
        self._fresh: list[tuple[_Item, Fingerprint, str]] = []

    def add(self, item: _Item, fingerprint: Fingerprint, article_id: str) -> None:
        self._fresh.append((item, fingerprint, article_id))

    def near(self, index: NearDuplicateIndex, fingerprint: Fingerprint) -> NearMatch | None:
        """The index's nearest match, or a nearer first-seen article of this batch."""
        best = index.find(fingerprint)
        for _item, other, article_id in self._fresh:
            distance = fingerprint.distance(other)
            if distance <= NEAR_DUPLICATE_BITS and (best is None or distance < best.distance):
                best = NearMatch(article_id, distance)
        return best

    def fresh_of(self, through: list[_Item]) -> list[tuple[Fingerprint, str]]:
        """(fingerprint, article id) of the first-seen articles among the items that went through."""
        kept = {id(item) for item in through}
        return [
            (fingerprint, article_id) for item, fingerprint, article_id in self._fresh if id(item) in kept
        ]


def add_agents(app: faust.App, stages: Stages, raw: Any, articles: Any, candidates: Any) -> None:
    """The agents, thin loops over `stages`: ingest (raw), process (articles), events (candidates), each
    taking the records it has (up to NEWSEVENTS_BATCH_MAX_RECORDS, waiting NEWSEVENTS_BATCH_WAIT_SECONDS
    at most). Faust acks a batch's records after the loop body, once each is reported finished."""

    most, within = stages.batch_max_records, stages.batch_wait_seconds
    # An article's outputs wait for the coding of its whole batch (milliseconds per article): a short
    # batch there keeps a backlog from turning into seconds of latency for the first articles of it.
    coding_most = min(most, ARTICLE_BATCH_MAX_RECORDS)

    @app.agent(raw, name="ingest")
    async def ingest_agent(stream: Any) -> None:
        async for events in stream.take_events(most, within):
            await stages.on_raws(events)

    @app.agent(articles, name="process")
    async def process_agent(stream: Any) -> None:
        async for events in stream.take_events(coding_most, within):
            await stages.on_articles(events)

    @app.agent(candidates, name="events")
    async def events_agent(stream: Any) -> None:
        async for events in stream.take_events(most, within):
            await stages.on_candidates(events)
