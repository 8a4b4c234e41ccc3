"""Persons freed or released by whoever held them (RETREAT release), named by more nouns than prisoners
and hostages (peacekeepers, engineers, monks, an opposition leader, fishermen), with a dotted name or a
number before them ("54 U.N. peacekeepers"), or walking free from prison; what is released that is no
person (names, a video, figures) stays quiet."""

from __future__ import annotations

import datetime as dt

import pytest

from stream.extract.coder import code_article
from stream.extract.wordforms import noun_forms

PUBLISHED = dt.date(1995, 5, 1)


def _types(text: str) -> dict[str, set[str]]:
    found: dict[str, set[str]] = {}
    for event in code_article("t", text, PUBLISHED):
        found.setdefault(event.event_type, set()).update(a.country or "" for a in event.actors)
    return found


@pytest.mark.parametrize(
    ("text", "actor_country"),
    [
        ("Rebels in Casamance freed two Senegalese soldiers they had held since March.", "SEN"),
        ("Kidnappers in the Niger Delta freed three Italian oil engineers on Sunday.", "NER"),
        ("Ghana's government released 12 Togolese fishermen seized off its coast.", "GHA"),
        ("Ivorian rebels freed 50 U.N. peacekeepers they had held at a roadblock.", "CIV"),
        ("Former president Alberto Fujimori walked free from prison on Thursday after a pardon.", "PER"),
    ],
)
def test_persons_freed_are_released(text: str, actor_country: str) -> None:
    types = _types(text)
    assert actor_country in types.get("RETREAT", set()), types


@pytest.mark.parametrize(
    "text",
    [
        "Indian police released the names of five passengers on Monday.",
        "The army released a video of the captured soldiers.",
        "The band released a new album featuring three engineers from Abbey Road.",
    ],
)
def test_what_is_released_that_is_no_person_codes_nothing(text: str) -> None:
    assert "RETREAT" not in _types(text)


@pytest.mark.parametrize(
    ("noun", "plural"),
    [("fisherman", "fishermen"), ("policewoman", "policewomen"), ("human", "humans"), ("german", "germans")],
)
def test_compounds_of_man_form_their_plural_in_men(noun: str, plural: str) -> None:
    assert plural in noun_forms(noun)
