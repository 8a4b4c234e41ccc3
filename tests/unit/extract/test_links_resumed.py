"""Links between two states opened or resumed are exchange (COOPERATE 061): transport services between
two places resumed, direct flights between them, gas flowing to a neighbour, oil shipped to a partner,
trade settled in the partners' own currencies, a joint border post, a crossing reopened to trucks; an
airline's flights, prices rising and a lawsuit settled cooperate in nothing."""

from __future__ import annotations

import datetime as dt

from tests.coding import countries_by_type
from tests.tables import sentence_table

PUBLISHED = dt.date(2019, 5, 1)
TABLE = "coder_classes.jsonl"


@sentence_table(TABLE, check="links_between_states_are_exchange")
def test_links_between_states_are_exchange(text: str, party_countries: set[str]) -> None:
    types = countries_by_type(text, PUBLISHED, recipients=True)
    assert party_countries <= types.get("COOPERATE", set()), types


@sentence_table(TABLE, check="near_misses_cooperate_in_nothing")
def test_near_misses_cooperate_in_nothing(text: str) -> None:
    assert "COOPERATE" not in countries_by_type(text, PUBLISHED, recipients=True)
