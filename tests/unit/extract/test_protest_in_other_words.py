"""Protest in other words (PROTEST): civilians' boycotts (a consumer boycott, pupils staying away from
classes; a state's boycott stays SANCTION), a fast of a kind ("an indefinite fast"), a nationwide
stoppage or a city brought to a standstill, a rampage, paint hurled at an embassy; a Ramadan fast, snow
bringing a city to a standstill and a player staying away from training protest nothing."""

from __future__ import annotations

import datetime as dt

import pytest

from stream.extract.coder import code_article

PUBLISHED = dt.date(2019, 5, 1)


def _types(text: str) -> dict[str, set[str]]:
    found: dict[str, set[str]] = {}
    for event in code_article("t", text, PUBLISHED):
        found.setdefault(event.event_type, set()).update(a.country or "" for a in event.actors)
    return found


@pytest.mark.parametrize(
    ("text", "actor_country"),
    [
        ("Students in Harare stayed away from classes in protest at the fee rise.", "ZWE"),
        ("Three Kurdish activists began an indefinite fast outside the U.N. office in Geneva.", ""),
        (
            "Bolivian unions brought La Paz to a standstill with a nationwide stoppage over fuel prices.",
            "BOL",
        ),
        ("Demonstrators hurled red paint and stones at the Russian embassy in Kyiv.", "UKR"),
        ("Thousands of Kenyan opposition supporters rampaged through Kisumu on Monday.", "KEN"),
    ],
)
def test_protest_in_other_words(text: str, actor_country: str) -> None:
    types = _types(text)
    assert "PROTEST" in types, types
    if actor_country:
        assert actor_country in types["PROTEST"], types


def test_a_consumer_boycott_is_no_embargo() -> None:
    types = _types("Shoppers in Jakarta joined a consumer boycott of French goods over the cartoons.")
    assert "PROTEST" in types and "SANCTION" not in types, types


@pytest.mark.parametrize(
    "text",
    [
        "Muslims in Cairo broke their Ramadan fast at sunset.",
        "Heavy snow brought Madrid to a standstill on Monday.",
        "The striker stayed away from training after the row.",
    ],
)
def test_near_misses_protest_nothing(text: str) -> None:
    assert "PROTEST" not in _types(text)
