"""Officials' protest is diplomatic; lawyers, judges, lawmakers and a people blocking roads protest."""

from __future__ import annotations

import datetime as dt

import pytest

from stream.extract.coder import code_article

_DAY = dt.date(2024, 5, 1)


def _types(text: str) -> list[str]:
    return [e.event_type for e in code_article("x", text, _DAY)]


@pytest.mark.parametrize(
    "text",
    [
        "Lawyers marched through Karachi to denounce the sacking of the chief justice.",
        "Opposition lawmakers staged a sit-in inside the parliament building in Kampala.",
    ],
)
def test_lawyers_and_lawmakers_marching_or_sitting_in_protest(text: str) -> None:
    assert "PROTEST" in _types(text)


@pytest.mark.parametrize(
    "text",
    [
        "China's foreign ministry protested to Tokyo over the minister's visit to the shrine.",
        "The Japanese parliament protested against Russia's annexation of the islands.",
    ],
)
def test_an_official_body_that_protests_lodges_a_diplomatic_protest(text: str) -> None:
    types = _types(text)
    assert "ACCUSE" in types and "PROTEST" not in types


@pytest.mark.parametrize(
    "text",
    [
        "Police dispersed protesters outside the parliament in Minsk.",
        "Soldiers broke up a demonstration by students in Yangon.",
    ],
)
def test_police_or_soldiers_breaking_up_a_protest_coerce_and_protest_nothing(text: str) -> None:
    types = _types(text)
    assert "COERCE" in types and "PROTEST" not in types


@pytest.mark.parametrize(
    ("text", "event_type"),
    [
        ("Crowds of Georgians blocked Rustaveli Avenue in Tbilisi for a week.", "PROTEST"),
        ("Serbs blocked roads in northern Kosovo with trucks and barricades.", "PROTEST"),
        ("Thousands of Armenians blocked the main streets of Yerevan.", "PROTEST"),
        ("Russian forces blocked the road to the port of Mariupol.", "COERCE"),
    ],
)
def test_a_people_blocking_roads_protests_where_forces_blocking_them_coerce(
    text: str, event_type: str
) -> None:
    assert event_type in _types(text)
