"""A retreat announced as to come (troops to withdraw, captives to be freed, inspectors to be let in) is a
concession, the PLOVER manual's CONCEDE; goods to be returned stay an intent to cooperate (AGREE), a
possible retreat codes nothing, a retreat carried out stays RETREAT."""

from __future__ import annotations

import datetime as dt

from tests.coding import countries_by_type
from tests.tables import sentence_table

PUBLISHED = dt.date(1995, 5, 1)
TABLE = "coder_classes.jsonl"


@sentence_table(TABLE, check="an_announced_retreat_is_a_concession")
def test_an_announced_retreat_is_a_concession(text: str, actor_country: str) -> None:
    types = countries_by_type(text, PUBLISHED)
    assert actor_country in types.get("CONCEDE", set()), types
    assert "AGREE" not in types and "RETREAT" not in types, types


@sentence_table(TABLE, check="near_misses_keep_their_reading")
def test_near_misses_keep_their_reading(text: str, expected: str | None) -> None:
    types = countries_by_type(text, PUBLISHED)
    assert "CONCEDE" not in types, types
    if expected is not None:
        assert expected in types, types
