"""Every row of every rule data file validates against its model, and the rows refer to each other."""

from __future__ import annotations

from collections.abc import Callable, Iterator

import pycountry
import pytest
from pydantic import BaseModel

from stream.extract.rules import convert, rows
from stream.extract.rules.models import CAMEO_SECTORS, Actor, Element

_LOADERS: dict[str, Callable[[], tuple[BaseModel, ...]]] = {
    "agents.jsonl": rows.agents,
    "countries.jsonl": rows.country_actors,
    "international.jsonl": rows.international_actors,
    "nonstate.jsonl": rows.nonstate_actors,
    "verbs.jsonl": rows.verbs,
    "patterns.jsonl": rows.patterns,
    "synsets.jsonl": rows.synsets,
    "transformations.jsonl": rows.transformations,
}


@pytest.mark.parametrize("name", sorted(convert.DATA_FILES))
def test_every_line_of_a_data_file_is_one_valid_row(name: str) -> None:
    lines = (convert.DATA / name).read_bytes().splitlines()
    loaded = _LOADERS[name]()  # validates each row; a bad one raises
    assert len(loaded) == len(lines) > 0


def _actors() -> Iterator[Actor]:
    yield from rows.country_actors()
    yield from rows.international_actors()
    yield from rows.nonstate_actors()


def test_actor_roles_name_real_states_and_known_sectors() -> None:
    states = {country.alpha_3 for country in pycountry.countries} | {"XKX"}
    for actor in _actors():
        assert len(set(actor.names)) == len(actor.names), actor.names
        for role in actor.roles:
            assert role.country is None or role.country in states, role
            assert set(role.sectors) <= set(CAMEO_SECTORS)
            blocks = [role.code[i : i + 3] for i in range(0, len(role.code), 3)]
            assert set(role.sectors) | set(role.other) <= set(blocks), role


def test_most_people_have_dated_roles_and_most_roles_a_country() -> None:
    countries = rows.country_actors()
    dated = sum(any(role.dated for role in actor.roles) for actor in countries)
    with_country = sum(role.country is not None for actor in countries for role in actor.roles)
    roles = sum(len(actor.roles) for actor in countries)
    assert dated / len(countries) > 0.9  # the README's 17,906 people of 18,390 actors
    assert with_country / roles > 0.95


def _synsets_in(elements: tuple[Element, ...]) -> Iterator[str]:
    for element in elements:
        if element.syn is not None:
            yield element.syn
        yield from _synsets_in(element.np or ())
        yield from _synsets_in(element.of)


def test_patterns_refer_to_existing_blocks_and_synsets() -> None:
    blocks = {verb.block for verb in rows.verbs()}
    synsets = {synset.name for synset in rows.synsets()}
    for pattern in rows.patterns():
        assert pattern.block in blocks, pattern
        assert set(_synsets_in(pattern.pre + pattern.post)) <= synsets, pattern


def test_verbs_carry_their_forms_and_the_dictionary_counts() -> None:
    verbs = rows.verbs()
    lemmas = {verb.lemma for verb in verbs}
    assert len(lemmas) >= 1770  # the README's 1,780 distinct lemmas, a few spelled twice
    assert sum(not verb.forms for verb in verbs) < 10  # only the "{}" entries stand alone
    assert len(rows.patterns()) >= 4660  # 4,668 less the unreadable, plus expanded A/B ones


def test_agents_compose_their_codes_as_petrarch_does() -> None:
    agents = rows.agents()
    assert len(agents) >= 3300
    prefixed = {a.codes for a in agents if a.attach == "prefix"}
    assert prefixed == {("IGO",)}  # IGO~ (PEACEKEEPING TROOPS...); every other code is appended
