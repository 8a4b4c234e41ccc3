"""An office named by a sector noun takes its holder's name after it ("Bangladesh's interim leader
Muhammad Yunus"), hyphenated names whole ("Ken Ofori-Atta"), so a pair of named leaders acts together."""

from __future__ import annotations

import datetime as dt

import pytest

from stream.extract.actors import ArticleMemory, find_actors
from stream.extract.coder import code_article

D = dt.date(2024, 11, 1)


def _mentions(text: str) -> list[tuple[str, str]]:
    memory = ArticleMemory(home_country=lambda: None, date=D)
    return [(m.text, m.country) for m in find_actors(text, memory)]


@pytest.mark.parametrize(
    ("text", "countries"),
    [
        ("Bangladesh's interim leader Muhammad Yunus and Indian Prime Minister Narendra Modi met in Bangkok.",
         {"BGD", "IND"}),
        ("Kenya's opposition leader Raila Odinga and Tanzanian President Samia Suluhu Hassan held talks.",
         {"KEN", "TZA"}),
        ("The Ugandan army commander Muhoozi Kainerugaba and the Rwandan foreign minister Vincent Biruta "
         "agreed to reopen the border.", {"UGA", "RWA"}),
        ("Ghana's finance minister Ken Ofori-Atta and IMF officials reached a deal.", {"GHA", "IGO"}),
    ],
)  # fmt: skip
def test_two_named_office_holders_act_together(text: str, countries: set[str]) -> None:
    events = code_article("x", text, D)
    assert events and {a.country for a in events[0].actors} == countries


@pytest.mark.parametrize(
    ("text", "office"),
    [
        ("Iraq's foreign minister Monday urged Turkey to withdraw its troops.", "Iraq's foreign minister"),
        (
            "Chile's foreign minister Santiago Gomez urged Peru to respect the ruling.",
            "Chile's foreign minister",
        ),
        ("Egypt's foreign minister Sunday called on Israel to halt the raids.", "Egypt's foreign minister"),
    ],
)
def test_no_holder_is_read_from_a_day_or_a_place(text: str, office: str) -> None:
    assert _mentions(text)[0][0] == office
