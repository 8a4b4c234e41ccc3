"""The ingest stage: a raw record becomes an article keyed by its content key, or a dead letter."""

from __future__ import annotations

from stream.config.settings import TopicNames
from stream.dedup.fingerprints import content_key, fingerprint
from stream.ingest.hashing import bytes_hash
from stream.ingest.raw import ParseFailure, parse_raw
from stream.records.codec import dumps_model
from stream.records.models import SourceRef
from stream.records.outbound import Outbound, dead_letter

__all__ = ["ingest"]


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
