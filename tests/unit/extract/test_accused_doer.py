"""An accusation aimed at a harm names its doer as the target ("condemned Israeli air strikes on Gaza")."""

from __future__ import annotations

import datetime as dt

import pytest

from tests.coding import first_event_sides

D = dt.date(2005, 1, 1)


@pytest.mark.parametrize(
    ("text", "doer"),
    [
        ("Egypt strongly condemned Israeli air strikes on the Gaza Strip.", "ISR"),
        ("The Vatican voiced dismay on Friday at Israel's shelling of the Palestinian town.", "ISR"),
        ("Jordan condemned Israel's bombing of a school in Gaza on Tuesday.", "ISR"),
        ("Turkey denounced the Syrian shelling of border villages in Hatay.", "SYR"),
        ("The African Union criticised Rwandan incursions into eastern Congo.", "RWA"),
    ],
)
def test_the_doer_of_the_harm_is_accused(text: str, doer: str) -> None:
    assert first_event_sides(text, D, "ACCUSE")[1] == {doer}


@pytest.mark.parametrize(
    ("text", "target"),
    [
        ("Jordan condemned the bombing of a school in Gaza.", "PSE"),
        ("France condemned the attack on Nigerian soldiers near the border.", "NGA"),
        ("Germany condemned the attack on the Israeli embassy in Berlin.", "ISR"),
    ],
)
def test_a_harm_with_no_doer_named_keeps_its_victim(text: str, target: str) -> None:
    assert first_event_sides(text, D, "ACCUSE")[1] == {target}
