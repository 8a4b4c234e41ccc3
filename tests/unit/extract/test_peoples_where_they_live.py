"""A people named with the state it lives in ("Bosnian Serb forces", "Iraqi Kurdish fighters") is that
state's party, one mention; a kin people named alone keeps its own state, and a state's two-word demonym
before a noun ("South Korean steelmakers") is still an adjective."""

from __future__ import annotations

import datetime as dt

import pytest

from stream.extract.actors import ArticleMemory, find_actors
from stream.extract.coder import code_article

D = dt.date(1995, 6, 1)


def _parties(text: str) -> list[tuple[str, str]]:
    memory = ArticleMemory(home_country=lambda: None, date=D)
    return [(m.text, m.country) for m in find_actors(text, memory) if not m.adjective]


@pytest.mark.parametrize(
    ("text", "country"),
    [
        ("Bosnian Serb forces shelled the town of Gorazde on Monday.", "BIH"),
        ("Croatian Serb rebels shelled the port of Zadar overnight.", "HRV"),
        ("Iraqi Kurdish fighters attacked Islamic State positions near Mosul.", "IRQ"),
        ("Syrian Kurdish forces detained dozens of suspects in Raqqa.", "SYR"),
        ("Bosnian Serb gunners held their fire around Sarajevo on Thursday.", "BIH"),
    ],
)
def test_the_people_acts_for_the_state_it_lives_in(text: str, country: str) -> None:
    events = code_article("x", text, D)
    assert events and {a.country for a in events[0].actors} == {country}


@pytest.mark.parametrize(
    ("text", "parties"),
    [
        ("Serb forces shelled the town on Monday.", [("Serb forces", "SRB")]),
        ("Bosnian and Serb leaders met in Geneva.", [("Bosnian", "BIH"), ("Serb leaders", "SRB")]),
        ("South Korean steelmakers signed an agreement on Wednesday.", []),
    ],
)
def test_a_people_named_alone_or_coordinated_keeps_its_own_state(
    text: str, parties: list[tuple[str, str]]
) -> None:
    assert _parties(text) == parties
