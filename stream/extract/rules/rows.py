"""The coder's rule data read back: each data/*.jsonl file as validated rows, read once."""

from __future__ import annotations

import functools
from importlib import resources
from typing import TypeVar

import orjson
from pydantic import BaseModel

from stream.extract.rules.models import Actor, Agent, Pattern, Synset, Transformation, Verb

__all__ = [
    "agents",
    "country_actors",
    "international_actors",
    "nonstate_actors",
    "patterns",
    "read_rows",
    "synsets",
    "transformations",
    "verbs",
]

_Row = TypeVar("_Row", bound=BaseModel)


def read_rows(name: str, model: type[_Row]) -> tuple[_Row, ...]:
    """data/<name>, one validated row a line."""
    raw = resources.files("stream.extract.rules").joinpath("data", name).read_bytes()
    return tuple(model.model_validate(orjson.loads(line)) for line in raw.splitlines() if line)


@functools.cache
def agents() -> tuple[Agent, ...]:
    return read_rows("agents.jsonl", Agent)


@functools.cache
def country_actors() -> tuple[Actor, ...]:
    return read_rows("countries.jsonl", Actor)


@functools.cache
def international_actors() -> tuple[Actor, ...]:
    return read_rows("international.jsonl", Actor)


@functools.cache
def nonstate_actors() -> tuple[Actor, ...]:
    return read_rows("nonstate.jsonl", Actor)


@functools.cache
def verbs() -> tuple[Verb, ...]:
    return read_rows("verbs.jsonl", Verb)


@functools.cache
def patterns() -> tuple[Pattern, ...]:
    return read_rows("patterns.jsonl", Pattern)


@functools.cache
def synsets() -> tuple[Synset, ...]:
    return read_rows("synsets.jsonl", Synset)


@functools.cache
def transformations() -> tuple[Transformation, ...]:
    return read_rows("transformations.jsonl", Transformation)
