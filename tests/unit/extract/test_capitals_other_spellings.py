"""Capitals in their other spellings and former seats of government name their state ("Kiev", "Rangoon",
"Naypyitaw", "Bonn"); as places after "in" they stay places."""

from __future__ import annotations

import datetime as dt

import pytest

from stream.extract.actors import ArticleMemory, find_actors

D = dt.date(1995, 6, 1)


def _mentions(text: str) -> list[tuple[str, str, bool]]:
    memory = ArticleMemory(home_country=lambda: None, date=D)
    return [(m.text, m.country, m.locative) for m in find_actors(text, memory)]


@pytest.mark.parametrize(
    ("text", "capital", "country"),
    [
        ("Dhaka and Naypyitaw agreed in principle to begin the repatriation.", "Naypyitaw", "MMR"),
        ("Kiev accused Moscow of shelling the town.", "Kiev", "UKR"),
        ("Bonn and Paris agreed to coordinate their policy.", "Bonn", "DEU"),
        ("Teheran rejected the demand on Monday.", "Teheran", "IRN"),
    ],
)
def test_the_capital_names_its_state(text: str, capital: str, country: str) -> None:
    assert (capital, country, False) in _mentions(text)


@pytest.mark.parametrize(
    ("text", "capital"),
    [
        ("Protesters marched in Yangon on Monday.", "Yangon"),
        ("The junta in Rangoon released 200 prisoners.", "Rangoon"),
    ],
)
def test_a_capital_after_in_is_a_place(text: str, capital: str) -> None:
    assert (capital, "MMR", True) in _mentions(text)
