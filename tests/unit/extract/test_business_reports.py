"""Companies dealing with companies code no event, a state's name read as a company's when a company
noun follows it, it begins a company's name, or it owns one; a company dealing with a state, and a state
dealing in a company's goods, still code."""

from __future__ import annotations

import datetime as dt

from tests.coding import event_types
from tests.tables import sentence_table

_DAY = dt.date(1998, 3, 3)
TABLE = "coder_quiet.jsonl"


@sentence_table(TABLE, check="companies_dealing_with_companies_code_no_event")
def test_companies_dealing_with_companies_code_no_event(text: str) -> None:
    assert event_types(text, _DAY) == []


@sentence_table(TABLE, check="a_company_dealing_with_a_state_still_codes")
def test_a_company_dealing_with_a_state_still_codes(text: str, event_type: str) -> None:
    assert event_type in event_types(text, _DAY)
