"""Bodies named in full: British spellings ("Organisation") and names with "in" or "on" inside them."""

from __future__ import annotations

import datetime as dt

import pytest

from stream.extract.actors import ArticleMemory, find_actors
from stream.extract.coder import code_article


def _parties(text: str) -> list[tuple[str, str]]:
    memory = ArticleMemory(home_country=lambda: None, date=dt.date(2010, 1, 1))
    return [(m.text, m.country) for m in find_actors(text, memory)]


@pytest.mark.parametrize(
    ("text", "body"),
    [
        ("Venezuela asked the Organisation of American States for observers.",
         "Organisation of American States"),
        ("The International Labour Organisation criticised Qatar over migrant workers.",
         "International Labour Organisation"),
        ("The Food and Agriculture Organisation appealed for aid to Somalia.",
         "Food and Agriculture Organisation"),
        ("Serbia expelled monitors of the Organisation for Security and Co-operation in Europe.",
         "Organisation for Security and Co-operation in Europe"),
        ("Ethiopia welcomed the mediation of the Intergovernmental Authority on Development.",
         "Intergovernmental Authority on Development"),
    ],
)  # fmt: skip
def test_a_body_named_in_full_is_one_international_party(text: str, body: str) -> None:
    assert (body, "IGO") in _parties(text)


def test_the_american_states_are_no_united_states() -> None:
    events = code_article(
        "x", "Haiti's president asked the Organisation of American States to impose an embargo.", None
    )
    assert events and {r.country for e in events for r in e.recipients} == {"IGO"}


@pytest.mark.parametrize(
    "text",
    [
        "Beijing announced a reorganisation of the army on Monday.",
        "France criticised the organisation of the summit, officials said.",
        "Turkey in Europe is a small region, the professor said.",
    ],
)
def test_common_words_and_places_stay_no_body(text: str) -> None:
    assert all(country != "IGO" for _, country in _parties(text))
