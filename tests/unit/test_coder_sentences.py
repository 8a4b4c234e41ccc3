"""General coding rules on single sentences: types, roles, negation, modality, quiet non-political text."""

from __future__ import annotations

import datetime as dt

import pytest

from stream.extract.coder import code_article
from stream.models import EventRecord

PUBLISHED = dt.date(2022, 3, 2)  # a Wednesday


def _code(text: str) -> list[EventRecord]:
    return code_article("t", text, PUBLISHED)


@pytest.mark.parametrize(
    ("text", "event_type", "actor", "recipient"),
    [
        ("The United States imposed new sanctions on Iran.", "SANCTION", "USA", "IRN"),
        ("Israeli troops attacked Palestinian militants in Gaza.", "ASSAULT", "ISR", "PSE"),
        ("France condemned the Syrian government.", "ACCUSE", "FRA", "SYR"),
        ("Germany sent humanitarian aid to Ukraine.", "AID", "DEU", "UKR"),
        ("The Kremlin rejected the proposal from Washington.", "REJECT", "RUS", "USA"),
        ("Japanese Prime Minister Fumio Kishida visited India.", "CONSULT", "JPN", "IND"),
        ("Turkey threatened to attack Kurdish rebels in Syria.", "THREATEN", "TUR", None),
        ("Russia withdrew its troops from the border with Ukraine.", "RETREAT", "RUS", None),
    ],
)
def test_event_type_and_roles(text: str, event_type: str, actor: str, recipient: str | None) -> None:
    events = [e for e in _code(text) if e.event_type == event_type]
    assert events, f"no {event_type} in {text!r}: {[e.event_type for e in _code(text)]}"
    assert actor in {a.country for a in events[0].actors}
    if recipient is not None:
        assert recipient in {r.country for r in events[0].recipients}


def test_capital_as_subject_codes_government() -> None:
    (event,) = _code("Moscow accused Kyiv of shelling civilians.")
    assert event.event_type == "ACCUSE"
    assert (event.actors[0].country, event.actors[0].sector) == ("RUS", "GOV")


def test_passive_voice_swaps_roles() -> None:
    events = [
        e for e in _code("Syrian soldiers were attacked by Turkish troops.") if e.event_type == "ASSAULT"
    ]
    assert events
    assert events[0].actors[0].country == "TUR"
    assert events[0].recipients[0].country == "SYR"


def test_refusal_to_meet_is_reject_not_consult() -> None:
    events = _code("Iran refused to meet the American envoy.")
    assert [e.event_type for e in events] == ["REJECT"]
    assert events[0].event_mode == "meet" and events[0].cameo_code == "125"


@pytest.mark.parametrize(
    "text",
    [
        "Russia did not meet Ukrainian officials.",
        "France may impose sanctions on Mali.",
        "China never attacked Vietnam in that war, officials said.",
    ],
)
def test_negation_and_hypotheticals_give_no_positive_event(text: str) -> None:
    assert not [e for e in _code(text) if e.event_type in ("CONSULT", "SANCTION", "ASSAULT")]


@pytest.mark.parametrize(
    "text",
    [
        "Manchester United beat Chelsea 2-1 on Sunday.",
        "Apple shares rose 3 percent after strong iPhone sales.",
        "Heavy rain is expected across northern Italy this weekend.",
        "The bakery on Main Street opened a second shop.",
    ],
)
def test_non_political_sentences_stay_quiet(text: str) -> None:
    assert _code(text) == []


def test_weekday_resolves_against_publication_date() -> None:
    (event,) = _code("Russia and Ukraine held talks on Monday.")
    assert event.event_date == dt.date(2022, 2, 28)
