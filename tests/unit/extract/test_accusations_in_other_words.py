"""Accusations in other words (ACCUSE): lashing out at a state, branding an act at length an act of
aggression, charging on a given day that, charging a person with a political crime (treason, genocide,
terrorism: ordinary crimes are the crime filters'), seeking an arrest warrant, opening hearings; a
coach lashing out at referees, a murder charge and a company's fees accuse no one."""

from __future__ import annotations

import datetime as dt

from tests.coding import countries_by_type
from tests.tables import sentence_table

PUBLISHED = dt.date(2019, 5, 1)
TABLE = "coder_classes.jsonl"


@sentence_table(TABLE, check="accusations_in_other_words")
def test_accusations_in_other_words(text: str, actor_country: str) -> None:
    types = countries_by_type(text, PUBLISHED)
    assert actor_country in types.get("ACCUSE", set()), types


@sentence_table(TABLE, check="near_misses_accuse_no_one")
def test_near_misses_accuse_no_one(text: str) -> None:
    assert "ACCUSE" not in countries_by_type(text, PUBLISHED)
