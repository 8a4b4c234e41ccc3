"""Dated roles read against an article's date: which code an actor holds on a day, and who a name means."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping

from stream.extract.rules.models import Actor, Role

__all__ = ["best_roles", "name_index", "resolve", "role_on"]


def _holds(role: Role, date: dt.date) -> bool:
    return (role.since is None or role.since <= date) and (role.until is None or date <= role.until)


def role_on(actor: Actor, date: dt.date) -> Role | None:
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


def name_index(actors: Iterable[Actor]) -> dict[str, tuple[Actor, ...]]:
    """Each name -> the actors that bear it, in file order ("PRESIDENT BUSH" names two)."""
    index: dict[str, list[Actor]] = {}
    for actor in actors:
        for name in actor.names:
            index.setdefault(name, []).append(actor)
    return {name: tuple(found) for name, found in index.items()}


def _rank(role: Role) -> int:
    """In office on the day (a dated role, not ELI) over a dated former role over an undated default."""
    if role.dated and "ELI" not in role.sectors:
        return 2
    return 1 if role.dated else 0


def best_roles(name: str, date: dt.date, index: Mapping[str, tuple[Actor, ...]]) -> list[tuple[Actor, Role]]:
    """Of the actors bearing a name, those whose role on `date` ranks first (see _rank), with that role;
    empty if none has a role that day."""
    found = [
        (actor, role) for actor in index.get(name.upper(), ()) if (role := role_on(actor, date)) is not None
    ]
    if not found:
        return []
    best = max(_rank(role) for _actor, role in found)
    return [(actor, role) for actor, role in found if _rank(role) == best]


def resolve(name: str, date: dt.date, index: Mapping[str, tuple[Actor, ...]]) -> tuple[Actor, Role] | None:
    """The actor a name means on `date` and the role it then holds: of the actors bearing the name, the
    one whose role on the day ranks first (see _rank); None if none has a role or the best are actors
    with different codes that day."""
    top = best_roles(name, date, index)
    if not top or len({role.code for _actor, role in top}) > 1:
        return None
    return top[0]
