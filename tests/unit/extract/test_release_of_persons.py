"""Persons freed or released by whoever held them (RETREAT release), named by more nouns than prisoners
and hostages (peacekeepers, engineers, monks, an opposition leader, fishermen), with a dotted name or a
number before them ("54 U.N. peacekeepers"), or walking free from prison; what is released that is no
person (names, a video, figures) stays quiet."""

from __future__ import annotations

import datetime as dt

import pytest

from stream.extract.wordforms import noun_forms
from tests.coding import countries_by_type
from tests.tables import sentence_table

PUBLISHED = dt.date(1995, 5, 1)
TABLE = "coder_classes.jsonl"


@sentence_table(TABLE, check="persons_freed_are_released")
def test_persons_freed_are_released(text: str, actor_country: str) -> None:
    types = countries_by_type(text, PUBLISHED)
    assert actor_country in types.get("RETREAT", set()), types


@sentence_table(TABLE, check="what_is_released_that_is_no_person_codes_nothing")
def test_what_is_released_that_is_no_person_codes_nothing(text: str) -> None:
    assert "RETREAT" not in countries_by_type(text, PUBLISHED)


@pytest.mark.parametrize(
    ("noun", "plural"),
    [("fisherman", "fishermen"), ("policewoman", "policewomen"), ("human", "humans"), ("german", "germans")],
)
def test_compounds_of_man_form_their_plural_in_men(noun: str, plural: str) -> None:
    assert plural in noun_forms(noun)
