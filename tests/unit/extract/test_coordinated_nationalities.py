"""Two nationalities before one plural noun ("Iranian and Saudi security chiefs") name two parties."""

from __future__ import annotations

import datetime as dt

import pytest

from stream.extract.actors import ArticleMemory, find_actors
from stream.extract.coder import code_article

D = dt.date(2023, 1, 1)


def _mentions(text: str) -> list[tuple[str, str, bool]]:
    memory = ArticleMemory(home_country=lambda: None, date=D)
    return [(m.text, m.country, m.adjective) for m in find_actors(text, memory)]


@pytest.mark.parametrize(
    ("text", "countries"),
    [
        ("Iranian and Saudi security chiefs held talks in Baghdad on Monday.", {"IRN", "SAU"}),
        ("Kenyan and Ugandan border agencies agreed to share data on smugglers.", {"KEN", "UGA"}),
        ("Turkish and Qatari mediators met Sudanese officials in Doha.", {"TUR", "QAT"}),
        ("Ghanaian and Nigerian security agencies exchanged information on militants.", {"GHA", "NGA"}),
    ],
)
def test_both_nationalities_act(text: str, countries: set[str]) -> None:
    events = code_article("x", text, D)
    assert events and countries <= {a.country for a in events[0].actors}


@pytest.mark.parametrize(
    ("text", "second"),
    [
        ("Iran condemned Russian and Chinese aggression in the region.", "Chinese"),
        ("Saudi Arabia criticised Russian and Iranian interference in Syria.", "Iranian"),
        ("Germany praised French and Italian cooperation on migration.", "Italian"),
    ],
)
def test_before_a_singular_noun_the_second_stays_an_adjective(text: str, second: str) -> None:
    assert (second, True) in [(name, adjective) for name, _, adjective in _mentions(text)]
