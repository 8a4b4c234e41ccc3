"""Links between two states opened or resumed are exchange (COOPERATE 061): transport services between
two places resumed, direct flights between them, gas flowing to a neighbour, oil shipped to a partner,
trade settled in the partners' own currencies, a joint border post, a crossing reopened to trucks; an
airline's flights, prices rising and a lawsuit settled cooperate in nothing."""

from __future__ import annotations

import datetime as dt

import pytest

from stream.extract.coder import code_article

PUBLISHED = dt.date(2019, 5, 1)


def _types(text: str) -> dict[str, set[str]]:
    found: dict[str, set[str]] = {}
    for event in code_article("t", text, PUBLISHED):
        found.setdefault(event.event_type, set()).update(
            a.country or "" for a in (*event.actors, *event.recipients)
        )
    return found


@pytest.mark.parametrize(
    ("text", "countries"),
    [
        ("Bus services between Islamabad and Kabul resumed on Monday after a year.", {"PAK", "AFG"}),
        ("Armenia and Turkey resumed direct flights between Yerevan and Istanbul.", {"ARM", "TUR"}),
        ("Russian gas began flowing to China through the new pipeline on Monday.", {"RUS", "CHN"}),
        ("China and Brazil began settling bilateral trade in their own currencies.", {"CHN", "BRA"}),
        ("Azerbaijan has begun shipping oil cargoes to Israel through Ceyhan.", {"AZE", "ISR"}),
        ("Peru and Ecuador opened a joint border post near Huaquillas.", {"PER", "ECU"}),
        ("Uganda and Kenya reopened the Malaba crossing to trucks after talks.", {"UGA", "KEN"}),
    ],
)
def test_links_between_states_are_exchange(text: str, countries: set[str]) -> None:
    types = _types(text)
    assert countries <= types.get("COOPERATE", set()), types


@pytest.mark.parametrize(
    "text",
    [
        "The airline resumed flights to Paris after the strike.",
        "Oil prices began rising after the OPEC meeting.",
        "The company settled the lawsuit in dollars.",
    ],
)
def test_near_misses_cooperate_in_nothing(text: str) -> None:
    assert "COOPERATE" not in _types(text)
