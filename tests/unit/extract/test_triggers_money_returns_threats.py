"""Trigger families fresh text missed (issue 14): money disbursed, released, lent or wired as aid; persons
freed in groups or let go; seized goods, remains and persons handed back (also in the passive, read from
the seized thing); a withdrawal that ended; force or a veto held out with a modal ("would retaliate",
"will strike", "could block": a threat); a bloc or a treaty-like deal left, a member suspended after a
coup or by a bloc; a sentence handed down, a conviction in the passive with its court; refugees refused.
Our own sentences, each with its type, mode and parties; their near misses are in
tests/gold/negative_sentences.txt."""

from __future__ import annotations

import datetime as dt

from stream.extract.coder import code_article
from tests.tables import sentence_table

PUBLISHED = dt.date(2024, 5, 1)
TABLE = "coder_classes.jsonl"


@sentence_table(TABLE, check="trigger_family_codes_type_mode_and_parties")
def test_trigger_family_codes_type_mode_and_parties(
    text: str,
    event_type: str,
    event_mode: str | None,
    actor_country: str | None,
    recipient_country: str | None,
) -> None:
    events = code_article("t", text, PUBLISHED)
    coded = [
        (e.event_type, e.event_mode, {a.country for a in e.actors}, {r.country for r in e.recipients})
        for e in events
    ]
    assert any(
        kind == event_type
        and (event_mode is None or mode == event_mode)
        and (actor_country is None or actor_country in actors)
        and (recipient_country is None or recipient_country in recipients)
        for kind, mode, actors, recipients in coded
    ), coded
