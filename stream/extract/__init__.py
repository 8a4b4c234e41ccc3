"""The event coder: a pure function from article text to PLOVER/CAMEO event records."""

from __future__ import annotations

from stream.extract.coder import code_article, event_fingerprint
from stream.models import Article, EventRecord

__all__ = ["event_fingerprint", "extract_events"]


def extract_events(article: Article) -> list[EventRecord]:
    """Code every distinct event in an article (no I/O, deterministic)."""
    return code_article(article.article_id, article.text, article.published, article.url)
