"""Sentence tables kept as JSONL under tests/gold/ (one case a line), turned into pytest parameters."""

from __future__ import annotations

import functools
import inspect
import re
from collections.abc import Callable
from typing import Any, TypeVar

import orjson
import pytest

from tests.paths import GOLD

__all__ = ["sentence_table", "table_checks", "table_rows"]

_Test = TypeVar("_Test", bound=Callable[..., None])

# Context for the reader of a row, never a test argument.
_CONTEXT = frozenset({"check", "note", "group"})
_ID_LENGTH = 60

#: (file, check) pairs a test module has asked for, to prove every row of a file is read.
_SERVED: set[tuple[str, str | None]] = set()


@functools.cache
def table_rows(name: str) -> tuple[dict[str, Any], ...]:
    """Every row of tests/gold/<name>, in file order."""
    return tuple(orjson.loads(line) for line in (GOLD / name).read_bytes().splitlines() if line.strip())


def table_checks(name: str) -> tuple[set[str | None], set[str | None]]:
    """(checks the rows of `name` name, checks a sentence_table decorator has read)."""
    return {row.get("check") for row in table_rows(name)}, {c for n, c in _SERVED if n == name}


def _case_id(text: str) -> str:
    """The sentence's first words, lowercased and joined by hyphens, at most _ID_LENGTH characters."""
    words = re.findall(r"\w+", text.lower())
    out = words[0] if words else "empty"
    for word in words[1:]:
        if len(out) + 1 + len(word) > _ID_LENGTH:
            break
        out += "-" + word
    return out


def _argument(field: str, value: Any) -> Any:
    # A row's country lists are sets: order and repeats carry no meaning.
    return set(value) if field.endswith("_countries") else value


def sentence_table(name: str, check: str | None = None) -> Callable[[_Test], _Test]:
    """Parametrise a test over the rows of tests/gold/<name> (those whose `check` is `check`, if given).
    The test's parameters are the row's fields, by name; a row with any other field besides `check`, `note`
    and `group`, or without one of them, stops the collection with its line number."""

    def decorate(test: _Test) -> _Test:
        fields = list(inspect.signature(test).parameters)
        values, ids = [], []
        for number, row in enumerate(table_rows(name), start=1):
            if row.get("check") != check:
                continue
            given = set(row) - _CONTEXT
            if given != set(fields):
                raise ValueError(f"tests/gold/{name} line {number}: fields {sorted(given)}, want {fields}")
            values.append(tuple(_argument(field, row[field]) for field in fields))
            ids.append(_case_id(row["text"]))
        if not values:
            raise ValueError(f"tests/gold/{name}: no row for check {check!r}")
        _SERVED.add((name, check))
        pytest.mark.parametrize(fields, values, ids=ids)(test)  # stores the mark on the function itself
        return test

    return decorate
