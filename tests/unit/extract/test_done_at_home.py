"""A state acting on a place or people of its own is its own target ("a curfew in Srinagar": IND -> IND);
a foreign place still comes first, and a withdrawal names no home target."""

from __future__ import annotations

import datetime as dt

import pytest

from stream.extract.coder import code_article
from tests.coding import first_event_sides

D = dt.date(2019, 8, 1)


@pytest.mark.parametrize(
    ("text", "country"),
    [
        ("Indian authorities imposed a curfew in Srinagar on Friday.", "IND"),
        ("Sudanese warplanes bombed targets in Nyala overnight.", "SDN"),
        ("Pakistani helicopters dropped food to flood victims in Sukkur.", "PAK"),
        ("Zambian authorities cut off water supplies to the homes of opposition leaders in Lusaka.", "ZMB"),
        ("Kenyan police arrested opposition leaders in Nairobi on Monday.", "KEN"),
    ],
)
def test_the_state_is_its_own_target(text: str, country: str) -> None:
    assert first_event_sides(text, D) == ({country}, {country})


@pytest.mark.parametrize(
    ("text", "recipients"),
    [
        ("Russian troops massed near Kharkiv on Sunday.", {"UKR"}),
        ("Indian troops withdrew from positions in Ladakh on Friday.", set()),
    ],
)
def test_a_foreign_place_first_and_no_home_target_for_a_withdrawal(text: str, recipients: set[str]) -> None:
    assert first_event_sides(text, D)[1] == recipients


def test_opposition_leaders_in_a_capital_are_the_opposition() -> None:
    events = code_article("x", "Kenyan police arrested opposition leaders in Nairobi on Monday.", D)
    assert [r.sector for r in events[0].recipients] == ["OPP"]
