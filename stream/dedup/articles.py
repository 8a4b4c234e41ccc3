"""The article layer's decisions: exact, content and near duplicates, and the state kept per content key."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Final, Literal

from stream.config.settings import TopicNames
from stream.dedup.fingerprints import NearMatch
from stream.records.codec import dumps_model
from stream.records.models import Article, ArticleSeen, DuplicateNotice
from stream.records.outbound import Outbound

__all__ = ["MAX_IDS_PER_KEY", "ArticleVerdict", "article_verdict", "duplicate_notice", "remember_article"]

#: Bound on the per-key lists kept in state, so one hot key cannot grow without limit.
MAX_IDS_PER_KEY: Final = 50


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
