"""Ordinary crime codes nothing; police of two states acting together is cooperation between them."""

from __future__ import annotations

import datetime as dt

import pytest

from stream.extract.coder import code_article

_DAY = dt.date(2024, 5, 1)


@pytest.mark.parametrize(
    "text",
    [
        "Thai and Malaysian police conducted joint patrols along their border to curb smuggling.",
        "Colombian and US anti-narcotics police seized four tonnes of cocaine in a joint operation.",
        "Spanish and Moroccan police dismantled a people-smuggling ring in a joint operation.",
    ],
)
def test_police_of_two_states_fighting_crime_together_cooperate(text: str) -> None:
    assert "COOPERATE" in [e.event_type for e in code_article("x", text, _DAY)]


@pytest.mark.parametrize(
    "text",
    [
        "Police in Manchester arrested three men suspected of drug trafficking.",
        "Nigerian police arrested a gang of kidnappers in Lagos.",
        "Kenyan police arrested two British tourists for smuggling ivory.",
    ],
)
def test_one_states_police_arresting_ordinary_criminals_codes_nothing(text: str) -> None:
    assert code_article("x", text, _DAY) == []
