"""Harm done by nature, disease or accident is nobody's act; an armed party's attack beside it still is."""

from __future__ import annotations

import datetime as dt

from tests.coding import event_types
from tests.tables import sentence_table

_DAY = dt.date(2024, 5, 1)
TABLE = "coder_quiet.jsonl"


@sentence_table(TABLE, check="a_disaster_a_disease_or_an_accident_that_kills_or_destroys_codes_no_event")
def test_a_disaster_a_disease_or_an_accident_that_kills_or_destroys_codes_no_event(text: str) -> None:
    assert event_types(text, _DAY) == []


@sentence_table(TABLE, check="armed_party_beside_a_disaster_or_an_unnamed_bomber_still_codes")
def test_an_armed_party_acting_beside_a_disaster_or_an_unnamed_bomber_still_codes_its_event(
    text: str, event_type: str
) -> None:
    assert event_type in event_types(text, _DAY)
