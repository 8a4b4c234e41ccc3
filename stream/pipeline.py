"""Pure decisions of the three stages (ingest, article dedup + coding, event dedup): what goes where."""

from __future__ import annotations

import base64
import datetime as dt
from dataclasses import dataclass
from typing import Final, Literal

from stream.codec import dumps_model
from stream.dedup import NearMatch, content_key, fingerprint
from stream.extract import extract_events
from stream.hashing import bytes_hash
from stream.models import (
    Article,
    ArticleSeen,
    DeadLetter,
    DuplicateNotice,
    EventCandidate,
    EventRecord,
    EventStats,
    Mention,
    SourceRef,
)
from stream.raw import ParseFailure, parse_raw
from stream.settings import TopicNames

__all__ = [
    "ArticleVerdict",
    "CandidateOutcome",
    "Outbound",
    "apply_candidate",
    "article_verdict",
    "code_candidates",
    "dead_letter",
    "duplicate_notice",
    "event_topic",
    "ingest",
    "remember_article",
]

#: Bounds on the per-key lists kept in state, so one hot key cannot grow without limit.
MAX_IDS_PER_KEY: Final = 50
MAX_STATS_ARTICLES: Final = 500
MAX_STATS_SOURCES: Final = 100


@dataclass(frozen=True, slots=True)
class Outbound:
    """One record to produce."""

    topic: str
    key: bytes
    value: bytes
    label: str | None = None  # the dead-letter reason or duplicate kind, for metrics


def dead_letter(
    topics: TopicNames, reason: str, detail: str, origin: SourceRef, key: bytes | None, value: bytes
) -> Outbound:
    letter = DeadLetter(
        reason=reason,
        detail=detail[:2000],
        origin=origin,
        key_b64=base64.b64encode(key).decode() if key is not None else None,
        value_b64=base64.b64encode(value).decode(),
        value_preview=value[:200].decode("utf-8", errors="replace"),
        failed_at=dt.datetime.now(dt.UTC),
    )
    dlq_key = f"{origin.topic}/{origin.partition}/{origin.offset}".encode()
    return Outbound(topics.dlq, dlq_key, dumps_model(letter), label=reason)


def ingest(topics: TopicNames, value: bytes | None, key: bytes | None, origin: SourceRef) -> Outbound:
    """A raw record becomes an article keyed by its content key (so copies meet in one partition),
    or a dead letter."""
    result = parse_raw(value or b"", origin)
    if isinstance(result, ParseFailure):
        return dead_letter(topics, result.reason, result.detail, origin, key, value or b"")
    article = result.model_copy(
        update={
            "content_key": content_key(result.text),
            "bytes_hash": bytes_hash(value or b""),
            "simhash": fingerprint(result.text).hex(),
        }
    )
    return Outbound(topics.articles, article.content_key.encode(), dumps_model(article))


@dataclass(frozen=True, slots=True)
class ArticleVerdict:
    """What the article layer decided: a duplicate kind (or None for new) and whether to code it."""

    kind: Literal["exact", "content", "near"] | None
    duplicate_of: str | None
    distance: int
    code: bool


def article_verdict(article: Article, seen: ArticleSeen | None, near: NearMatch | None) -> ArticleVerdict:
    """Exact bytes, then normalized content, then SimHash. Only a redelivery of an article already
    coded is skipped: copies under another id are coded again, so each article gets its mentions."""
    if seen is not None:
        first = seen.article_ids[0]
        redelivered = article.article_id in seen.article_ids
        if article.bytes_hash in seen.bytes_hashes:
            return ArticleVerdict("exact", first, 0, code=not redelivered)
        return ArticleVerdict("content", first, 0, code=not redelivered)
    if near is not None and near.article_id != article.article_id:
        return ArticleVerdict("near", near.article_id, near.distance, code=True)
    return ArticleVerdict(None, None, 0, code=True)


def remember_article(article: Article, seen: ArticleSeen | None, now: float) -> ArticleSeen:
    """State after this article: ids and byte hashes seen for its content key (bounded lists)."""
    if seen is None:
        return ArticleSeen(
            article_ids=[article.article_id],
            bytes_hashes=[article.bytes_hash],
            simhash=article.simhash,
            seen_at=now,
        )
    ids = (
        seen.article_ids
        if article.article_id in seen.article_ids
        else [*seen.article_ids, article.article_id]
    )
    hashes = (
        seen.bytes_hashes
        if article.bytes_hash in seen.bytes_hashes
        else [*seen.bytes_hashes, article.bytes_hash]
    )
    # Keep the first id (what duplicates point to) and the most recent others.
    return seen.model_copy(
        update={
            "article_ids": ids[:1] + ids[1:][-(MAX_IDS_PER_KEY - 1) :],
            "bytes_hashes": hashes[-MAX_IDS_PER_KEY:],
        }
    )


def duplicate_notice(topics: TopicNames, article: Article, verdict: ArticleVerdict) -> Outbound:
    if verdict.kind is None or verdict.duplicate_of is None:
        raise ValueError("a new article has no duplicate notice")
    notice = DuplicateNotice(
        article_id=article.article_id,
        duplicate_of=verdict.duplicate_of,
        kind=verdict.kind,
        distance=verdict.distance,
        url=article.url,
    )
    return Outbound(topics.duplicates, article.article_id.encode(), dumps_model(notice), label=verdict.kind)


def event_topic(topics: TopicNames, event: EventRecord) -> str:
    return topics.conflict if event.quad_class == 4 else topics.diplomatic


def code_candidates(topics: TopicNames, article: Article) -> tuple[list[EventRecord], list[Outbound]]:
    """Code the article; each event goes to the event-dedup stage keyed by its event_id."""
    events = extract_events(article)
    out: list[Outbound] = []
    for event in events:
        mention = Mention(
            event_id=event.event_id,
            article_id=article.article_id,
            url=article.url,
            source=article.source,
            sentence=event.sentence,
            sentence_index=event.sentence_index,
        )
        candidate = EventCandidate(event=event, mention=mention)
        out.append(Outbound(topics.candidates, event.event_id.encode(), dumps_model(candidate)))
    return events, out


@dataclass(frozen=True, slots=True)
class CandidateOutcome:
    """Event layer decision: the event to publish (first report only) and the event's statistics when
    this article had not been counted yet (None: already counted)."""

    event: EventRecord | None
    stats: EventStats | None


def apply_candidate(
    candidate: EventCandidate, event_known: bool, stats: EventStats | None, now: dt.datetime
) -> CandidateOutcome:
    """Idempotent: replaying the same candidate publishes no second event and counts nothing twice.
    (The mention is published when its (event, article) key is new; the caller checks that.)"""
    event = None if event_known else candidate.event.model_copy(update={"first_seen_at": now})
    mention = candidate.mention
    if stats is None:
        stats = EventStats(
            event_id=candidate.event.event_id,
            num_mentions=0,
            num_sources=0,
            sources=[],
            article_ids=[],
            first_seen_at=now,
            last_seen_at=now,
        )
    if mention.article_id in stats.article_ids:
        return CandidateOutcome(event, None)
    sources = stats.sources
    new_source = mention.source is not None and mention.source not in sources
    if new_source and mention.source is not None and len(sources) < MAX_STATS_SOURCES:
        sources = [*sources, mention.source]
    updated = stats.model_copy(
        update={
            "num_mentions": stats.num_mentions + 1,
            "num_sources": stats.num_sources + (1 if new_source else 0),
            "sources": sources,
            "article_ids": [*stats.article_ids, mention.article_id][-MAX_STATS_ARTICLES:],
            "last_seen_at": now,
        }
    )
    return CandidateOutcome(event, updated)
