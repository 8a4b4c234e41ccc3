"""Officials' protest is diplomatic; lawyers, judges and lawmakers also take to the streets."""

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
