"""Officials' protest is diplomatic; lawyers, judges, lawmakers and a people blocking roads protest."""

from __future__ import annotations

import datetime as dt

from tests.coding import event_types
from tests.tables import sentence_table

_DAY = dt.date(2024, 5, 1)
TABLE = "coder_classes.jsonl"


@sentence_table(TABLE, check="lawyers_and_lawmakers_marching_or_sitting_in_protest")
def test_lawyers_and_lawmakers_marching_or_sitting_in_protest(text: str) -> None:
    assert "PROTEST" in event_types(text, _DAY)


@sentence_table(TABLE, check="an_official_body_that_protests_lodges_a_diplomatic_protest")
def test_an_official_body_that_protests_lodges_a_diplomatic_protest(text: str) -> None:
    types = event_types(text, _DAY)
    assert "ACCUSE" in types and "PROTEST" not in types


@sentence_table(TABLE, check="police_or_soldiers_breaking_up_a_protest_coerce_and_protest_nothing")
def test_police_or_soldiers_breaking_up_a_protest_coerce_and_protest_nothing(text: str) -> None:
    types = event_types(text, _DAY)
    assert "COERCE" in types and "PROTEST" not in types


@sentence_table(TABLE, check="a_people_blocking_roads_protests_where_forces_blocking_them_coerce")
def test_a_people_blocking_roads_protests_where_forces_blocking_them_coerce(
    text: str, event_type: str
) -> None:
    assert event_type in event_types(text, _DAY)


@sentence_table(TABLE, check="street_protests_around_an_officials_act_are_not_the_officials")
def test_street_protests_around_an_officials_act_are_not_the_officials(text: str, event_type: str) -> None:
    # "resigned after days of protests", "amid mounting protests": the protests are the people's, neither
    # a diplomatic note nor a march by the official who acts.
    types = event_types(text, _DAY)
    assert event_type in types and "ACCUSE" not in types and "PROTEST" not in types
