"""Three-layer dedup on the real broker: copies and re-reports give each event once, a mention per article."""

from __future__ import annotations

import collections
from typing import Any

import orjson
import pytest

from stream.config.settings import Settings
from stream.extract import extract_events
from stream.ingest.raw import parse_raw
from stream.records.models import Article
from tests.integration.conftest import ReaderFactory, WorkerFactory, produce
from tests.support import wait_drained

pytestmark = pytest.mark.integration


def _json(**fields: object) -> bytes:
    return orjson.dumps(fields)


def test_copies_and_re_reports_give_each_event_once_and_a_mention_per_article(
    settings: Settings, worker_factory: WorkerFactory, topic_reader: ReaderFactory, seed_bytes: bytes
) -> None:
    seed = parse_raw(seed_bytes)
    assert isinstance(seed, Article)
    text = seed.text
    original = _json(id="a1", url="https://a.example/1", source="Agencia", published="2022-02-28", text=text)
    corpus = [
        original,
        original,  # exact redelivery
        # the same article re-encoded: other key order and escaped non-ASCII, same id and text
        orjson.dumps({"text": text, "published": "2022-02-28", "source": "Agencia", "id": "a1"}).replace(
            "’".encode(), b"\\u2019"
        ),
        # syndicated: new outlet, byline and a photo credit added (same content once boilerplate is off)
        _json(id="c1", source="Wire", published="2022-02-28", text="By Ana Lima, Wire\n\n" + text),
        # syndicated with a new headline line and an extra closing sentence: a near duplicate
        _json(
            id="b1",
            source="Daily",
            published="2022-02-28",
            text="Ukraine and Russia begin talks\n\n" + text + "\n\nThe talks were expected to last hours.",
        ),
        # another outlet's own report of the seed's first event
        _json(
            id="d1",
            source="Tribune",
            published="2022-02-28",
            text="Delegations from Ukraine and Russia met on Monday near the Belarusian city of Gomel.",
        ),
        # a different event
        _json(
            id="e1",
            source="Tribune",
            published="2022-03-01",
            text="France and Germany held talks in Paris on Tuesday.",
        ),
    ]
    topics = settings.topics
    worker = worker_factory()
    reader = topic_reader(
        [topics.diplomatic, topics.conflict, topics.mentions, topics.duplicates, topics.stats]
    )
    # The original first: copies arriving on other partitions may be processed in any order, and
    # the verdicts below name which article was seen first.
    produce(settings, topics.raw, corpus[:1])
    wait_drained(worker, 1)
    produce(settings, topics.raw, corpus[1:])
    wait_drained(worker, len(corpus))
    records = reader.drain(3.0)

    by_topic: dict[str, list[tuple[bytes | None, dict[str, Any]]]] = collections.defaultdict(list)
    for topic, key, value in records:
        by_topic[topic].append((key, orjson.loads(value)))
    events = [v for t in (topics.diplomatic, topics.conflict) for _k, v in by_topic[t]]
    event_ids = [e["event_id"] for e in events]
    assert len(event_ids) == len(set(event_ids)), "an event was published twice"

    verdicts = {(v["article_id"], v["kind"]) for _k, v in by_topic[topics.duplicates]}
    assert verdicts == {("a1", "exact"), ("a1", "content"), ("c1", "content"), ("b1", "near")}
    near = next(v for _k, v in by_topic[topics.duplicates] if v["kind"] == "near")
    assert near["duplicate_of"] == "a1" and 0 < near["distance"] <= 5

    mentions = [v for _k, v in by_topic[topics.mentions]]
    pairs = collections.Counter((m["event_id"], m["article_id"]) for m in mentions)
    assert max(pairs.values()) == 1, "one mention per event per article"
    seed_events = {e["event_id"] for e in events if e["article_id"] == "a1"}
    # One record per real-world event: the seed's meeting is one CONSULT event with all its sentences.
    assert len(seed_events) == len(extract_events(seed)) >= 4
    meetings = [e for e in events if e["event_type"] == "CONSULT" and e["event_mode"] != "phone"]
    meeting = next(e for e in meetings if e["article_id"] == "a1")
    assert meeting["location"]["country"] == "BLR"
    meeting_mention = next(
        m for m in mentions if (m["event_id"], m["article_id"]) == (meeting["event_id"], "a1")
    )
    assert len(meeting_mention["sentences"]) == 6
    # The copies, one of them with a new headline ("Ukraine and Russia begin talks"), add mentions only.
    assert not any(e["article_id"] in {"b1", "c1"} for e in events)
    for event_id in seed_events:
        reporters = {article for (eid, article) in pairs if eid == event_id}
        assert {"a1", "b1", "c1"} <= reporters, (event_id, reporters)
    # The independent report of the first event adds a mention, not an event.
    first = next(e for e in events if e["article_id"] == "a1" and e["sentence_index"] == 0)
    assert (first["event_id"], "d1") in pairs
    assert not any(e["article_id"] == "d1" for e in events)
    # The different event is its own event.
    assert [e["event_type"] for e in events if e["article_id"] == "e1"] == ["CONSULT"]

    latest: dict[str, dict[str, Any]] = {}
    for _k, v in by_topic[topics.stats]:
        latest[v["event_id"]] = v
    assert latest[first["event_id"]]["num_mentions"] == 4  # a1, b1, c1, d1
    assert latest[first["event_id"]]["num_sources"] == 4
    assert latest[first["event_id"]]["num_articles"] == 4
