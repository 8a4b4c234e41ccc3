"""Old ordnance found or defused is no attack, and civilians put on alert before a storm are mobilised by
nobody; a bomb planted by a party and forces put on alert still code."""

from __future__ import annotations

import datetime as dt

import pytest

from stream.extract.coder import code_article

_DAY = dt.date(1992, 8, 23)


@pytest.mark.parametrize(
    "text",
    [
        "HAMBURG (Reuters) - Bomb disposal experts defused a World War Two bomb found at a building site.",
        "A bomb disposal squad defused a wartime shell found near a school in Hull, police said.",
        "MANILA (Reuters) - Coastal villagers were put on alert as Typhoon Mike approached the Visayas.",
        "Coastal villagers in Bangladesh were put on alert as a cyclone approached the Bay of Bengal.",
    ],
)
def test_old_ordnance_and_storm_alerts_code_no_event(text: str) -> None:
    assert code_article("n", text, _DAY) == []


@pytest.mark.parametrize(
    ("text", "event_type"),
    [
        ("Police defused a bomb planted by Basque separatists outside a ministry in Madrid.", "ASSAULT"),
        ("Rebels planted a bomb in a market in Peshawar, killing 12.", "ASSAULT"),
        (
            "Indian troops were put on high alert as floods swept Kashmir and Pakistani forces massed.",
            "MOBILIZE",
        ),
        ("The Philippine army was put on alert as Typhoon Haiyan approached, a spokesman said.", "MOBILIZE"),
    ],
)
def test_planted_bombs_and_forces_on_alert_still_code(text: str, event_type: str) -> None:
    assert event_type in [e.event_type for e in code_article("p", text, _DAY)]
