"""A state's own bodies named without its name: the article's country decides, not the US default."""

from __future__ import annotations

import datetime as dt

import pytest

from stream.extract.actors import find_actors
from stream.extract.toponyms import dateline_place
from tests.coding import event_parties

_FILED = dt.date(2024, 5, 8)


def _parties(text: str) -> list[tuple[str, str, str | None]]:
    return event_parties(text, _FILED)


@pytest.mark.parametrize(
    ("text", "country"),
    [
        ("ABUJA, May 7 (Reuters) - The Senate rejected the president's request for a new loan.", "NGA"),
        ("LIMA (EFE) - Congress threatened to impeach the president over the cabinet reshuffle.", "PER"),
        ("MANILA, May 7 (AP) - The Senate rejected the president's nominee for the central bank.", "PHL"),
    ],
)
def test_a_senate_or_congress_in_an_article_filed_abroad_is_that_countrys(text: str, country: str) -> None:
    assert (country, "LEG") in [(c, s) for name, c, s in _parties(text) if name in ("Senate", "Congress")]


@pytest.mark.parametrize(
    "text",
    [
        "The Senate rejected the president's request for a new loan.",
        "ABUJA, May 7 (Reuters) - The U.S. Senate rejected a request for new military aid to Ukraine.",
        "ABUJA, May 7 (Reuters) - Republicans in the Senate rejected the president's request for a new loan.",
    ],
)
def test_a_senate_is_still_american_undated_or_where_the_sentence_says_so(text: str) -> None:
    assert "USA" in [c for name, c, _ in _parties(text) if "Senate" in name]


def test_congress_before_of_is_a_bodys_name_not_the_us_congress() -> None:
    found = find_actors("The Congress of South African Trade Unions condemned the arrest of the activists.")
    assert "USA" not in [m.country for m in found]
    assert ("ZAF", "LAB") in [(m.country, m.sector) for m in found]


@pytest.mark.parametrize(
    ("text", "country", "sector"),
    [
        (
            "ABUJA, May 7 (Reuters) - The Federal Government accused striking lecturers of sabotage.",
            "NGA",
            "GOV",
        ),
        ("NAIROBI, May 7 (Reuters) - The National Assembly rejected the finance bill.", "KEN", "LEG"),
        ("LAGOS, May 7 (Reuters) - The Lagos State Government demolished homes in Makoko.", "NGA", "GOV"),
        (
            "HARARE, May 7 (AFP) - Opposition leader Nelson Chamisa accused the electoral commission.",
            "ZWE",
            "GOV",
        ),
        (
            "ISLAMABAD, May 7 (AFP) - Pakistani premier Imran Khan accused the army chief of plotting.",
            "PAK",
            "MIL",
        ),
    ],
)
def test_a_body_named_by_its_common_noun_is_the_articles_countrys(
    text: str, country: str, sector: str
) -> None:
    assert (country, sector) in [(c, s) for _, c, s in _parties(text)]


def test_a_body_in_a_locative_is_a_building_not_a_party() -> None:
    found = find_actors("Thousands rallied outside the National Assembly in Nairobi.")
    assert "National Assembly" not in [m.text for m in found]


def test_an_army_is_its_states_not_the_place_it_fights_in() -> None:
    found = find_actors("The army shelled rebel positions in Syria, the Turkish defence ministry said.")
    assert ("army", "SYR") not in [(m.text, m.country) for m in found]


@pytest.mark.parametrize(
    ("text", "sector"),
    [
        ("The Nigeria Labour Congress threatened a nationwide strike over fuel prices.", "LAB"),
        ("The Ghana Trades Union Congress called off its planned strike.", "LAB"),
        ("The Philippine Congress approved the budget.", "LEG"),
    ],
)
def test_a_labour_congress_is_a_union_not_a_legislature(text: str, sector: str) -> None:
    assert find_actors(text)[0].sector == sector


@pytest.mark.parametrize(
    ("text", "country"),
    [("DHAKA, Oct 31 (AFP) - Workers protested.", "BGD"), ("KABUL, March 4 (Reuters) - Police said.", "AFG")],
)
def test_a_datelines_capital_alone_is_the_capital_not_a_small_namesake(text: str, country: str) -> None:
    place = dateline_place(text)
    assert place is not None and place.place.country == country


@pytest.mark.parametrize(
    ("text", "found"),
    [
        ("Rebels of the Popular Liberation Army attacked a checkpoint in Kenya.", False),
        ("Army troops fired on protesters in Yangon.", True),
        ("Rebels attacked the army in northern Mali.", True),
    ],
)
def test_army_ending_a_name_is_no_state_army(text: str, found: bool) -> None:
    assert (("Army", "MIL") in [(m.text.title(), m.sector) for m in find_actors(text)]) is found
