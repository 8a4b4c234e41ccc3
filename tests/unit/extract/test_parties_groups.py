"""Crowds and units named by their noun alone: youths, lawyers, opposition parties, divisions."""

from __future__ import annotations

import pytest

from stream.extract.actors import find_actors


@pytest.mark.parametrize(
    ("text", "party", "country", "sector"),
    [
        ("Youths hurled stones at police in Nairobi on Sunday.", "Youths", "KEN", "CVL"),
        ("Opposition parties in Zambia boycotted the presidential vote.", "Opposition parties", "ZMB", "OPP"),
        ("Lawyers marched through Islamabad to denounce the sacking of the judge.", "Lawyers", "PAK", "JUD"),
        ("Trade unionists picketed the labour ministry in Seoul.", "Trade unionists", "KOR", "LAB"),
        ("Opposition supporters clashed with police in Kampala.", "Opposition supporters", "UGA", "OPP"),
        ("Chinese divisions crossed the Yalu river into Korea.", "Chinese divisions", "CHN", "MIL"),
        ("Angry traders shut their stalls in Harare.", "traders", "ZWE", "CVL"),
    ],
)
def test_a_crowd_or_unit_named_by_its_noun_is_a_party_of_where_it_is(
    text: str, party: str, country: str, sector: str
) -> None:
    assert (party, country, sector) in [(m.text, m.country, m.sector) for m in find_actors(text)]


def test_a_crowd_noun_nowhere_placed_names_no_party() -> None:
    # No place, no country and no article to place them: lawyers for a company are nobody's party.
    assert find_actors("Lawyers for the company said the appeal would be heard next month.") == []


@pytest.mark.parametrize(
    ("text", "country"),
    [
        ("Sudan, southern rebels agree to truce talks in Nairobi", "SDN"),
        ("The Philippine government and Muslim rebels agreed to resume talks in Kuala Lumpur.", "PHL"),
        ("Colombia and leftist guerrillas signed a ceasefire in Havana.", "COL"),
    ],
)
def test_a_group_coordinated_with_a_state_is_that_states_not_the_venues(text: str, country: str) -> None:
    groups = [m for m in find_actors(text) if m.sector == "REB"]
    assert [m.country for m in groups] == [country]


def test_a_group_only_named_near_a_state_takes_its_place() -> None:
    groups = [m for m in find_actors("Kenya hosted talks with rebels in Juba.") if m.sector == "REB"]
    assert [m.country for m in groups] == ["SSD"]


@pytest.mark.parametrize(
    ("text", "party", "country"),
    [
        ("Kurdish detainees in Iranian prisons began a hunger strike on Monday.", "Kurdish detainees", "IRN"),
        ("Tibetan monks held in Chinese custody staged a hunger strike.", "Tibetan monks", "CHN"),
        ("Uighur activists in Turkey protested outside the Chinese consulate.", "Uighur activists", "TUR"),
        (
            "Rohingya refugees in Bangladesh staged a protest against repatriation.",
            "Rohingya refugees",
            "BGD",
        ),
    ],
)
def test_a_people_with_no_state_is_coded_with_the_country_it_lives_in(
    text: str, party: str, country: str
) -> None:
    assert (party, country) in [(m.text, m.country) for m in find_actors(text)]


def test_a_people_with_no_state_named_with_no_country_is_no_party() -> None:
    assert find_actors("Kurdish fighters said they would keep fighting.") == []


def test_a_groups_name_used_as_a_modifier_names_the_group() -> None:
    found = find_actors("The army said Tamil Tiger rebels attacked a navy boat.")
    # The army is the sentence's only state's (test_parties_home_bodies.py).
    assert [(m.text, m.country, m.sector) for m in found] == [
        ("army", "LKA", "MIL"),
        ("Tamil Tiger rebels", "LKA", "REB"),
    ]


def test_a_people_counted_before_its_verb_is_a_party_and_a_compounds_noun_is_none() -> None:
    found = find_actors("Chanting anti-government slogans, thousands of Sudanese marched through Khartoum.")
    assert [(m.text, m.country, m.adjective) for m in found if not m.locative] == [("Sudanese", "SDN", False)]
    # "a group of Swiss bankers": a nationality before its noun is still an adjective.
    assert [m.adjective for m in find_actors("A group of Swiss bankers met in Zurich.")] == [True]


def test_a_ministers_title_of_several_words_names_the_government() -> None:
    found = find_actors("The Indian external affairs minister held talks with his Chinese counterpart.")
    assert [(m.country, m.sector) for m in found] == [("IND", "GOV"), ("CHN", "GOV")]


@pytest.mark.parametrize(
    ("text", "party", "country"),
    [
        ("Teachers will strike in Nairobi on Monday.", "Teachers", "KEN"),
        ("Students who had occupied the campus in Dhaka began a hunger strike.", "Students", "BGD"),
        ("Prosecutors have charged the mayor of Lima with fraud.", "Prosecutors", "PER"),
    ],
)
def test_a_group_noun_opening_the_sentence_before_an_auxiliary_is_a_party(
    text: str, party: str, country: str
) -> None:
    assert (party, country) in [(m.text, m.country) for m in find_actors(text)]


def test_a_group_noun_opening_a_name_is_no_group() -> None:
    assert find_actors("The Workers Party said it would join the coalition.") == []
