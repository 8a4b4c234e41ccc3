"""The seed article: every event on the project's gold list, with actors, place and date."""

from __future__ import annotations

import json
from typing import Any

import pytest

from stream.extract import extract_events
from stream.ingest.raw import parse_raw
from stream.records.models import Actor, Article, EventRecord
from tests.paths import GOLD

GOLD = GOLD / "seed_events.jsonl"


def _codes(parties: list[Actor]) -> set[str]:
    return {f"{p.country}:{p.sector or ''}" for p in parties}


@pytest.fixture(scope="module")
def seed_events(seed_bytes: bytes) -> list[EventRecord]:
    article = parse_raw(seed_bytes)
    assert isinstance(article, Article)
    return extract_events(article)


def _gold() -> list[dict[str, Any]]:
    return [json.loads(line) for line in GOLD.read_text().splitlines() if line.strip()]


def _reported_in(event: EventRecord, starts: list[str]) -> bool:
    texts = [s.text for s in event.sentences]
    return all(any(text.startswith(start) for text in texts) for start in starts)


@pytest.mark.parametrize("gold", _gold(), ids=lambda g: str(g["sentences_startwith"][0])[:40])
def test_seed_gold_event_is_one_record_with_all_its_sentences(
    seed_events: list[EventRecord], gold: dict[str, Any]
) -> None:
    starts: list[str] = gold["sentences_startwith"]
    candidates = [e for e in seed_events if e.event_type == gold["event_type"] and _reported_in(e, starts)]
    assert len(candidates) == 1, f"{gold['event_type']} reported in {starts!r}: {len(candidates)} records"
    event = candidates[0]
    assert _codes(event.actors) == set(gold["actors"])
    assert _codes(event.recipients) == set(gold["recipients"])
    assert str(event.event_date) == gold["event_date"]
    if "event_mode" in gold:
        assert event.event_mode == gold["event_mode"]
    if gold["location"] is not None:
        assert event.location is not None
        assert [event.location.name, event.location.country] == gold["location"]


def test_seed_meeting_is_one_consult_event_and_distinct_events_stay_apart(
    seed_events: list[EventRecord],
) -> None:
    meetings = [e for e in seed_events if e.event_type == "CONSULT" and e.event_mode != "phone"]
    assert len(meetings) == 1
    assert meetings[0].location is not None and meetings[0].location.country == "BLR"
    # Five sentences on the gold list, and the photo caption told twice (sentences 8 and 9).
    assert len(meetings[0].sentences) == 6
    calls = [e for e in seed_events if e.event_mode == "phone"]
    refusals = [e for e in seed_events if e.event_type == "REJECT"]
    assert len(calls) == 1 and len(refusals) == 1
    assert len({e.event_id for e in seed_events}) == len(seed_events)


def test_seed_main_consult_is_located_in_gomel_belarus(seed_events: list[EventRecord]) -> None:
    first = seed_events[0]
    assert first.event_type == "CONSULT"
    assert first.location is not None and first.location.country == "BLR"
    assert first.location.name == "Gomel"
    assert abs(first.location.lat - 52.43) < 0.1 and abs(first.location.lon - 30.98) < 0.1


def test_phone_call_carries_cameo_041_and_provenance(seed_events: list[EventRecord]) -> None:
    call = next(e for e in seed_events if e.event_mode == "phone")
    assert call.cameo_code == "041" and call.quad_class == 1 and call.goldstein == 1.0
    assert call.trigger_span is not None
    assert call.sentence[call.trigger_span.start : call.trigger_span.end] == "contacted"
    lukashenko = call.actors[0]
    assert lukashenko.span is not None
    assert call.sentence[lukashenko.span.start : lukashenko.span.end] == lukashenko.text


def test_event_ids_are_unique_and_deterministic(seed_bytes: bytes, seed_events: list[EventRecord]) -> None:
    again = parse_raw(seed_bytes)
    assert isinstance(again, Article)
    assert [e.event_id for e in extract_events(again)] == [e.event_id for e in seed_events]
    assert len({e.event_id for e in seed_events}) == len(seed_events)


def test_negated_statements_are_not_coded(seed_events: list[EventRecord]) -> None:
    # "talks did not start a day earlier" and "declined to say" are not events.
    sentences = {e.sentence for e in seed_events}
    assert not any(s.startswith("Russian government spokesman Dmitry Peskov") for s in sentences)
    assert not any(s.startswith("The Russian government said it expects") for s in sentences)
