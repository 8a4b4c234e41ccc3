"""A body's acronym defined in brackets ("the Nigeria Labour Congress (NLC)") is that body in later
sentences: its sector from the name's head noun, its country named in it or else the article's."""

from __future__ import annotations

import datetime as dt

import pytest

from stream.extract.actors import find_actors
from tests.coding import event_parties

_FILED = dt.date(2024, 5, 8)


def _parties(text: str) -> list[tuple[str, str, str | None]]:
    return event_parties(text, _FILED)


@pytest.mark.parametrize(
    ("text", "acronym", "country", "sector"),
    [
        (
            "LAGOS - The Academic Staff Union of Universities (ASUU) met the education minister on Monday. "
            "ASUU threatened an indefinite strike.",
            "ASUU",
            "NGA",
            "LAB",
        ),
        (
            "The Zimbabwe Congress of Trade Unions (ZCTU) was formed in 1981. "
            "Police arrested ZCTU officials in Bulawayo on Friday.",
            "ZCTU",
            "ZWE",
            "LAB",
        ),
        (
            "NAIROBI - The Directorate of Criminal Investigations (DCI) is Kenya's main detective unit. "
            "The DCI arrested four bank employees on Tuesday.",
            "DCI",
            "KEN",
            "COP",
        ),
        (
            "Nigeria Labour Congress (NLC) leaders met the labour minister on Monday. "
            "The NLC threatened a general strike.",
            "NLC",
            "NGA",
            "LAB",
        ),
        (
            "DURBAN - Members of the Congress of South African Trade Unions (Cosatu) gathered outside the "
            "city hall. Cosatu accused the municipality of corruption.",
            "Cosatu",
            "ZAF",
            "LAB",
        ),
    ],
)
def test_a_defined_acronym_is_its_body_later_in_the_article(
    text: str, acronym: str, country: str, sector: str
) -> None:
    assert (acronym, country, sector) in _parties(text)


@pytest.mark.parametrize(
    ("sentence", "name", "country", "sector"),
    [
        (
            "Kenya's Directorate of Criminal Investigations (DCI) arrested two men.",
            "Kenya's Directorate of Criminal Investigations",
            "KEN",
            "COP",
        ),
        (
            "The Ghana National Association of Teachers (GNAT) began a strike.",
            "Ghana National Association of Teachers",
            "GHA",
            "LAB",
        ),
        (
            "The Philippine National Bureau of Investigation (NBI) raided the office.",
            "Philippine National Bureau of Investigation",
            "PHL",
            "COP",
        ),
        (
            "The Congress of South African Trade Unions (Cosatu) began a strike.",
            "Congress of South African Trade Unions",
            "ZAF",
            "LAB",
        ),
    ],
)
def test_a_bodys_name_before_its_acronym_is_one_party_with_its_head_nouns_sector(
    sentence: str, name: str, country: str, sector: str
) -> None:
    found = [(m.text, m.country, m.sector) for m in find_actors(sentence)]
    assert (name, country, sector) in found
    assert not any(m.text in sentence.split("(")[1] for m in find_actors(sentence) if m.text != name)


@pytest.mark.parametrize(
    "text",
    [
        "ABUJA - Nigeria's gross domestic product (GDP) shrank. The GDP figures angered protesters.",
        "NAIROBI, May 7 (Reuters) - Kenyan police arrested ten people in Nairobi.",
        "The Nuclear Non-Proliferation Treaty (NPT) conference opened. Iran accused the United States of "
        "violating the NPT.",
    ],
)
def test_brackets_that_define_no_known_body_add_no_party(text: str) -> None:
    names = {name for name, _c, _s in _parties(text)}
    assert not names & {"GDP", "NPT", "Reuters", "gross domestic product", "Nuclear Non-Proliferation Treaty"}


def test_a_name_the_gazetteer_knows_whole_keeps_its_own_coding() -> None:
    # A state's own name: PRK, not a body of the article's country.
    parties = _parties(
        "The United States demanded that the Democratic People's Republic of Korea (DPRK) disarm."
    )
    assert {c for name, c, _s in parties if "Korea" in name or name == "DPRK"} == {"PRK"}
