"""What the coder makes of one sentence, in the shapes the sentence tests compare: types and countries."""

from __future__ import annotations

import datetime as dt

from stream.extract.coder import code_article

__all__ = [
    "countries_by_type",
    "event_parties",
    "event_types",
    "events_with_actor_countries",
    "first_event_sides",
]


def event_types(text: str, published: dt.date) -> list[str]:
    """The types of the events coded for `text` published on `published`, in the coder's order."""
    return [event.event_type for event in code_article("t", text, published)]


def events_with_actor_countries(text: str, published: dt.date) -> list[tuple[str, set[str]]]:
    """Each coded event's type and its actors' countries ("" for an actor with none), in the coder's order."""
    return [
        (event.event_type, {a.country or "" for a in event.actors})
        for event in code_article("t", text, published)
    ]


def event_parties(text: str, published: dt.date) -> list[tuple[str, str, str | None]]:
    """(text, country or "", sector) of every actor and recipient of every event coded for `text`."""
    return [
        (party.text, party.country or "", party.sector)
        for event in code_article("t", text, published)
        for party in (*event.actors, *event.recipients)
    ]


def countries_by_type(text: str, published: dt.date, *, recipients: bool = False) -> dict[str, set[str]]:
    """Each coded type with its events' actor countries ("" for an actor without one); with `recipients`,
    the recipients' countries as well."""
    found: dict[str, set[str]] = {}
    for event in code_article("t", text, published):
        parties = (*event.actors, *event.recipients) if recipients else event.actors
        found.setdefault(event.event_type, set()).update(p.country or "" for p in parties)
    return found


def first_event_sides(
    text: str, published: dt.date, event_type: str | None = None
) -> tuple[set[str | None], set[str | None]]:
    """The actors' and the recipients' countries of the first event coded for `text` (the first of
    `event_type`, if given); fails, naming the text, when there is none."""
    events = [e for e in code_article("t", text, published) if event_type in (None, e.event_type)]
    assert events, text
    return {a.country for a in events[0].actors}, {r.country for r in events[0].recipients}
