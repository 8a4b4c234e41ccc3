"""Forces moved in other words (MOBILIZE): fighters, commandos, paratroopers or infantry mobilised,
rushed or flown somewhere, riot police flown in, missile batteries being rushed, armed men massing in a
place; doctors flown in are aid, aid rushed stays aid, fans massing and an airline's passengers flown
mobilise nothing."""

from __future__ import annotations

import datetime as dt

import pytest

from stream.extract.coder import code_article

PUBLISHED = dt.date(1995, 5, 1)


def _types(text: str) -> dict[str, set[str]]:
    found: dict[str, set[str]] = {}
    for event in code_article("t", text, PUBLISHED):
        found.setdefault(event.event_type, set()).update(a.country or "" for a in event.actors)
    return found


@pytest.mark.parametrize(
    ("text", "actor_country"),
    [
        ("Hezbollah mobilised hundreds of fighters along the Syrian border on Friday.", "LBN"),
        ("Pakistan rushed two infantry divisions towards the Line of Control.", "PAK"),
        ("Egypt flew hundreds of commandos to the Sinai on Sunday.", "EGY"),
        ("Ankara flew 300 extra riot police to Diyarbakir ahead of the vote.", "TUR"),
        ("Armed Houthi fighters were massing in villages south of Marib.", "YEM"),
    ],
)
def test_forces_moved_mobilize(text: str, actor_country: str) -> None:
    types = _types(text)
    assert actor_country in types.get("MOBILIZE", set()), types


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Brazil rushed aid to flood victims in Rio Grande do Sul.", "AID"),
        ("Cuba flew another 400 doctors and nurses into Haiti on Saturday.", "AID"),
        ("Fans massed in the square to watch the final.", None),
        ("The airline flew its passengers to Madrid after the strike.", None),
    ],
)
def test_near_misses_mobilize_nothing(text: str, expected: str | None) -> None:
    types = _types(text)
    assert "MOBILIZE" not in types, types
    if expected is not None:
        assert expected in types, types
