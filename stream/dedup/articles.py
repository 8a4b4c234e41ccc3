"""The article layer's decisions: exact, content and near duplicates, and the state kept per content key."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Final, Literal

from stream.config.settings import TopicNames
from stream.dedup.fingerprints import NearMatch
from stream.records.codec import dumps_model
from stream.records.models import Article, ArticleSeen, DuplicateNotice
from stream.records.outbound import Outbound

__all__ = [
    "MAX_IDS_PER_KEY",
    "REPLAY",
    "ArticleVerdict",
    "article_verdict",
    "duplicate_notice",
    "origin_key",
    "remember_article",
]

#: Bound on the per-key lists kept in state, so one hot key cannot grow without limit.
MAX_IDS_PER_KEY: Final = 50


@dataclass(frozen=True, slots=True)
class ArticleVerdict:
    """What the article layer decided: a duplicate kind (or None: new, or a replay), whether to code it,
    and whether it is a replay of a raw record already recorded for this text."""

    kind: Literal["exact", "content", "near"] | None
    duplicate_of: str | None
    distance: int
    code: bool
    replay: bool = False


#: An article from a raw record already recorded for its text: a replay (after a crash or a rebalance).
#: It was coded, and its notice (if any) published, when it was recorded.
REPLAY: Final = ArticleVerdict(None, None, 0, code=False, replay=True)


def origin_key(article: Article) -> str | None:
    """The raw record an article came from, as kept in ArticleSeen.origins."""
    origin = article.origin
    return f"{origin.topic}/{origin.partition}/{origin.offset}" if origin is not None else None


def _replayed(article: Article, seen: ArticleSeen) -> bool:
    if article.article_id not in seen.article_ids:
        return False
    origin = origin_key(article)
    # Without an origin to tell by (an article without one, state from before origins were kept), an id
    # already recorded is taken for a replay rather than reported as a copy of itself.
    return origin is None or not seen.origins or origin in seen.origins


def article_verdict(article: Article, seen: ArticleSeen | None, near: NearMatch | None) -> ArticleVerdict:
    """Exact bytes, then normalized content, then SimHash. An article from a raw record already recorded
    is a replay: no notice, not coded again (it is no copy of itself). The same article id sent again
    (another raw record) is an exact or content duplicate that is not coded again; copies under another
    id are coded again, so each article gets its mentions."""
    if seen is not None:
        if _replayed(article, seen):
            return REPLAY
        redelivered = article.article_id in seen.article_ids
        kind: Literal["exact", "content"] = "exact" if article.bytes_hash in seen.bytes_hashes else "content"
        return ArticleVerdict(kind, seen.article_ids[0], 0, code=not redelivered)
    if near is not None and near.article_id != article.article_id:
        return ArticleVerdict("near", near.article_id, near.distance, code=True)
    return ArticleVerdict(None, None, 0, code=True)


def _bounded_union(kept: list[str], new: str | None) -> list[str]:
    return kept if new is None or new in kept else [*kept, new]


def remember_article(article: Article, seen: ArticleSeen | None, now: float) -> ArticleSeen:
    """State after this article: ids, byte hashes and raw records seen for its content key (bounded)."""
    origin = origin_key(article)
    if seen is None:
        return ArticleSeen(
            article_ids=[article.article_id],
            bytes_hashes=[article.bytes_hash],
            simhash=article.simhash,
            seen_at=now,
            origins=[origin] if origin is not None else [],
        )
    ids = _bounded_union(seen.article_ids, article.article_id)
    hashes = _bounded_union(seen.bytes_hashes, article.bytes_hash)
    origins = _bounded_union(seen.origins, origin)
    # Keep the first id (what duplicates point to) and the most recent others.
    return seen.model_copy(
        update={
            "article_ids": ids[:1] + ids[1:][-(MAX_IDS_PER_KEY - 1) :],
            "bytes_hashes": hashes[-MAX_IDS_PER_KEY:],
            "origins": origins[-MAX_IDS_PER_KEY:],
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
