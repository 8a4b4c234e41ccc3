"""Event identity: one key for the ways news tells one event; an article's reports of one event merge."""

from __future__ import annotations

import datetime as dt
import itertools
import json
from typing import Any

import pytest

from stream.extract.coder import code_article
from stream.extract.identity import MAX_REPORT_SENTENCES, event_key, is_reciprocal, merge_reports
from stream.records.models import EventRecord
from tests.paths import GOLD

DAY = dt.date(2024, 3, 12)
BERLIN = {"name": "Berlin", "country": "DEU", "lat": 52.52, "lon": 13.41, "feature": "city"}
HAMBURG = {"name": "Hamburg", "country": "DEU", "lat": 53.55, "lon": 9.99, "feature": "city"}
GERMANY = {"name": "Germany", "country": "DEU", "lat": 51.0, "lon": 9.0, "feature": "country"}


def _party(country: str | None, sector: str | None = "GOV", start: int = 0) -> dict[str, Any]:
    return {"text": country or "protesters", "country": country, "sector": sector, "span": None}


def make_report(
    event_type: str = "CONSULT",
    actors: tuple[str | None, ...] = ("FRA",),
    recipients: tuple[str | None, ...] = (),
    *,
    index: int = 0,
    day: dt.date = DAY,
    mode: str | None = None,
    cameo: str = "040",
    place: dict[str, Any] | None = None,
    resolved_from: str = "sentence",
    sectors: str | None = "GOV",
) -> dict[str, Any]:
    """One coded report as the coder assembles it before merging (plain data)."""
    location = None if place is None else {**place, "resolved_from": resolved_from, "span": None}
    return {
        "event_id": "",
        "article_id": "a",
        "event_date": day,
        "event_type": event_type,
        "event_mode": mode,
        "cameo_code": cameo,
        "quad_class": 1,
        "goldstein": 1.0,
        "actors": [_party(c, sectors) for c in actors],
        "recipients": [_party(c, sectors) for c in recipients],
        "location": location,
        "sentence": f"sentence {index}",
        "sentence_index": index,
        "url": None,
        "trigger": "met",
        "trigger_span": {"start": 0, "end": 3},
    }


def test_a_meeting_told_as_x_and_y_met_or_x_met_y_or_y_met_x_has_one_key() -> None:
    both = make_report(actors=("FRA", "DEU"), place=BERLIN)
    directed = make_report(actors=("FRA",), recipients=("DEU",), place=BERLIN)
    reversed_ = make_report(actors=("DEU",), recipients=("FRA",), place=BERLIN)
    assert event_key(both) == event_key(directed) == event_key(reversed_)


def test_sectors_and_the_order_of_parties_stay_out_of_the_key() -> None:
    a = make_report(actors=("FRA", "DEU"), sectors="GOV")
    b = make_report(actors=("DEU", "FRA"), sectors="MIL")
    assert event_key(a) == event_key(b)


def test_directed_events_in_opposite_directions_have_two_keys() -> None:
    there = make_report("ACCUSE", ("ARM",), ("AZE",), cameo="112")
    back = make_report("ACCUSE", ("AZE",), ("ARM",), cameo="112")
    assert not is_reciprocal(there)
    assert event_key(there) != event_key(back)


@pytest.mark.parametrize(
    "change",
    [
        {"event_type": "COOPERATE"},
        {"event_date": DAY + dt.timedelta(days=3)},
        {"location": {**HAMBURG, "resolved_from": "sentence", "span": None}},
        {"event_mode": "phone"},
    ],
    ids=["type", "date", "place", "phone-call"],
)
def test_type_date_place_and_a_phone_call_change_the_key(change: dict[str, Any]) -> None:
    meeting = make_report(actors=("TUR", "AZE"), place=BERLIN)
    assert event_key(meeting) != event_key({**meeting, **change})


def test_reports_whose_parties_are_a_subset_merge_into_the_fullest() -> None:
    reports = [
        make_report(actors=("FRA", "DEU"), place=BERLIN, index=0),
        make_report(actors=("FRA",), recipients=("DEU",), index=1, place=GERMANY),
        make_report(actors=("FRA",), index=2, place=BERLIN, resolved_from="article"),
    ]
    [merged] = merge_reports(reports)
    assert {p["country"] for p in merged["actors"]} == {"FRA", "DEU"}
    assert [s["index"] for s in merged["sentences"]] == [0, 1, 2]
    assert merged["location"]["name"] == "Berlin"
    assert merged["event_id"] == event_key(merged)


def test_the_most_precise_place_wins_a_merge() -> None:
    reports = [
        make_report(actors=("UKR", "RUS"), place=GERMANY, index=0),
        make_report(actors=("UKR",), place=BERLIN, index=1),
    ]
    [merged] = merge_reports(reports)
    assert merged["location"]["name"] == "Berlin"
    assert merged["location"]["span"] is None  # the span belonged to another sentence
    assert merged["sentence_index"] == 0


def test_two_attacks_on_one_day_in_two_cities_stay_two() -> None:
    reports = [
        make_report("ASSAULT", ("RUS",), ("UKR",), cameo="190", place=BERLIN, index=0),
        make_report("ASSAULT", ("RUS",), ("UKR",), cameo="190", place=HAMBURG, index=1),
    ]
    assert len(merge_reports(reports)) == 2


def test_a_place_taken_from_the_article_is_no_evidence_against_a_merge() -> None:
    reports = [
        make_report("ASSAULT", ("RUS",), ("UKR",), cameo="190", place=BERLIN, index=0),
        make_report("ASSAULT", ("RUS",), (), cameo="190", place=HAMBURG, index=1, resolved_from="article"),
    ]
    [merged] = merge_reports(reports)
    assert merged["location"]["name"] == "Berlin"


def test_a_meeting_and_a_phone_call_between_the_same_leaders_stay_two() -> None:
    reports = [
        make_report(actors=("TUR", "AZE"), index=0),
        make_report(actors=("TUR",), recipients=("AZE",), mode="phone", cameo="041", index=1),
    ]
    assert len(merge_reports(reports)) == 2


def test_meetings_on_two_days_stay_two() -> None:
    reports = [
        make_report(actors=("USA", "CHN"), index=0),
        make_report(actors=("USA", "CHN"), index=1, day=DAY + dt.timedelta(days=3)),
    ]
    assert len(merge_reports(reports)) == 2


def test_a_report_with_a_party_outside_the_event_is_another_event() -> None:
    reports = [
        make_report(actors=("FRA", "DEU"), index=0),
        make_report(actors=("FRA",), recipients=("POL",), index=1),
    ]
    assert len(merge_reports(reports)) == 2


def test_merged_records_keep_the_order_of_their_first_report() -> None:
    reports = [
        make_report("ACCUSE", ("ARM",), ("AZE",), cameo="112", index=0),
        make_report(actors=("FRA", "DEU"), index=1),
        make_report(actors=("FRA",), index=2),
    ]
    merged = merge_reports(reports)
    assert [m["event_type"] for m in merged] == ["ACCUSE", "CONSULT"]
    assert [s["index"] for s in merged[1]["sentences"]] == [1, 2]


def test_an_event_keeps_at_most_a_bounded_number_of_reporting_sentences() -> None:
    reports = [make_report(actors=("FRA", "DEU"), index=i) for i in range(MAX_REPORT_SENTENCES * 50)]
    [merged] = merge_reports(reports)
    assert [s["index"] for s in merged["sentences"]] == list(range(MAX_REPORT_SENTENCES))


def test_a_long_article_repeating_one_report_gives_a_record_of_bounded_size() -> None:
    sentence = "The foreign ministers of France and Germany met in Berlin on Tuesday. "
    [event] = code_article("long", sentence * 5000, DAY)
    assert len(event.sentences) == MAX_REPORT_SENTENCES
    assert len(event.model_dump_json()) < 64_000


def test_a_ceasefire_and_a_signed_agreement_are_reciprocal() -> None:
    assert is_reciprocal(make_report("RETREAT", ("ARM",), ("AZE",), mode="ceasefire", cameo="0871"))
    assert is_reciprocal(make_report("AGREE", ("KEN",), ("TZA",), cameo="057"))
    assert not is_reciprocal(make_report("AGREE", ("KEN",), ("TZA",), cameo="030"))


# Own multi-sentence stories: which sentences report one event and which events are distinct, written
# without reading the coder (tests/gold/NOTICE.md). The coder need not find every event; what it finds
# must not split one event nor join two.
def _stories() -> list[dict[str, Any]]:
    path = GOLD / "stories_identity.jsonl"
    return [json.loads(line) for line in path.read_text().splitlines() if line.strip()]


# Known defects, each a story that fails for its reason (strict xfail: fixing one makes it pass, and the
# mark must then go).
KNOWN_DEFECTS = {
    # A compound actor in a headline ("The US and Britain imposed sanctions on Iran") is one PLOVER event
    # holding both countries' sanctions: each country's own report is a subset of it and merges into it.
    "usa-gbr-iran-sanctions": "a compound actor absorbs the reports of each of its parties",
}


def _coded(story: dict[str, Any]) -> tuple[list[EventRecord], int]:
    title = story["title"]
    text = (f"{title}\n\n" if title else "") + story["text"]
    events = code_article(story["id"], text, dt.date.fromisoformat(story["published"]))
    return events, (1 if title else 0)


def _reports_of(event: EventRecord, offset: int) -> set[int]:
    return {s.index - offset for s in event.sentences}


@pytest.mark.parametrize(
    "story",
    [
        pytest.param(
            s,
            id=s["id"],
            marks=[pytest.mark.xfail(reason=KNOWN_DEFECTS[s["id"]])] if s["id"] in KNOWN_DEFECTS else [],
        )
        for s in _stories()
    ],
)
def test_story_events_are_neither_split_nor_joined(story: dict[str, Any]) -> None:
    events, offset = _coded(story)
    for gold in story["events"]:
        sentences = set(gold["sentences"])
        same = [e for e in events if e.event_type == gold["type"] and _reports_of(e, offset) & sentences]
        # Split: one real-world event reported by several sentences is one record.
        assert len(same) <= 1, f"{gold['type']} in sentences {sorted(sentences)} split in {len(same)}"
    for a, b in itertools.combinations(story["events"], 2):
        if a["type"] != b["type"]:
            continue
        only_a = set(a["sentences"]) - set(b["sentences"])
        only_b = set(b["sentences"]) - set(a["sentences"])
        joined = [
            e
            for e in events
            if e.event_type == a["type"]
            and _reports_of(e, offset) & only_a
            and _reports_of(e, offset) & only_b
        ]
        # Joined: two distinct events never become one record.
        assert not joined, f"two {a['type']} events joined: sentences {sorted(only_a)} and {sorted(only_b)}"


def test_stories_merge_several_sentences_somewhere() -> None:
    # The story check above is not vacuous: the coder does merge multi-sentence reports in these stories.
    merged = sum(
        1 for story in _stories() for e in _coded(story)[0] if len({s.index for s in e.sentences}) > 1
    )
    assert merged >= 5
