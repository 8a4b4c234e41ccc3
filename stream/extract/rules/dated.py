"""Dated roles read against an article's date: which code an actor holds on a day, and who a name means."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping, Sequence
from typing import Protocol, TypeVar

__all__ = ["DatedActor", "DatedRole", "best_roles", "name_index", "resolve", "role_on"]


class DatedRole(Protocol):
    """A role as these functions read it: models.Role, or the coder's compact row of one."""

    @property
    def code(self) -> str: ...
    @property
    def sectors(self) -> tuple[str, ...]: ...
    @property
    def since(self) -> dt.date | None: ...
    @property
    def until(self) -> dt.date | None: ...
    @property
    def dated(self) -> bool: ...


R = TypeVar("R", bound=DatedRole)
R_co = TypeVar("R_co", bound=DatedRole, covariant=True)


class DatedActor(Protocol[R_co]):
    """An actor as these functions read it: models.Actor, or the coder's compact row of one."""

    @property
    def names(self) -> tuple[str, ...]: ...
    @property
    def roles(self) -> Sequence[R_co]: ...


A = TypeVar("A", bound=DatedActor[DatedRole])


def _holds(role: DatedRole, date: dt.date) -> bool:
    return (role.since is None or role.since <= date) and (role.until is None or date <= role.until)


def role_on(actor: DatedActor[R], date: dt.date) -> R | None:
    """The role an actor holds on `date`: of the dated roles whose dates include it (both ends count),
    the one begun last (a successor's first day is his), the file's order breaking ties; else the
    undated default role; else None (PETRARCH's null code)."""
    held = [
        (role.since or dt.date.min, -i, role)
        for i, role in enumerate(actor.roles)
        if role.dated and _holds(role, date)
    ]
    if held:
        return max(held, key=lambda entry: entry[:2])[2]
    return next((role for role in actor.roles if not role.dated), None)


def name_index(actors: Iterable[A]) -> dict[str, tuple[A, ...]]:
    """Each name -> the actors that bear it, in file order ("PRESIDENT BUSH" names two)."""
    index: dict[str, list[A]] = {}
    for actor in actors:
        for name in actor.names:
            index.setdefault(name, []).append(actor)
    return {name: tuple(found) for name, found in index.items()}


def _rank(role: DatedRole) -> int:
    """In office on the day (a dated role, not ELI) over a dated former role over an undated default."""
    if role.dated and "ELI" not in role.sectors:
        return 2
    return 1 if role.dated else 0


def best_roles(
    name: str, date: dt.date, index: Mapping[str, tuple[DatedActor[R], ...]]
) -> list[tuple[DatedActor[R], R]]:
    """Of the actors bearing a name, those whose role on `date` ranks first (see _rank), with that role;
    empty if none has a role that day."""
    found = [
        (actor, role) for actor in index.get(name.upper(), ()) if (role := role_on(actor, date)) is not None
    ]
    if not found:
        return []
    best = max(_rank(role) for _actor, role in found)
    return [(actor, role) for actor, role in found if _rank(role) == best]


def resolve(
    name: str, date: dt.date, index: Mapping[str, tuple[DatedActor[R], ...]]
) -> tuple[DatedActor[R], R] | None:
    """The actor a name means on `date` and the role it then holds: of the actors bearing the name, the
    one whose role on the day ranks first (see _rank); None if none has a role or the best are actors
    with different codes that day."""
    top = best_roles(name, date, index)
    if not top or len({role.code for _actor, role in top}) > 1:
        return None
    return top[0]
