"""Dictionary names written with a bracket ("BASQUE FATHERLAND AND FREEDOM (ETA)") match without it."""

from __future__ import annotations

import datetime as dt

import pytest

from stream.extract.people import find_named

_DAY = dt.date(2020, 1, 1)


@pytest.mark.parametrize(
    ("text", "country"),
    [
        ("Basque Fatherland and Freedom announced a permanent ceasefire.", "ESP"),
        ("The Democratic Front for the Liberation of Palestine rejected the plan.", "PSE"),
    ],
)
def test_a_name_without_its_bracket_names_the_actor(text: str, country: str) -> None:
    assert [named.country for _end, named in find_named(text, _DAY).values()] == [country]


def test_a_name_several_states_groups_bear_stays_unresolved() -> None:
    # NATIONAL LIBERATION ARMY is Colombia's, and other states' groups, in the dictionary.
    assert find_named("The National Liberation Army attacked a pipeline.", _DAY) == {}
