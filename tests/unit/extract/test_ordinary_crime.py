"""Ordinary crime between private people (robbers, contract killers, kidnappers for ransom, swindlers, a
victim's own kin) and a town's court trying it code no event; political violence, state coercion and
trials of political figures beside the same words still code."""

from __future__ import annotations

import datetime as dt

from tests.coding import event_types
from tests.tables import sentence_table

_DAY = dt.date(1996, 3, 12)
TABLE = "coder_quiet.jsonl"


@sentence_table(TABLE, check="ordinary_crime_and_its_trial_code_no_event")
def test_ordinary_crime_and_its_trial_code_no_event(text: str) -> None:
    assert event_types(text, _DAY) == []


@sentence_table(TABLE, check="political_violence_coercion_and_trials_of_politicians_still_code")
def test_political_violence_coercion_and_trials_of_politicians_still_code(text: str, event_type: str) -> None:
    assert event_type in event_types(text, _DAY)
