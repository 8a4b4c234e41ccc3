"""Concessions in other words (CONCEDE): giving in to pressure, demands or protests ("bowed to weeks of
protests"; the pressure is no request of its own), a concession offered ("offered a formal apology",
"offered Catalonia greater autonomy", "a law offering amnesty"), emergency rule revoked; a bow to an
audience, an athlete's apology and an offer to host stay what they were."""

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
        ("Bowing to pressure from Washington, Pakistan agreed to hand over the suspects.", "PAK"),
        ("The Kenyan government bowed to union demands on Tuesday and raised teachers' pay.", "KEN"),
        ("Germany's chancellor offered a formal apology to Namibia for the colonial-era killings.", "DEU"),
        ("Spain offered Catalonia greater autonomy in a bid to end the crisis.", "ESP"),
        ("Thai parliament passed a law offering amnesty to southern insurgents who surrender.", "THA"),
        ("Egypt's president revoked the emergency law after 31 years.", "EGY"),
    ],
)
def test_a_concession_in_other_words(text: str, actor_country: str) -> None:
    types = _types(text)
    assert actor_country in types.get("CONCEDE", set()), types
    assert "REQUEST" not in types, types


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The conductor bowed to the audience after the final movement.", None),
        ("The striker offered an apology to fans after the defeat.", None),
        ("The EU scrapped regulations on roaming fees.", None),
        ("France offered to host the next round of talks.", "AGREE"),
    ],
)
def test_near_misses_concede_nothing(text: str, expected: str | None) -> None:
    types = _types(text)
    assert "CONCEDE" not in types, types
    if expected is not None:
        assert expected in types, types
