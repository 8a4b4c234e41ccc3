"""Decisions of the three stages, without Kafka: routing, article verdicts, idempotent event layer."""

from __future__ import annotations

import base64
import datetime as dt

import orjson

from stream.config.settings import TopicNames
from stream.dedup.articles import MAX_IDS_PER_KEY, article_verdict, duplicate_notice, remember_article
from stream.dedup.events import CandidateRecord, apply_candidate, code_candidates
from stream.dedup.fingerprints import NearMatch
from stream.ingest.stage import ingest
from stream.records.models import Article, EventCandidate, EventRecord, SourceRef

TOPICS = TopicNames()
ORIGIN = SourceRef(topic="news.raw", partition=2, offset=17)
NOW = dt.datetime(2022, 2, 28, 12, tzinfo=dt.UTC)


def _article(raw: bytes) -> Article:
    out = ingest(TOPICS, raw, None, ORIGIN)
    assert out.topic == TOPICS.articles
    return Article.model_validate(orjson.loads(out.value))


def test_good_message_goes_to_articles_keyed_by_content_key(seed_bytes: bytes) -> None:
    out = ingest(TOPICS, seed_bytes, None, ORIGIN)
    article = Article.model_validate(orjson.loads(out.value))
    assert out.key == article.content_key.encode()
    assert article.origin == ORIGIN
    assert len(article.bytes_hash) == 32 and len(article.simhash) == 32


def test_syndicated_copy_with_byline_shares_the_content_key(seed_bytes: bytes) -> None:
    original = _article(seed_bytes)
    copy = _article(orjson.dumps({"id": "wire-2", "text": "By Ana Lima, Reuters\n\n" + original.text}))
    assert copy.content_key == original.content_key
    assert copy.bytes_hash != original.bytes_hash


def test_bad_message_becomes_dead_letter_with_bytes_and_origin() -> None:
    out = ingest(TOPICS, b"\x00\x01garbage\x00\x00\x00\x00", b"k", ORIGIN)
    letter = orjson.loads(out.value)
    assert out.topic == TOPICS.dlq and out.label == "binary_content"
    assert base64.b64decode(letter["value_b64"]) == b"\x00\x01garbage\x00\x00\x00\x00"
    assert base64.b64decode(letter["key_b64"]) == b"k"
    assert letter["origin"] == {"topic": "news.raw", "partition": 2, "offset": 17, "timestamp_ms": None}


def test_article_verdicts(seed_bytes: bytes) -> None:
    first = _article(seed_bytes)
    state = remember_article(first, None, 0.0)
    redelivery = article_verdict(first, state, None)
    assert (redelivery.kind, redelivery.code, redelivery.replay) == (None, False, True)
    copy = _article(orjson.dumps({"id": "copy-1", "text": first.text}))
    content = article_verdict(copy, state, None)
    assert (content.kind, content.duplicate_of, content.code) == ("content", first.article_id, True)
    near = article_verdict(copy, None, NearMatch(first.article_id, 3))
    assert (near.kind, near.distance, near.code) == ("near", 3, True)
    fresh = article_verdict(copy, None, None)
    assert (fresh.kind, fresh.code) == (None, True)
    notice = orjson.loads(duplicate_notice(TOPICS, copy, content).value)
    assert notice == {
        "schema_version": 1, "article_id": "copy-1", "duplicate_of": first.article_id,
        "kind": "content", "distance": 0, "url": None,
    }  # fmt: skip


def test_article_state_stays_bounded(seed_bytes: bytes) -> None:
    first = _article(seed_bytes)
    state = remember_article(first, None, 0.0)
    for i in range(3 * MAX_IDS_PER_KEY):
        copy = first.model_copy(update={"article_id": f"copy-{i}", "bytes_hash": f"{i:032x}"})
        state = remember_article(copy, state, float(i))
    assert len(state.article_ids) == MAX_IDS_PER_KEY
    assert state.article_ids[0] == first.article_id  # what duplicates point to is kept
    assert len(state.bytes_hashes) == MAX_IDS_PER_KEY


def test_candidates_are_keyed_by_event_id(seed_bytes: bytes) -> None:
    events, outbound = code_candidates(TOPICS, _article(seed_bytes))
    assert len(events) == len(outbound) >= 2
    for event, out in zip(events, outbound, strict=True):
        assert out.topic == TOPICS.candidates and out.key == event.event_id.encode()
        assert EventCandidate.model_validate(orjson.loads(out.value)).mention.event_id == event.event_id


def test_event_layer_is_idempotent_and_counts_mentions(seed_bytes: bytes) -> None:
    article = _article(seed_bytes)
    _events, outbound = code_candidates(TOPICS, article)
    model = EventCandidate.model_validate(orjson.loads(outbound[0].value))
    candidate = CandidateRecord.of(model)
    first = apply_candidate(candidate, event_known=False, stats=None, now=NOW)
    assert first.first_report is not None
    assert EventRecord.model_validate_json(first.first_report).first_seen_at == NOW
    assert first.stats is not None and first.stats.num_mentions == 1
    replay = apply_candidate(candidate, event_known=True, stats=first.stats, now=NOW)
    assert replay.first_report is None and replay.stats is None  # nothing published, nothing counted twice
    other = CandidateRecord.of(
        model.model_copy(
            update={"mention": model.mention.model_copy(update={"article_id": "other", "source": "AP"})}
        )
    )
    second = apply_candidate(other, event_known=True, stats=first.stats, now=NOW)
    assert second.first_report is None
    assert second.stats is not None
    assert (second.stats.num_mentions, second.stats.num_sources, second.stats.sources) == (2, 1, ["AP"])
