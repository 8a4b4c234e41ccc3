"""Old ordnance found or defused is no attack, and civilians put on alert before a storm are mobilised by
nobody; a bomb planted by a party and forces put on alert still code."""

from __future__ import annotations

import datetime as dt

from tests.coding import event_types
from tests.tables import sentence_table

_DAY = dt.date(1992, 8, 23)
TABLE = "coder_quiet.jsonl"


@sentence_table(TABLE, check="old_ordnance_and_storm_alerts_code_no_event")
def test_old_ordnance_and_storm_alerts_code_no_event(text: str) -> None:
    assert event_types(text, _DAY) == []


@sentence_table(TABLE, check="planted_bombs_and_forces_on_alert_still_code")
def test_planted_bombs_and_forces_on_alert_still_code(text: str, event_type: str) -> None:
    assert event_type in event_types(text, _DAY)
