"""Protest in other words (PROTEST): civilians' boycotts (a consumer boycott, pupils staying away from
classes; a state's boycott stays SANCTION), a fast of a kind ("an indefinite fast"), a nationwide
stoppage or a city brought to a standstill, a rampage, paint hurled at an embassy; a Ramadan fast, snow
bringing a city to a standstill and a player staying away from training protest nothing."""

from __future__ import annotations

import datetime as dt

from tests.coding import countries_by_type
from tests.tables import sentence_table

PUBLISHED = dt.date(2019, 5, 1)
TABLE = "coder_classes.jsonl"


@sentence_table(TABLE, check="protest_in_other_words")
def test_protest_in_other_words(text: str, actor_country: str) -> None:
    types = countries_by_type(text, PUBLISHED)
    assert "PROTEST" in types, types
    if actor_country:
        assert actor_country in types["PROTEST"], types


def test_a_consumer_boycott_is_no_embargo() -> None:
    types = countries_by_type(
        "Shoppers in Jakarta joined a consumer boycott of French goods over the cartoons.", PUBLISHED
    )
    assert "PROTEST" in types and "SANCTION" not in types, types


@sentence_table(TABLE, check="near_misses_protest_nothing")
def test_near_misses_protest_nothing(text: str) -> None:
    assert "PROTEST" not in countries_by_type(text, PUBLISHED)
