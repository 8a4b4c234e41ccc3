"""A town named in capitals or without its accents is the lexicon's town of that name: a town's own name
before another's alternate spelling, then the most populous; accents written are read as spelt."""

from __future__ import annotations

import pytest

from stream.extract.places import place_folded
from stream.extract.toponyms import dateline_place


@pytest.mark.parametrize(
    ("name", "country"),
    [
        ("DHAKA", "BGD"),  # not Dhāka, India
        ("BISSAU", "GNB"),  # not Bissāu, India
        ("CANCUN", "MEX"),  # not Changchun, once spelt Cancun
        ("VALPARAISO", "CHL"),  # not Valparaiso, Indiana
        ("ROSARIO", "ARG"),
        ("BOGOTA", "COL"),
        ("YAOUNDE", "CMR"),
        ("Sao Paulo", "BRA"),
        ("SAN JOSÉ", "CRI"),  # the accent written: Costa Rica's, not California's San Jose
        ("BOGOTÁ", "COL"),
        ("ZÜRICH", "CHE"),
    ],
)
def test_a_name_in_capitals_or_without_accents_is_the_towns(name: str, country: str) -> None:
    found = place_folded(name)
    assert found is not None and found.country == country


@pytest.mark.parametrize(
    ("text", "country"),
    [
        ("BISSAU - Soldiers arrested the army chief on Monday.", "GNB"),
        ("CANCUN - Delegates met on Monday to discuss climate finance.", "MEX"),
        ("SRINAGAR - Police arrested five men on Monday.", "IND"),
    ],
)
def test_a_dateline_in_capitals_is_the_well_known_town(text: str, country: str) -> None:
    found = dateline_place(text)
    assert found is not None and found.place.country == country
