"""CAMEO actor codes read apart, and the hand tables that reading uses."""

from __future__ import annotations

import pycountry
import pytest

from stream.extract.rules import rows
from stream.extract.rules.codes import ActorCode, cameo_countries, parse_actor_code, sectors
from stream.extract.rules.models import CAMEO_SECTORS


@pytest.mark.parametrize(
    ("code", "expected"),
    [
        ("USAGOV", ActorCode("USA", None, ("GOV",), ())),
        ("AFGGOVMED", ActorCode("AFG", None, ("GOV", "MED"), ())),
        ("IGOUNODEVWBK", ActorCode(None, "IGO", ("DEV",), ("UNO", "WBK"))),
        ("MNCUSA", ActorCode("USA", "MNC", (), ())),  # a body's home country
        ("USRARM", ActorCode("ARM", None, (), ())),  # a former state's member republic
        ("SUN", ActorCode("RUS", None, (), ())),  # a former state alone: its successor
        ("KSVGOV", ActorCode("XKX", None, ("GOV",), ())),
        ("IMGMUSALQ", ActorCode(None, "IMG", ("MUS",), ("ALQ",))),  # MUS after the first block: Muslim
        ("MUS", ActorCode("MUS", None, (), ())),  # MUS first: Mauritius
        ("MEAREB", ActorCode(None, None, ("REB",), ("MEA",))),
        ("ELI", ActorCode(None, None, ("ELI",), ())),
    ],
)
def test_actor_codes_read_country_body_sectors_and_the_rest(code: str, expected: ActorCode) -> None:
    assert parse_actor_code(code) == expected


def test_a_code_not_in_three_letter_blocks_is_refused() -> None:
    with pytest.raises(ValueError, match="three-letter blocks"):
        parse_actor_code("NGOEEURENV")


def test_country_table_codes_are_no_iso_codes_and_name_real_states() -> None:
    iso3 = {country.alpha_3 for country in pycountry.countries}
    for row in cameo_countries().values():
        assert row.code not in iso3, row
        assert row.iso3 is None or row.iso3 in iso3 | {"XKX"}, row


def test_every_first_block_the_actors_use_is_a_state_or_listed() -> None:
    iso3 = {country.alpha_3 for country in pycountry.countries}
    actors = [*rows.country_actors(), *rows.international_actors(), *rows.nonstate_actors()]
    first = {role.code[:3] for actor in actors for role in actor.roles}
    unlisted = first - iso3 - set(cameo_countries()) - set(CAMEO_SECTORS)
    assert unlisted == set()


def test_sector_table_describes_exactly_the_sector_codes() -> None:
    assert set(sectors()) == set(CAMEO_SECTORS)
    assert sectors()["MED"].plover == "JRN" and sectors()["HLH"].plover == "MED"
