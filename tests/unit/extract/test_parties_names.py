"""Names that are no party where they stand: world regions, venues, the place an owner's people leave."""

from __future__ import annotations

import pytest

from stream.extract.actors import find_actors


def _parties(text: str) -> list[tuple[str, str, bool]]:
    return [(m.text, m.country, m.locative) for m in find_actors(text)]


@pytest.mark.parametrize(
    "text",
    [
        "Cuba's leader praised the leftist victory in Bolivia as a win for all of Latin America.",
        "Brazil hosted leaders from across South America for talks on a customs union.",
        "Central American presidents condemned the coup in Honduras.",
    ],
)
def test_a_region_of_the_world_named_for_america_is_not_the_united_states(text: str) -> None:
    assert all(country != "USA" for _, country, _ in _parties(text))


def test_america_named_alone_is_still_the_united_states() -> None:
    assert [c for _, c, _ in _parties("America and China agreed to resume military talks.")] == ["USA", "CHN"]


@pytest.mark.parametrize(
    ("text", "venue"),
    [
        ("Hamas said it would quit the Cairo negotiations with Israel.", "Cairo"),
        ("Serbia rejected the Vienna proposal on Kosovo's status.", "Vienna"),
        ("Armenia welcomed the Moscow agreement with Azerbaijan.", "Moscow"),
    ],
)
def test_a_capital_before_a_common_noun_after_the_names_a_venue(text: str, venue: str) -> None:
    assert (venue, True) in [(name, locative) for name, _, locative in _parties(text)]


@pytest.mark.parametrize(
    "text",
    ["The Kabul government accused Pakistan of sheltering militants.", "The Beijing leadership said."],
)
def test_a_capital_before_a_noun_of_people_is_still_a_party(text: str) -> None:
    assert not _parties(text)[0][2]


@pytest.mark.parametrize(
    ("text", "place", "country"),
    [
        ("Kenya will withdraw its soldiers from Somalia by December.", "Somalia", "SOM"),
        ("Qatar recalled its ambassador from Cairo.", "Cairo", "EGY"),
        ("The rebels pulled their fighters from the Congo.", "Congo", "COD"),
    ],
)
def test_the_place_an_owners_people_leave_is_not_their_nationality(
    text: str, place: str, country: str
) -> None:
    assert (place, country) in [(name, c) for name, c, _ in _parties(text)]


def test_a_people_noun_from_a_country_without_an_owner_is_of_that_country() -> None:
    assert _parties("The ambassador from Niger criticised France.")[0][:2] == ("ambassador from Niger", "NER")


@pytest.mark.parametrize(
    ("text", "place"),
    [("US forces pulled out of Kabul in August 2021.", "Kabul"), ("The army moved out of Iraq.", "Iraq")],
)
def test_a_place_after_out_of_is_a_place(text: str, place: str) -> None:
    assert (place, True) in [(name, locative) for name, _, locative in _parties(text)]


@pytest.mark.parametrize(
    "text",
    [
        "Survivors of the World Trade Center attack sued Saudi Arabia.",
        "Nigeria hosted the African Cup final in Lagos.",
        "Delegates met at the International Conference Centre in Geneva.",
    ],
)
def test_a_building_or_contest_named_like_a_body_is_no_body(text: str) -> None:
    assert all(country != "IGO" for _, country, _ in _parties(text))


def test_a_body_named_in_full_is_still_a_body() -> None:
    assert ("International Labour Conference", "IGO", False) in _parties(
        "The International Labour Conference condemned Myanmar."
    )


@pytest.mark.parametrize(
    ("text", "region", "country"),
    [
        ("Moscow recognised the independence of Abkhazia on Tuesday.", "Abkhazia", "GEO"),
        ("Separatists in Transnistria rejected the plan.", "Transnistria", "MDA"),
        ("Rebels in Darfur attacked a government convoy.", "Darfur", "SDN"),
    ],
)
def test_a_breakaway_region_is_the_state_it_belongs_to_in_law(text: str, region: str, country: str) -> None:
    assert (region, country) in [(name, c) for name, c, _ in _parties(text)]


@pytest.mark.parametrize(
    ("text", "countries"),
    [
        ("Envoys from North and South Korea met at Panmunjom.", ["PRK", "KOR"]),
        ("The North and South Korean leaders met in Pyongyang.", ["PRK", "KOR", "PRK"]),
        ("Leaders of East and West Germany signed a treaty.", ["DEU", "DEU"]),
    ],
)
def test_a_direction_before_and_shares_the_next_states_name(text: str, countries: list[str]) -> None:
    assert [c for _, c, _ in _parties(text)] == countries


def test_directions_before_a_region_name_no_state() -> None:
    assert _parties("Trade between North and South America grew.") == []
