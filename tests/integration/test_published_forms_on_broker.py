"""Articles in the `published` forms real feeds and pages print, and one with none, all coded by the worker
on the embedded broker: none dead-lettered, every event dated, each saying where its date came from."""

from __future__ import annotations

import datetime as dt

import orjson
import pytest
from confluent_kafka import Producer

from stream.config.settings import Settings
from stream.devtools.devrun import WorkerProcess
from tests.integration.conftest import ReaderFactory
from tests.support import wait_drained

pytestmark = pytest.mark.integration

# Each is Tuesday 1 December 2026, as an RSS feed, a JSON API or an article page prints it.
FORMS: list[object] = [
    "Tue, 01 Dec 2026 09:30:00 +0000",
    "Tue, 01 Dec 2026 04:30:00 EST",
    "2026-12-01T09:30:00+01:00",
    "December 1, 2026",
    "7:58 AM ET, Tue December 1, 2026",
    "December 1, 2026 8:31:19 EST PM",
    "9:43 PM, Dec 1, 2026",
    "1 Dec 2026",
    "2026/12/01",
    "20261201",
    1796117400000,
]
PAIRS = [
    ("Indonesia", "Australia"), ("France", "Germany"), ("Japan", "China"), ("Brazil", "Argentina"),
    ("Kenya", "Uganda"), ("Poland", "Belarus"), ("Egypt", "Ethiopia"), ("Turkey", "Greece"),
    ("Mexico", "Canada"), ("India", "Pakistan"), ("Spain", "Morocco"), ("Nigeria", "Ghana"),
    ("Italy", "Austria"),
]  # fmt: skip
CITIES = ("Jakarta", "Paris", "Tokyo", "Brasilia", "Nairobi", "Warsaw", "Cairo", "Ankara", "Mexico City")
MONDAY = "2026-11-30"
# Every record is produced with the timestamp of noon UTC a week later: it dates only the undated ones.
RECORD_MS = int(dt.datetime(2026, 12, 8, 12, tzinfo=dt.UTC).timestamp() * 1000)
RECORD_MONDAY = "2026-12-07"


def _article(n: int, published: object) -> bytes:
    a, b = PAIRS[n]
    text = (
        f"{a} rejected a proposal by {b} on Monday, officials in {CITIES[n % len(CITIES)]} said. "
        f"Report number {n} of the series."
    )
    fields: dict[str, object] = {"id": f"form-{n}", "source": f"outlet-{n}", "text": text}
    if published is not None:
        fields["published"] = published
    return orjson.dumps(fields)


def test_every_published_form_and_a_missing_one_are_coded_with_a_date(
    settings: Settings, worker: WorkerProcess, topic_reader: ReaderFactory
) -> None:
    topics = settings.topics
    undated = {f"form-{len(FORMS)}": None, f"form-{len(FORMS) + 1}": "sometime this week"}
    values = [_article(n, form) for n, form in enumerate([*FORMS, *undated.values()])]
    reader = topic_reader([topics.diplomatic, topics.conflict, topics.articles, topics.dlq])
    producer = Producer({"bootstrap.servers": settings.bootstrap_servers, "acks": "all"})
    for value in values:
        producer.produce(topics.raw, value=value, timestamp=RECORD_MS)
    assert producer.flush(30) == 0
    wait_drained(worker, produced=len(values))
    records = reader.poll_until(
        lambda rs: sum(t in (topics.diplomatic, topics.conflict) for t, _k, _v in rs) >= len(values),
        timeout=60,
    )
    records = reader.drain(1.0)

    assert [orjson.loads(v)["detail"] for t, _k, v in records if t == topics.dlq] == []
    events = {
        e["article_id"]: e
        for e in (orjson.loads(v) for t, _k, v in records if t in (topics.diplomatic, topics.conflict))
    }
    assert sorted(events) == sorted(f"form-{n}" for n in range(len(values)))
    for article_id, event in events.items():
        dated = (RECORD_MONDAY, "record_timestamp") if article_id in undated else (MONDAY, "published")
        assert (event["event_type"], event["event_date"], event["date_source"]) == ("REJECT", *dated)
    articles = {a["article_id"]: a for a in (orjson.loads(v) for t, _k, v in records if t == topics.articles)}
    assert articles[f"form-{len(FORMS) + 1}"]["published_unread"] == "sometime this week"
    assert {a["published"] for i, a in articles.items() if i not in undated} == {"2026-12-01"}
    assert {articles[i]["published"] for i in undated} == {"2026-12-08"}
