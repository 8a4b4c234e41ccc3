"""Dated roles read against a date: role_on for one actor, resolve for a name several actors bear."""

from __future__ import annotations

import datetime as dt

from stream.extract.rules import rows
from stream.extract.rules.dated import name_index, resolve, role_on
from stream.extract.rules.models import Actor, Role

D = dt.date


def _actor(*roles: Role, names: tuple[str, ...] = ("ZAHIR SHAH",)) -> Actor:
    return Actor(names=names, roles=roles, line=1)


ELI_BEFORE = Role(code="AFGELI", country="AFG", sectors=("ELI",), since=D(1932, 1, 1), until=D(1933, 11, 8))
GOV = Role(code="AFGGOV", country="AFG", sectors=("GOV",), since=D(1933, 11, 8), until=D(1973, 7, 17))
DEFAULT = Role(code="AFGELI", country="AFG", sectors=("ELI",))


def test_a_dated_role_holds_inside_its_dates_both_ends_included() -> None:
    actor = _actor(ELI_BEFORE, GOV, DEFAULT)
    assert role_on(actor, D(1950, 1, 1)) == GOV
    assert role_on(actor, D(1973, 7, 17)) == GOV
    assert role_on(actor, D(1932, 1, 1)) == ELI_BEFORE


def test_on_a_handover_day_the_role_begun_that_day_holds() -> None:
    assert role_on(_actor(ELI_BEFORE, GOV), D(1933, 11, 8)) == GOV


def test_outside_every_date_the_undated_default_holds_or_nothing() -> None:
    assert role_on(_actor(ELI_BEFORE, GOV, DEFAULT), D(1990, 1, 1)) == DEFAULT
    assert role_on(_actor(ELI_BEFORE, GOV), D(1990, 1, 1)) is None


def test_open_ended_roles() -> None:
    since = Role(code="AFGGOV", country="AFG", sectors=("GOV",), since=D(2001, 12, 22))
    until = Role(code="USRARM", country="ARM", until=D(1990, 8, 23))
    assert role_on(_actor(since), D(2020, 1, 1)) == since
    assert role_on(_actor(since), D(2001, 12, 21)) is None
    assert role_on(_actor(until), D(1980, 1, 1)) == until


def test_a_name_two_actors_bear_resolves_to_the_one_in_office() -> None:
    old = _actor(GOV, DEFAULT, names=("KING",))
    young = _actor(Role(code="AFGGOV", country="AFG", sectors=("GOV",), since=D(1980, 1, 1)), names=("KING",))
    index = name_index([old, young])
    assert resolve("king", D(1950, 1, 1), index) == (old, GOV)
    assert resolve("KING", D(1990, 1, 1), index) == (young, young.roles[0])
    assert resolve("QUEEN", D(1990, 1, 1), index) is None


def test_two_actors_in_different_offices_on_the_day_are_ambiguous() -> None:
    a = _actor(GOV, names=("SAME NAME",))
    b = _actor(
        Role(code="PAKGOV", country="PAK", sectors=("GOV",), since=D(1940, 1, 1)), names=("SAME NAME",)
    )
    assert resolve("SAME NAME", D(1950, 1, 1), name_index([a, b])) is None


def test_president_bush_is_the_father_in_1990_and_the_son_in_2005() -> None:
    index = name_index(rows.country_actors())
    in_1990 = resolve("President Bush", D(1990, 6, 1), index)
    in_2005 = resolve("President Bush", D(2005, 6, 1), index)
    assert in_1990 is not None and in_2005 is not None
    assert in_1990[0] is not in_2005[0]
    assert "GEORGE H. W. BUSH" in in_1990[0].names and in_1990[1].code == "USAGOV"
    assert "GEORGE W. BUSH" in in_2005[0].names and in_2005[1].code == "USAGOV"
    after = resolve("President Bush", D(2012, 6, 1), index)
    assert after is not None and after[1].sectors == ("ELI",)  # both out of office: a former leader
