"""The event layer: coded events as candidates by event id, first reports published, stats counted once."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any, Final

from pydantic import TypeAdapter

from stream import SCHEMA_VERSION
from stream.config.settings import TopicNames
from stream.extract import extract_events
from stream.records.codec import dumps, dumps_model
from stream.records.models import Article, EventCandidate, EventRecord, EventStats, Mention
from stream.records.outbound import Outbound

__all__ = [
    "CandidateOutcome",
    "CandidateRecord",
    "apply_candidate",
    "code_candidates",
    "count_mention",
    "read_candidate",
    "timestamp_json",
]

#: Bounds on the per-event lists kept in state, so one hot event cannot grow without limit.
MAX_STATS_ARTICLES: Final = 500
MAX_STATS_SOURCES: Final = 100


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
    """Event layer decision: the event record to publish (first report only, JSON) and the event's
    statistics when this article had not been counted yet (None: already counted)."""

    first_report: bytes | None
    stats: EventStats | None


def apply_candidate(
    candidate: CandidateRecord, event_known: bool, stats: EventStats | None, now: dt.datetime
) -> CandidateOutcome:
    """Idempotent: replaying the same candidate publishes no second event and counts nothing twice.
    (The mention is published when its (event, article) key is new; the caller checks that.)"""
    first_report = None if event_known else candidate.first_report(timestamp_json(now))
    counted = count_mention(stats, candidate.event_id, candidate.article_id, candidate.source, now)
    return CandidateOutcome(first_report, counted)


def count_mention(
    stats: EventStats | None, event_id: str, article_id: str, source: str | None, now: dt.datetime
) -> EventStats | None:
    """The event's stats once this article is counted; None when it was counted already (a replay)."""
    if stats is None:
        stats = EventStats(
            event_id=event_id,
            num_mentions=0,
            num_sources=0,
            num_articles=0,
            sources=[],
            article_ids=[],
            first_seen_at=now,
            last_seen_at=now,
        )
    if article_id in stats.article_ids:
        return None
    sources = stats.sources
    new_source = source is not None and source not in sources
    if new_source and source is not None and len(sources) < MAX_STATS_SOURCES:
        sources = [*sources, source]
    return stats.model_copy(
        update={
            "num_mentions": stats.num_mentions + 1,
            "num_sources": stats.num_sources + (1 if new_source else 0),
            "num_articles": stats.num_articles + 1,
            "sources": sources,
            "article_ids": [*stats.article_ids, article_id][-MAX_STATS_ARTICLES:],
            "last_seen_at": now,
        }
    )


_TIMESTAMP: Final = TypeAdapter(dt.datetime)


def timestamp_json(moment: dt.datetime) -> str:
    """A time as the records' JSON writes it (pydantic's form)."""
    return str(_TIMESTAMP.dump_python(moment, mode="json"))


@dataclass(frozen=True, slots=True)
class CandidateRecord:
    """A candidate as the event stage reads it: the fields it decides on, and its event and mention as
    parsed JSON. code_candidates wrote them from the models, so writing them back gives the same bytes
    as the models would, without building the models again (most of the stage's cost in a profile)."""

    event_id: str
    event_type: str
    quad_class: int
    article_id: str
    source: str | None
    event: dict[str, Any]
    mention: dict[str, Any]

    @classmethod
    def of(cls, candidate: EventCandidate) -> CandidateRecord:
        event, mention = candidate.event, candidate.mention
        return cls(
            event.event_id,
            event.event_type,
            event.quad_class,
            mention.article_id,
            mention.source,
            event.model_dump(mode="json"),
            mention.model_dump(mode="json"),
        )

    @property
    def conflict(self) -> bool:
        return self.quad_class == 4

    def first_report(self, first_seen_at: str) -> bytes:
        """The event record as published first, stamped with when (timestamp_json)."""
        return dumps({**self.event, "first_seen_at": first_seen_at})

    def mention_value(self) -> bytes:
        return dumps(self.mention)


def _as_written(data: Any) -> CandidateRecord | None:
    """The candidate, when it is one as this version's code_candidates writes it (its deciding fields
    well typed); None otherwise."""
    if not isinstance(data, dict) or data.keys() != {"event", "mention"}:
        return None
    event, mention = data["event"], data["mention"]
    if not isinstance(event, dict) or not isinstance(mention, dict):
        return None
    if event.get("schema_version") != SCHEMA_VERSION or mention.get("schema_version") != SCHEMA_VERSION:
        return None
    event_id, event_type, quad = event.get("event_id"), event.get("event_type"), event.get("quad_class")
    article_id, source = mention.get("article_id"), mention.get("source")
    if not (isinstance(event_id, str) and isinstance(event_type, str) and isinstance(article_id, str)):
        return None
    if type(quad) is not int or not 1 <= quad <= 4 or mention.get("event_id") != event_id:
        return None
    if source is not None and not isinstance(source, str):
        return None
    return CandidateRecord(event_id, event_type, quad, article_id, source, event, mention)


def read_candidate(data: Any) -> CandidateRecord:
    """One parsed candidate. The candidates topic is the worker's own: a candidate of this schema
    version, its deciding fields well typed, is taken as written; any other is validated as an
    EventCandidate (older versions are read so; a malformed one raises, and its record is
    dead-lettered)."""
    written = _as_written(data)
    return written if written is not None else CandidateRecord.of(EventCandidate.model_validate(data))
