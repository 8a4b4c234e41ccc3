"""Concessions in other words (CONCEDE): giving in to pressure, demands or protests ("bowed to weeks of
protests"; the pressure is no request of its own), a concession offered ("offered a formal apology",
"offered Catalonia greater autonomy", "a law offering amnesty"), emergency rule revoked; a bow to an
audience, an athlete's apology and an offer to host stay what they were."""

from __future__ import annotations

import datetime as dt

from tests.coding import countries_by_type
from tests.tables import sentence_table

PUBLISHED = dt.date(1995, 5, 1)
TABLE = "coder_classes.jsonl"


@sentence_table(TABLE, check="a_concession_in_other_words")
def test_a_concession_in_other_words(text: str, actor_country: str) -> None:
    types = countries_by_type(text, PUBLISHED)
    assert actor_country in types.get("CONCEDE", set()), types
    assert "REQUEST" not in types, types


@sentence_table(TABLE, check="near_misses_concede_nothing")
def test_near_misses_concede_nothing(text: str, expected: str | None) -> None:
    types = countries_by_type(text, PUBLISHED)
    assert "CONCEDE" not in types, types
    if expected is not None:
        assert expected in types, types
