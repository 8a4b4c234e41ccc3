"""Pure decisions of the two stages (ingest, process): what to publish where, with which key."""

from __future__ import annotations

import base64
import datetime as dt
from dataclasses import dataclass

from stream.codec import dumps_model
from stream.extract import extract_events
from stream.models import Article, DeadLetter, DuplicateNotice, EventRecord, Mention, SourceRef
from stream.raw import ParseFailure, parse_raw
from stream.settings import TopicNames

__all__ = [
    "Outbound",
    "dead_letter",
    "duplicate_notice",
    "ingest",
    "publish_plan",
]


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
    """A raw record becomes either an article keyed by content hash or a dead letter."""
    result = parse_raw(value or b"", origin)
    if isinstance(result, ParseFailure):
        return dead_letter(topics, result.reason, result.detail, origin, key, value or b"")
    return Outbound(topics.articles, result.content_hash.encode(), dumps_model(result))


def duplicate_notice(topics: TopicNames, article: Article, first_article_id: str) -> Outbound:
    kind = "exact" if first_article_id == article.article_id else "content"
    notice = DuplicateNotice(
        article_id=article.article_id, duplicate_of=first_article_id, kind=kind, distance=0, url=article.url
    )
    return Outbound(topics.duplicates, article.article_id.encode(), dumps_model(notice), label=kind)


def _event_topic(topics: TopicNames, event: EventRecord) -> str:
    return topics.conflict if event.quad_class == 4 else topics.diplomatic


def publish_plan(topics: TopicNames, article: Article) -> tuple[list[EventRecord], list[Outbound]]:
    """Code the article; one record per event on its quad's topic plus one mention per event."""
    events = extract_events(article)
    out: list[Outbound] = []
    for event in events:
        out.append(Outbound(_event_topic(topics, event), event.event_id.encode(), dumps_model(event)))
        mention = Mention(
            event_id=event.event_id,
            article_id=article.article_id,
            url=article.url,
            source=article.source,
            sentence=event.sentence,
            sentence_index=event.sentence_index,
        )
        out.append(Outbound(topics.mentions, event.event_id.encode(), dumps_model(mention)))
    return events, out
