"""Forces moved in other words (MOBILIZE): fighters, commandos, paratroopers or infantry mobilised,
rushed or flown somewhere, riot police flown in, missile batteries being rushed, armed men massing in a
place; doctors flown in are aid, aid rushed stays aid, fans massing and an airline's passengers flown
mobilise nothing."""

from __future__ import annotations

import datetime as dt

from tests.coding import countries_by_type
from tests.tables import sentence_table

PUBLISHED = dt.date(1995, 5, 1)
TABLE = "coder_classes.jsonl"


@sentence_table(TABLE, check="forces_moved_mobilize")
def test_forces_moved_mobilize(text: str, actor_country: str) -> None:
    types = countries_by_type(text, PUBLISHED)
    assert actor_country in types.get("MOBILIZE", set()), types


@sentence_table(TABLE, check="near_misses_mobilize_nothing")
def test_near_misses_mobilize_nothing(text: str, expected: str | None) -> None:
    types = countries_by_type(text, PUBLISHED)
    assert "MOBILIZE" not in types, types
    if expected is not None:
        assert expected in types, types
