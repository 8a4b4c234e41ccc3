"""The event coder: a pure function from article text to PLOVER/CAMEO event records."""

from __future__ import annotations

from pathlib import Path

from stream.extract.native import check_compiled_sources

# Before any coder module loads: an edited source must not be shadowed by its old compiled copy.
check_compiled_sources(Path(__file__).parent)

from stream.extract.coder import code_article, event_fingerprint  # noqa: E402
from stream.records.models import Article, EventRecord  # noqa: E402

__all__ = ["event_fingerprint", "extract_events"]


def extract_events(article: Article) -> list[EventRecord]:
    """Code every distinct event in an article (no I/O, deterministic)."""
    events = code_article(article.article_id, article.text, article.published, article.url)
    return [e.model_copy(update={"date_source": article.date_source}) for e in events]
