"""Sports reports code nothing: a score after a name makes the names teams whoever else acts, a sports
body's counterpart is no government, police who report are no party acting, tennis and cricket have
words of their own, and a capitalised trigger after a given name is a surname. A state's act about a
sports event still codes."""

from __future__ import annotations

import datetime as dt

from tests.coding import event_types
from tests.tables import sentence_table

_DAY = dt.date(1995, 6, 24)
TABLE = "coder_quiet.jsonl"


@sentence_table(TABLE, check="a_sports_report_codes_no_event")
def test_a_sports_report_codes_no_event(text: str) -> None:
    assert event_types(text, _DAY) == []


@sentence_table(TABLE, check="a_states_act_about_sport_still_codes")
def test_a_states_act_about_sport_still_codes(text: str, event_type: str) -> None:
    assert event_type in event_types(text, _DAY)
