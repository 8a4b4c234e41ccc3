"""Disasters and accidents reported by officials, their tolls told by a participle, and blame laid on a
cause are nobody's act; an armed party's attack or flight beside them still codes."""

from __future__ import annotations

import datetime as dt

import pytest

from stream.extract.coder import code_article

_DAY = dt.date(1998, 11, 6)


@pytest.mark.parametrize(
    "text",
    [
        "Nicaraguan officials said on Thursday that the storm had killed more than 2,000 people.",
        "The interior minister told reporters that the floods had destroyed 40,000 homes in Sindh.",
        "Two trains collided head-on near Lucknow on Sunday, killing at least 60 passengers.",
        "A Garuda airliner crashed into a rice field near Medan, killing all 234 people on board.",
        "A ferry overturned in a storm off the coast of Haiti, drowning more than 100 passengers.",
        "An outbreak of dengue in Sri Lanka's Colombo district has killed 30 people this year.",
        "An eruption of Mount Pinatubo forced 20,000 villagers to abandon their homes.",
        "A blaze that swept through a nightclub killed 64 people, in a tragedy blamed on faulty wiring.",
    ],
)
def test_harm_by_nature_or_accident_reported_or_told_by_a_participle_codes_no_event(text: str) -> None:
    assert code_article("n", text, _DAY) == []


@pytest.mark.parametrize(
    ("text", "event_type"),
    [
        ("Officials said on Friday that rebels had killed 40 villagers near Goma.", "ASSAULT"),
        ("The minister told parliament that troops had shelled rebel positions near Jaffna.", "ASSAULT"),
        ("Rebels shot down a helicopter, which crashed near Kabul, killing 12 soldiers.", "ASSAULT"),
        ("A car bomb exploded outside a police station in Baghdad, killing 20 people.", "ASSAULT"),
        ("The government blamed the bombing on Hamas, a spokesman said.", "ACCUSE"),
        ("The attack was blamed on the PKK by Turkish officials.", "ACCUSE"),
    ],
)
def test_an_armed_party_or_blame_on_a_party_beside_a_disaster_still_codes(text: str, event_type: str) -> None:
    assert event_type in [e.event_type for e in code_article("p", text, _DAY)]
