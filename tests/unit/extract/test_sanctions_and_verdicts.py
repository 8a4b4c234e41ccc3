"""Sanctions and verdicts read past longer phrases (SANCTION): a list of kinds with commas before
"sanctions" ("fresh trade, arms and travel sanctions"), an economic blockade, envoys declared persona non
grata, aid agencies ordered out, a verdict whose convicted are named at length ("found two former army
intelligence officers guilty", "sentenced ... to prison terms"); a club's fine, community service and
a coach ordering players out stay quiet, and a conviction's gap does not cross a weekday ("convicted X
on Monday of murder" is read by the crime filters, not as a long object)."""

from __future__ import annotations

import datetime as dt

from stream.extract.hits import sentence_hits
from tests.coding import countries_by_type
from tests.tables import sentence_table

PUBLISHED = dt.date(1995, 5, 1)
TABLE = "coder_classes.jsonl"


@sentence_table(TABLE, check="sanctions_and_verdicts_in_longer_phrases")
def test_sanctions_and_verdicts_in_longer_phrases(text: str, actor_country: str) -> None:
    types = countries_by_type(text, PUBLISHED)
    assert actor_country in types.get("SANCTION", set()), types


@sentence_table(TABLE, check="the_trigger_reads_the_whole_phrase")
def test_the_trigger_reads_the_whole_phrase(text: str) -> None:
    assert [h.event_type for h in sentence_hits(text)] == ["SANCTION"]


@sentence_table(TABLE, check="near_misses_sanction_nothing")
def test_near_misses_sanction_nothing(text: str) -> None:
    assert "SANCTION" not in [h.event_type for h in sentence_hits(text)]
