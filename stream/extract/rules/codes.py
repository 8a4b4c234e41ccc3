"""CAMEO actor codes read apart: country (ISO3), body type, sectors, other blocks; the hand tables."""

from __future__ import annotations

import functools
from dataclasses import dataclass
from importlib import resources
from typing import Final, TypeVar, cast, get_args

import orjson
import pycountry
from pydantic import BaseModel

from stream.extract.rules.models import (
    CAMEO_SECTORS,
    CameoCountry,
    CameoPlover,
    CameoSector,
    Group,
    Sector,
)

__all__ = [
    "ActorCode",
    "cameo_countries",
    "cameo_plover",
    "parse_actor_code",
    "plover_for",
    "sectors",
]

_Row = TypeVar("_Row", bound=BaseModel)
_GROUPS: Final = frozenset(get_args(Group))


def read_table(name: str, model: type[_Row]) -> tuple[_Row, ...]:
    """A hand-written table of tables/, one validated row a line."""
    text = resources.files("stream.extract.rules").joinpath("tables", name).read_text("utf-8")
    return tuple(model.model_validate(orjson.loads(line)) for line in text.splitlines() if line.strip())


@functools.cache
def cameo_countries() -> dict[str, CameoCountry]:
    return {row.code: row for row in read_table("cameo_countries.jsonl", CameoCountry)}


@functools.cache
def sectors() -> dict[str, Sector]:
    return {row.code: row for row in read_table("sectors.jsonl", Sector)}


@functools.cache
def cameo_plover() -> dict[str, CameoPlover]:
    return {row.cameo: row for row in read_table("cameo_plover.jsonl", CameoPlover)}


def plover_for(code: str) -> CameoPlover | None:
    """The mapping row of a CAMEO event code, or of its nearest listed parent ("0231" -> "023" ->
    "02"); None for the null code "---" or a code outside CAMEO."""
    table = cameo_plover()
    for length in range(len(code), 1, -1):
        row = table.get(code[:length])
        if row is not None:
            return row
    return None


@functools.cache
def _iso3() -> frozenset[str]:
    return frozenset(country.alpha_3 for country in pycountry.countries)


@dataclass(frozen=True, slots=True)
class ActorCode:
    country: str | None
    group: Group | None
    sectors: tuple[CameoSector, ...]
    other: tuple[str, ...]


def _state(block: str) -> str | None:
    """The ISO3 state a block names, if it names one."""
    if block in _iso3():
        return block
    row = cameo_countries().get(block)
    return row.iso3 if row is not None else None


def parse_actor_code(code: str) -> ActorCode:
    """Split a CAMEO actor code into three-letter blocks and read them: the first is a state, a former
    state or an alias (-> ISO3), a body type (IGO, NGO, MNC, IMG, INT), a region or a bare sector; the
    rest are sectors (GOV, MIL...), states (a body's home, a former state's member: USRARM is Armenia)
    or other blocks kept as written (UNO, WBK, ALQ). The first state block after a former state or a
    body type is the country."""
    if len(code) % 3:
        raise ValueError(f"actor code {code!r} is not made of three-letter blocks")
    blocks = [code[i : i + 3] for i in range(0, len(code), 3)]
    first, rest = blocks[0], blocks[1:]
    known = cameo_countries().get(first)
    group = cast(Group, first) if first in _GROUPS else None
    country = _state(first) if group is None else None
    found: list[CameoSector] = []
    other: list[str] = []
    if group is None and country is None and first in CAMEO_SECTORS:
        found.append(cast(CameoSector, first))
    elif group is None and country is None:
        other.append(first)
    # A former state's member republic, or a body's home country, names the state the actor is in.
    open_to_state = group is not None or (known is not None and known.kind in ("former", "region"))
    for block in rest:
        if block in CAMEO_SECTORS:
            found.append(cast(CameoSector, block))
        elif open_to_state and _state(block) is not None:
            country, open_to_state = _state(block), False
        else:
            other.append(block)
    return ActorCode(country, group, tuple(found), tuple(other))
