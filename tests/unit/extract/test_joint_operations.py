"""Forces and police of several states acting together (COOPERATE, CAMEO 06x): a trilateral or
multilateral exercise, a joint drill in the singular, coordinated patrols, acting "jointly" (the act
codes as well); a single force's live-fire drill is MOBILIZE, firms that jointly own something and one
group's coordinated attacks cooperate in nothing."""

from __future__ import annotations

import datetime as dt

import pytest

from stream.extract.coder import code_article

PUBLISHED = dt.date(2024, 5, 1)


def _types(text: str) -> dict[str, set[str]]:
    found: dict[str, set[str]] = {}
    for event in code_article("t", text, PUBLISHED):
        found.setdefault(event.event_type, set()).update(a.country or "" for a in event.actors)
    return found


@pytest.mark.parametrize(
    ("text", "countries", "also"),
    [
        (
            "Navies of Brazil, South Africa and India began the trilateral 'Ibsamar' exercise off Durban.",
            {"BRA", "IND"},
            None,
        ),
        (
            "Warships from Egypt and Greece held a joint drill in the eastern Mediterranean.",
            {"EGY", "GRC"},
            None,
        ),
        (
            "Thai and Lao police jointly dismantled a methamphetamine ring along the Mekong.",
            {"THA", "LAO"},
            None,
        ),
        (
            "Indian and Bangladeshi border guards carried out coordinated patrols along the frontier.",
            {"IND", "BGD"},
            None,
        ),
        ("Ugandan and Congolese troops jointly attacked ADF camps in North Kivu.", {"UGA", "COD"}, "ASSAULT"),
    ],
)
def test_states_acting_together_cooperate(text: str, countries: set[str], also: str | None) -> None:
    types = _types(text)
    assert countries <= types.get("COOPERATE", set()), types
    if also is not None:
        assert also in types, types


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The Chinese navy held live-fire naval exercises off Fujian.", "MOBILIZE"),
        ("Militants launched coordinated attacks on police stations in Kano.", "ASSAULT"),
        ("The two firms jointly own the refinery in Jamnagar.", None),
    ],
)
def test_near_misses_cooperate_in_nothing(text: str, expected: str | None) -> None:
    types = _types(text)
    assert "COOPERATE" not in types, types
    if expected is not None:
        assert expected in types, types
