"""A clause of giving way to pressure (", bowing to the protesters' demands") makes the act before it a
concession (CONCEDE); the clause and the pressure it names are no events of their own. Our own sentences,
with near misses that stay as they were."""

from __future__ import annotations

import datetime as dt

import pytest

from tests.coding import events_with_actor_countries

PUBLISHED = dt.date(2024, 5, 1)


@pytest.mark.parametrize(
    ("text", "actor_country"),
    [
        ("Peru's government scrapped the new mining tax, bowing to weeks of protests by farmers.", "PER"),
        (
            "Hungary's Viktor Orban dropped the internet tax, yielding to pressure from street protests.",
            "HUN",
        ),
        ("Morocco's government raised the minimum wage, meeting a central demand of the unions.", "MAR"),
        ("Tunisia's president resigned on Friday, capitulating to a month of mass protests.", "TUN"),
        ("The Thai government postponed the referendum, backing down from its earlier plan.", "THA"),
        (
            "Kenya said it would not raise fuel taxes, giving in to the demands of protesters who rioted.",
            "KEN",
        ),
        ("Ghana agreed to scrap the electronic levy, conceding to a months-long campaign by traders.", "GHA"),
    ],
)
def test_the_act_before_giving_way_is_a_concession(text: str, actor_country: str) -> None:
    events = events_with_actor_countries(text, PUBLISHED)
    assert events == [("CONCEDE", {actor_country})]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a company giving way to its market is no political event
        ("The carmaker cut its prices, yielding to pressure from competitors.", []),
        # denied, the clause says nothing gave way
        ("France said it was not bowing to pressure from Washington.", []),
        # a participle of outcome is not one of giving way: the act keeps its type
        ("Russian jets bombed Aleppo, killing 20 civilians.", ["ASSAULT"]),
        # without the comma the clause is no aside on the act before it
        ("Russian jets bombed Aleppo after yielding to pressure from Damascus.", ["ASSAULT"]),
    ],
)
def test_near_misses_keep_their_reading(text: str, expected: list[str]) -> None:
    assert [event_type for event_type, _ in events_with_actor_countries(text, PUBLISHED)] == expected
