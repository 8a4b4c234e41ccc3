"""Leaving a body, a treaty or a mediator's role is the manual's SANCTION withdraw ("withdraw oneself
from a group, mediation activity, organization"): a withdrawal from the ICC announced, quitting OPEC,
stepping back from a role as peace broker; a departure decided and announced ("confirmed on Friday that
it will quit") is the measure, not a threat. Players, squads, clubs and parties left are not read."""

from __future__ import annotations

import datetime as dt

from tests.coding import countries_by_type
from tests.tables import sentence_table

PUBLISHED = dt.date(2019, 5, 1)
TABLE = "coder_classes.jsonl"


@sentence_table(TABLE, check="leaving_a_body_is_a_withdrawal")
def test_leaving_a_body_is_a_withdrawal(text: str, actor_country: str) -> None:
    types = countries_by_type(text, PUBLISHED)
    assert actor_country in types.get("SANCTION", set()), types
    assert "THREATEN" not in types and "RETREAT" not in types, types


@sentence_table(TABLE, check="near_misses_withdraw_from_nothing")
def test_near_misses_withdraw_from_nothing(text: str) -> None:
    assert "SANCTION" not in countries_by_type(text, PUBLISHED)
