"""Through the worker on the embedded broker: a wire story placed by its dateline, a Kentucky station's story
placed in the USA, and a French article noted on news.skipped and counted, not coded to nothing."""

from __future__ import annotations

import orjson
import pytest

from stream.devtools.devrun import read_counters
from tests.integration.conftest import ReaderFactory, SettingsFactory, WorkerFactory, produce
from tests.support import wait_drained

pytestmark = pytest.mark.integration

STORIES = {
    # Reuters' form without an agency tag; the only capital named in the text is another country's.
    "jakarta": "JAKARTA, June 18 - Indonesia rejected a demand by the Netherlands on Tuesday to return "
    "artefacts taken during colonial rule. The request was first made before a court in The Hague.",
    # A local station's copy: the state abbreviated in the dateline, the town bare in the text.
    "london-ky": "LONDON, Ky. (WKYT) - Police in London arrested two men after a shooting outside a church "
    "on Sunday. Residents demanded more patrols in the town.",
    "french": "Le président français a rencontré son homologue allemand à Berlin lundi pour discuter de la "
    "guerre en Ukraine. Des milliers de manifestants ont défilé samedi à Paris contre la réforme.",
}


def test_datelines_place_stories_and_a_french_article_is_noted_as_skipped(
    settings_factory: SettingsFactory, worker_factory: WorkerFactory, topic_reader: ReaderFactory
) -> None:
    settings = settings_factory()
    topics = settings.topics
    worker = worker_factory(settings=settings)
    reader = topic_reader([topics.diplomatic, topics.conflict, topics.skipped, topics.dlq], settings)
    values = [
        orjson.dumps({"id": name, "published": "2026-06-19", "text": text}) for name, text in STORIES.items()
    ]
    produce(settings, topics.raw, values)
    wait_drained(worker, produced=len(values))
    records = reader.poll_until(lambda rs: any(t == topics.skipped for t, _k, _v in rs), timeout=60)
    records = reader.drain(1.0)

    assert [v for t, _k, v in records if t == topics.dlq] == []
    events = [orjson.loads(v) for t, _k, v in records if t in (topics.diplomatic, topics.conflict)]
    places = {(e["article_id"], e["event_type"]): e["location"] for e in events}
    jakarta = places[("jakarta", "REJECT")]
    assert (jakarta["name"], jakarta["country"], jakarta["geonames_id"]) == ("Jakarta", "IDN", 1642911)
    london = [loc for (article, _type), loc in places.items() if article == "london-ky"]
    assert london and {(loc["country"], loc["geonames_id"]) for loc in london} == {("USA", 4298960)}

    skipped = [(k, orjson.loads(v)) for t, k, v in records if t == topics.skipped]
    assert [(k, s["reason"], s["language"]) for k, s in skipped] == [
        (b"french", "unsupported_language", "fr")
    ]
    assert not any(e["article_id"] == "french" for e in events)
    counters = read_counters(worker.metrics_url)
    assert counters[("newsevents_articles_total", (("outcome", "unsupported_language"),))] == 1
