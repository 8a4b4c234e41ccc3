"""The ingest stage: a raw record becomes an article keyed by content key, a skip note or a dead letter."""

from __future__ import annotations

from stream.config.settings import TopicNames
from stream.dedup.fingerprints import article_identity
from stream.ingest.hashing import bytes_hash
from stream.ingest.language import detect_language
from stream.ingest.raw import ParseFailure, parse_raw
from stream.records.codec import dumps_model
from stream.records.models import Article, SkippedArticle, SourceRef
from stream.records.outbound import Outbound, dead_letter

__all__ = ["UNSUPPORTED_LANGUAGE", "ingest", "skip_reason"]

#: The reason (and metric label) of an article in a language the coder cannot read.
UNSUPPORTED_LANGUAGE = "unsupported_language"


def skip_reason(article: Article) -> SkippedArticle | None:
    """Why the coder must not code this article, if it must not: the coder reads English only, and a
    story in another language would be coded to nothing, silently."""
    guess = detect_language(article.text)
    if guess.language in ("en", "und"):
        return None
    return SkippedArticle(
        article_id=article.article_id,
        reason=UNSUPPORTED_LANGUAGE,
        language=guess.language,
        detail=guess.describe(),
        content_key=article.content_key,
        url=article.url,
        source=article.source,
        title=article.title,
        origin=article.origin,
    )


def ingest(topics: TopicNames, value: bytes | None, key: bytes | None, origin: SourceRef) -> Outbound:
    """A raw record becomes an article keyed by its content key (so copies meet in one partition), a
    notice on the skipped topic (an article the coder cannot read), or a dead letter."""
    result = parse_raw(value or b"", origin)
    if isinstance(result, ParseFailure):
        return dead_letter(topics, result.reason, result.detail, origin, key, value or b"")
    content_key, prints = article_identity(result.text)
    article = result.model_copy(
        update={"content_key": content_key, "bytes_hash": bytes_hash(value or b""), "simhash": prints.hex()}
    )
    skipped = skip_reason(article)
    if skipped is not None:
        notice = dumps_model(skipped)
        return Outbound(topics.skipped, article.article_id.encode(), notice, label=skipped.reason)
    return Outbound(topics.articles, article.content_key.encode(), dumps_model(article))
