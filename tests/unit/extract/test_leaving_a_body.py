"""Leaving a body, a treaty or a mediator's role is the manual's SANCTION withdraw ("withdraw oneself
from a group, mediation activity, organization"): a withdrawal from the ICC announced, quitting OPEC,
stepping back from a role as peace broker; a departure decided and announced ("confirmed on Friday that
it will quit") is the measure, not a threat. Players, squads, clubs and parties left are not read."""

from __future__ import annotations

import datetime as dt

import pytest

from stream.extract.coder import code_article

PUBLISHED = dt.date(2019, 5, 1)


def _types(text: str) -> dict[str, set[str]]:
    found: dict[str, set[str]] = {}
    for event in code_article("t", text, PUBLISHED):
        found.setdefault(event.event_type, set()).update(a.country or "" for a in event.actors)
    return found


@pytest.mark.parametrize(
    ("text", "actor_country"),
    [
        ("Burkina Faso announced its withdrawal from the International Criminal Court on Friday.", "BFA"),
        ("Venezuela withdrew from the Organization of American States in 2017.", "VEN"),
        ("Qatar pulled out of OPEC at the start of the year.", "QAT"),
        ("Norway is stepping back from its role as peace broker in Sri Lanka.", "NOR"),
        ("Hungary confirmed on Friday that it will quit the International Criminal Court.", "HUN"),
    ],
)
def test_leaving_a_body_is_a_withdrawal(text: str, actor_country: str) -> None:
    types = _types(text)
    assert actor_country in types.get("SANCTION", set()), types
    assert "THREATEN" not in types and "RETREAT" not in types, types


@pytest.mark.parametrize(
    "text",
    [
        "The striker left the club after six seasons.",
        "The senator quit the party over the vote.",
        "Rivaldo withdrew from the squad with a knee injury.",
    ],
)
def test_near_misses_withdraw_from_nothing(text: str) -> None:
    assert "SANCTION" not in _types(text)
