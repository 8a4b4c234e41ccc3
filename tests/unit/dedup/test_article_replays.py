"""An article is no copy of itself: a replayed raw record publishes no notice; a re-send and copies do."""

from __future__ import annotations

import orjson

from stream.config.settings import TopicNames
from stream.dedup.articles import REPLAY, article_verdict, remember_article
from stream.ingest.stage import ingest
from stream.records.models import Article, ArticleSeen, SourceRef

TOPICS = TopicNames()
TEXT = "Kenya and Somalia held talks in Nairobi on Monday, officials said."


def _article(article_id: str, offset: int, url: str | None = None) -> Article:
    """The article ingested from raw record news.raw[0]@offset."""
    raw = orjson.dumps({"id": article_id, "published": "2026-12-01", "text": TEXT, "url": url})
    origin = SourceRef(topic="news.raw", partition=0, offset=offset)
    return Article.model_validate_json(ingest(TOPICS, raw, None, origin).value)


def test_a_replay_of_the_first_article_is_no_exact_copy_of_itself() -> None:
    first = _article("x-1", offset=10)
    state = remember_article(first, None, 0.0)
    verdict = article_verdict(first, state, None)  # the same record again, or the raw record re-ingested
    assert verdict == REPLAY
    assert (verdict.kind, verdict.duplicate_of, verdict.code) == (None, None, False)


def test_a_replay_of_a_recorded_copy_repeats_no_notice_and_is_not_coded_again() -> None:
    first, copy = _article("x-1", offset=10), _article("x-2", offset=11)
    state = remember_article(copy, remember_article(first, None, 0.0), 1.0)
    assert article_verdict(copy, state, None) == REPLAY
    assert article_verdict(first, state, None) == REPLAY


def test_the_same_article_sent_again_by_a_producer_is_an_exact_duplicate_not_coded_again() -> None:
    first = _article("x-1", offset=10)
    state = remember_article(first, None, 0.0)
    resent = article_verdict(_article("x-1", offset=25), state, None)  # another raw record
    assert (resent.kind, resent.duplicate_of, resent.code, resent.replay) == ("exact", "x-1", False, False)


def test_a_copy_under_another_id_is_still_a_duplicate_of_the_first_and_coded() -> None:
    first = _article("x-1", offset=10)
    state = remember_article(first, None, 0.0)
    same_bytes = first.model_copy(
        update={"article_id": "x-3", "origin": SourceRef(topic="news.raw", partition=0, offset=12)}
    )
    exact = article_verdict(same_bytes, state, None)
    assert (exact.kind, exact.duplicate_of, exact.code, exact.replay) == ("exact", "x-1", True, False)
    content = article_verdict(_article("x-4", offset=13, url="https://example.org/x-4"), state, None)
    assert (content.kind, content.duplicate_of, content.code) == ("content", "x-1", True)


def test_the_raw_records_kept_per_text_are_bounded_and_state_without_them_still_reads() -> None:
    state = remember_article(_article("x-1", offset=0), None, 0.0)
    for offset in range(1, 120):
        state = remember_article(_article(f"x-{offset % 3}", offset=offset), state, float(offset))
    assert len(state.origins) == 50 and state.origins[-1] == "news.raw/0/119"
    legacy = ArticleSeen.model_validate_json(
        orjson.dumps({"article_ids": ["x-1"], "bytes_hashes": [], "simhash": "0" * 32, "seen_at": 0.0})
    )
    assert article_verdict(_article("x-1", offset=10), legacy, None) == REPLAY  # never a self-notice
