"""The event layer: coded events as candidates by event id, first reports published, stats counted once."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Final

from stream.config.settings import TopicNames
from stream.extract import extract_events
from stream.records.codec import dumps_model
from stream.records.models import Article, EventCandidate, EventRecord, EventStats, Mention
from stream.records.outbound import Outbound

__all__ = ["CandidateOutcome", "apply_candidate", "code_candidates", "event_topic"]

#: Bounds on the per-event lists kept in state, so one hot event cannot grow without limit.
MAX_STATS_ARTICLES: Final = 500
MAX_STATS_SOURCES: Final = 100


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
            sentences=event.sentences,
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
            num_articles=0,
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
            "num_articles": stats.num_articles + 1,
            "sources": sources,
            "article_ids": [*stats.article_ids, mention.article_id][-MAX_STATS_ARTICLES:],
            "last_seen_at": now,
        }
    )
    return CandidateOutcome(event, updated)
