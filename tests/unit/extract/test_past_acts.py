"""The act a trial judges ("sentenced ... for the bombing") and the past acts an obituary's aside tells
("X, who made peace with Israel, died") are no new event; the trial, and events beside them, still code."""

from __future__ import annotations

import datetime as dt

from tests.coding import event_types
from tests.tables import sentence_table

_DAY = dt.date(1999, 2, 8)
TABLE = "coder_quiet.jsonl"


@sentence_table(TABLE, check="an_obituarys_aside_tells_no_new_event")
def test_an_obituarys_aside_tells_no_new_event(text: str) -> None:
    assert event_types(text, _DAY) == []


@sentence_table(TABLE, check="the_act_a_trial_judges_is_no_new_event")
def test_the_act_a_trial_judges_is_no_new_event(text: str, wanted: str, unwanted: str) -> None:
    types = event_types(text, _DAY)
    assert unwanted not in types
    assert not wanted or wanted in types


@sentence_table(TABLE, check="trials_of_politicians_and_events_beside_a_death_still_code")
def test_trials_of_politicians_and_events_beside_a_death_still_code(text: str, event_type: str) -> None:
    assert event_type in event_types(text, _DAY)
