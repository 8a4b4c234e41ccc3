"""Forces and police of several states acting together (COOPERATE, CAMEO 06x): a trilateral or
multilateral exercise, a joint drill in the singular, coordinated patrols, acting "jointly" (the act
codes as well); a single force's live-fire drill is MOBILIZE, firms that jointly own something and one
group's coordinated attacks cooperate in nothing."""

from __future__ import annotations

import datetime as dt

from tests.coding import countries_by_type
from tests.tables import sentence_table

PUBLISHED = dt.date(2024, 5, 1)
TABLE = "coder_classes.jsonl"


@sentence_table(TABLE, check="states_acting_together_cooperate")
def test_states_acting_together_cooperate(text: str, actor_countries: set[str], also: str | None) -> None:
    types = countries_by_type(text, PUBLISHED)
    assert actor_countries <= types.get("COOPERATE", set()), types
    if also is not None:
        assert also in types, types


@sentence_table(TABLE, check="joint_near_misses_cooperate_in_nothing")
def test_near_misses_cooperate_in_nothing(text: str, expected: str | None) -> None:
    types = countries_by_type(text, PUBLISHED)
    assert "COOPERATE" not in types, types
    if expected is not None:
        assert expected in types, types
