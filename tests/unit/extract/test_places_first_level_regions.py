"""A state's first-level region named as a place ("in Khyber Pakhtunkhwa", "Borno State") places the
sentence in that state, as its towns do; names several states' regions bear, or words, do not."""

from __future__ import annotations

import datetime as dt

import pytest

from stream.extract.actors import find_places
from stream.extract.coder import code_article


@pytest.mark.parametrize(
    ("text", "country"),
    [
        ("Militants attacked a police post in Khyber Pakhtunkhwa.", "PAK"),
        ("Floods displaced thousands in Sindh.", "PAK"),
        ("Gunmen raided a village in Zamfara State.", "NGA"),
        ("Insurgents ambushed a convoy in Cabo Delgado.", "MOZ"),
        ("Police dispersed a rally in Bavaria.", "DEU"),
        ("Cartel gunmen killed two officers in Jalisco.", "MEX"),
        ("Militants attacked an army base in Diyala province.", "IRQ"),
        ("Protesters blocked roads in Nangarhar.", "AFG"),  # ISO 3166-2's Nangarhār, without its accent
        ("Indian troops killed three militants in Punjab.", "IND"),  # of two states' Punjabs, the named one
        ("Pakistani police arrested 40 people in Punjab.", "PAK"),
    ],
)
def test_a_region_named_as_a_place_is_its_state(text: str, country: str) -> None:
    assert [p.place.country for p in find_places(text)] == [country]


@pytest.mark.parametrize(
    ("text", "not_there"),
    [
        ("Troops were deployed in East Jerusalem.", "CMR"),  # not Cameroon's East region
        ("Ships were attacked in Gulf waters.", "PNG"),  # not Papua New Guinea's Gulf province
        ("Farmers blocked highways in Punjab.", "PAK"),  # India's and Pakistan's: the sentence says neither
        ("Farmers blocked highways in Punjab.", "IND"),
        ("The Sindh government accused the federal authorities.", "PAK"),  # a modifier, not a place
    ],
)
def test_words_shared_names_and_modifiers_are_no_region(text: str, not_there: str) -> None:
    assert not_there not in {p.place.country for p in find_places(text)}


def test_a_region_gives_an_unplaced_party_its_state() -> None:
    events = code_article("t", "Gunmen killed 12 soldiers in Balochistan on Tuesday.", dt.date(2024, 5, 8))
    assert [(e.event_type, {a.country for a in (*e.actors, *e.recipients)}) for e in events] == [
        ("ASSAULT", {"PAK"})
    ]
