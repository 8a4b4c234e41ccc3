"""A currency under attack and its central bank's defence are market news; an armed attack beside the
market's words still codes."""

from __future__ import annotations

import datetime as dt

from tests.coding import event_types
from tests.tables import sentence_table

_DAY = dt.date(1997, 7, 2)
TABLE = "coder_quiet.jsonl"


@sentence_table(TABLE, check="a_currency_under_attack_codes_no_event")
def test_a_currency_under_attack_codes_no_event(text: str) -> None:
    assert event_types(text, _DAY) == []


@sentence_table(TABLE, check="an_armed_attack_beside_market_words_still_codes")
def test_an_armed_attack_beside_market_words_still_codes(text: str, event_type: str) -> None:
    assert event_type in event_types(text, _DAY)
