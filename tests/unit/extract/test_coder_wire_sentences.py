"""Everyday wire-service sentences of our own, one per common phrasing: type, actor and recipient.

The cases are tests/gold/wire_sentences.jsonl, one a line: the sentence, the event type it must code
and the countries its first event of that type must have among its actors and recipients (a `note` says
why a case codes as it does, a `group` which round of sentences it came from)."""

from __future__ import annotations

import datetime as dt

from stream.extract.coder import code_article
from tests.tables import sentence_table

PUBLISHED = dt.date(2024, 3, 6)


@sentence_table("wire_sentences.jsonl")
def test_wire_sentence_codes_expected_event(
    text: str, event_type: str, actor_countries: set[str], recipient_countries: set[str]
) -> None:
    events = code_article("w", text, PUBLISHED)
    matching = [e for e in events if e.event_type == event_type]
    assert matching, f"no {event_type}: {[(e.event_type, e.trigger) for e in events]}"
    assert actor_countries <= {a.country for a in matching[0].actors}
    assert recipient_countries <= {r.country for r in matching[0].recipients}
