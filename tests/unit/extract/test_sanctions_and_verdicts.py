"""Sanctions and verdicts read past longer phrases (SANCTION): a list of kinds with commas before
"sanctions" ("fresh trade, arms and travel sanctions"), an economic blockade, envoys declared persona non
grata, aid agencies ordered out, a verdict whose convicted are named at length ("found two former army
intelligence officers guilty", "sentenced ... to prison terms"); a club's fine, community service and
a coach ordering players out stay quiet, and a conviction's gap does not cross a weekday ("convicted X
on Monday of murder" is read by the crime filters, not as a long object)."""

from __future__ import annotations

import datetime as dt

import pytest

from stream.extract.coder import code_article
from stream.extract.hits import sentence_hits

PUBLISHED = dt.date(1995, 5, 1)


def _types(text: str) -> dict[str, set[str]]:
    found: dict[str, set[str]] = {}
    for event in code_article("t", text, PUBLISHED):
        found.setdefault(event.event_type, set()).update(a.country or "" for a in event.actors)
    return found


@pytest.mark.parametrize(
    ("text", "actor_country"),
    [
        ("The European Union imposed fresh trade, arms and travel sanctions on Belarus on Monday.", "IGO"),
        ("A Lima tribunal found two former army intelligence officers guilty of the massacre.", "PER"),
        ("Russia declared three Estonian diplomats persona non grata on Tuesday.", "RUS"),
        ("Eritrea ordered all foreign aid agencies out of the country.", "ERI"),
    ],
)
def test_sanctions_and_verdicts_in_longer_phrases(text: str, actor_country: str) -> None:
    types = _types(text)
    assert actor_country in types.get("SANCTION", set()), types


@pytest.mark.parametrize(
    "text",
    [
        "West African leaders imposed an economic blockade on Mali after the coup.",
        "A military court in Ankara sentenced three Greek soldiers arrested near the border to prison terms.",
        "The special court convicted former rebel leader Foday Sankoh of war crimes.",
    ],
)
def test_the_trigger_reads_the_whole_phrase(text: str) -> None:
    assert [h.event_type for h in sentence_hits(text)] == ["SANCTION"]


@pytest.mark.parametrize(
    "text",
    [
        "The club imposed a fine on its captain after the match.",
        "The judge sentenced the singer to community service.",
        "The coach ordered his players out of the dressing room.",
        "A jury convicted the family doctor Harold Shipman on Monday of murdering his patients.",
    ],
)
def test_near_misses_sanction_nothing(text: str) -> None:
    assert "SANCTION" not in [h.event_type for h in sentence_hits(text)]
