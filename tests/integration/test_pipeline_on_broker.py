"""The walking skeleton on the real embedded broker, driven and read by confluent-kafka."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import orjson
import pytest
from click.testing import CliRunner

from stream.cli import main
from stream.config.settings import Settings
from stream.devtools.devrun import WorkerProcess, read_counters
from tests.integration.conftest import ReaderFactory, Record, produce
from tests.support import wait_drained

pytestmark = pytest.mark.integration


def _offline_events(seed_path: Path) -> list[dict[str, Any]]:
    result = CliRunner().invoke(main, ["extract", "--json", str(seed_path)])
    assert result.exit_code == 0
    return [orjson.loads(line) for line in result.output.splitlines()]


def _events(records: list[Record], settings: Settings) -> list[dict[str, Any]]:
    topics = (settings.topics.diplomatic, settings.topics.conflict)
    return [orjson.loads(value) for topic, _key, value in records if topic in topics]


def test_seed_flows_through_kafka_and_duplicates_and_bad_input_are_handled(
    settings: Settings, worker: WorkerProcess, topic_reader: ReaderFactory, seed_path: Path, seed_bytes: bytes
) -> None:
    topics = settings.topics
    expected = _offline_events(seed_path)
    assert len(expected) >= 2
    reader = topic_reader(
        [topics.diplomatic, topics.conflict, topics.mentions, topics.duplicates, topics.dlq]
    )
    # 1. The seed, produced by librdkafka, comes back enriched: same events as offline extraction.
    produce(settings, topics.raw, [seed_bytes])
    records = reader.poll_until(lambda rs: len(_events(rs, settings)) >= len(expected), timeout=90)
    events = _events(records, settings)
    assert sorted(e["event_id"] for e in events) == sorted(e["event_id"] for e in expected)
    consult = [e for e in events if e["event_type"] == "CONSULT" and e["sentence_index"] == 0]
    assert consult and consult[0]["event_date"] == "2022-02-28"
    assert {(a["country"], a["sector"]) for a in consult[0]["actors"]} == {("UKR", "GOV"), ("RUS", "GOV")}
    assert consult[0]["location"]["name"] == "Gomel"
    assert any(e["event_mode"] == "phone" for e in events)
    for topic, key, payload in records:
        if topic in (topics.diplomatic, topics.conflict):
            assert key == orjson.loads(payload)["event_id"].encode()
    quad_topics = {
        (topic, orjson.loads(v)["quad_class"]) for topic, _k, v in records if topic != topics.mentions
    }
    assert all((q == 4) == (t == topics.conflict) for t, q in quad_topics)

    # 2. Producing it again adds a duplicate notice and no event.
    produce(settings, topics.raw, [seed_bytes])
    records = reader.poll_until(lambda rs: any(t == topics.duplicates for t, _k, _v in rs), timeout=60)
    notices = [orjson.loads(v) for t, _k, v in records if t == topics.duplicates]
    assert notices and notices[0]["kind"] == "exact"

    # 3. Garbage and a JSON article without text go to the DLQ with distinct reasons; the next good
    #    message is still processed.
    good = orjson.dumps(
        {"id": "after-bad", "published": "2022-03-02", "text": "France condemned the Syrian government."}
    )
    produce(settings, topics.raw, [b"\x00\xff\x00garbage\x00\x00\x00\x00", b'{"title": "no text"}', good])
    records = reader.poll_until(
        lambda rs: (
            any(b"after-bad" in v for t, _k, v in rs if t == topics.diplomatic)
            and sum(t == topics.dlq for t, _k, _v in rs) >= 2
        ),
        timeout=60,
    )
    letters = [orjson.loads(v) for t, _k, v in records if t == topics.dlq]
    assert {letter["reason"] for letter in letters} == {"binary_content", "missing_text"}
    assert all(letter["origin"]["topic"] == topics.raw for letter in letters)
    accused = [e for e in _events(records, settings) if e["article_id"] == "after-bad"]
    assert [e["event_type"] for e in accused] == ["ACCUSE"]
    wait_drained(worker, produced=5)
    # The consumer's fetch wait is ours, not Faust's fixed 1.5 s (the broker answers at its end).
    assert f"consumer fetch wait: {round(settings.fetch_max_wait_seconds * 1000)} ms" in (
        worker.log_path.read_text()
    )
    records = reader.drain(2.0)
    assert len(_events(records, settings)) == len(expected) + 1  # nothing new from the re-send
    mentions = [orjson.loads(v) for t, _k, v in records if t == topics.mentions]
    assert len(mentions) == len(expected) + 1

    # 4. The worker's /metrics shows those counts.
    samples = read_counters(worker.metrics_url)

    def value(name: str, **labels: str) -> float:
        return sum(v for (n, lab), v in samples.items() if n == name and set(labels.items()) <= set(lab))

    assert value("newsevents_messages_consumed_total", topic=topics.raw) == 5
    assert value("newsevents_duplicates_total", kind="exact") == 1
    assert value("newsevents_dead_letters_total", reason="binary_content") == 1
    assert value("newsevents_dead_letters_total", reason="missing_text") == 1
    assert value("newsevents_articles_total", outcome="new") == 2
    assert value("newsevents_events_published_total") == len(expected) + 1
    assert value("newsevents_events_published_total", event_type="ACCUSE") == 1
    assert value("newsevents_article_processing_seconds_count") == 3
    assert worker.process.poll() is None
