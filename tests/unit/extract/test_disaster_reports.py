"""Disasters and accidents reported by officials, their tolls told by a participle, and blame laid on a
cause are nobody's act; an armed party's attack or flight beside them still codes."""

from __future__ import annotations

import datetime as dt

from tests.coding import event_types
from tests.tables import sentence_table

_DAY = dt.date(1998, 11, 6)
TABLE = "coder_quiet.jsonl"


@sentence_table(TABLE, check="harm_by_nature_or_accident_reported_or_told_by_a_participle_codes_no_event")
def test_harm_by_nature_or_accident_reported_or_told_by_a_participle_codes_no_event(text: str) -> None:
    assert event_types(text, _DAY) == []


@sentence_table(TABLE, check="an_armed_party_or_blame_on_a_party_beside_a_disaster_still_codes")
def test_an_armed_party_or_blame_on_a_party_beside_a_disaster_still_codes(text: str, event_type: str) -> None:
    assert event_type in event_types(text, _DAY)
