"""Reports with no political event stay quiet: a wire dateline names no party, weather and animals
harm by nobody's act even beside the official who reports them, a match's halves and a race's laps are
sport, a court's sentence on an unnamed private person is ordinary justice, and welcoming tourists or
pilgrims is hospitality; the acts of armed, official and political parties beside them are kept."""

from __future__ import annotations

import datetime as dt

from tests.coding import event_types
from tests.tables import sentence_table

PUBLISHED = dt.date(2021, 6, 1)


@sentence_table("no_event_reports.jsonl", "codes_nothing")
def test_reports_without_a_political_event_code_nothing(text: str) -> None:
    assert event_types(text, PUBLISHED) == []


@sentence_table("no_event_reports.jsonl", "keeps_its_event")
def test_acts_of_parties_beside_them_keep_their_event(text: str, event_type: str) -> None:
    assert event_type in event_types(text, PUBLISHED)
