"""Classes of phrasing the hand triggers read (issue 14's fresh-text misses), one sentence of our own each,
and the near-misses of the same words that must stay quiet."""

from __future__ import annotations

import datetime as dt

from stream.extract.coder import code_article
from tests.coding import events_with_actor_countries
from tests.tables import sentence_table

PUBLISHED = dt.date(2024, 5, 1)
TABLE = "coder_classes.jsonl"


@sentence_table(TABLE, check="phrasing_class_codes_its_event")
def test_phrasing_class_codes_its_event(text: str, event_type: str, actor_country: str) -> None:
    events = events_with_actor_countries(text, PUBLISHED)
    assert any(t == event_type and actor_country in countries for t, countries in events), events


@sentence_table(TABLE, check="near_miss_of_a_new_phrasing_stays_quiet")
def test_near_miss_of_a_new_phrasing_stays_quiet(text: str) -> None:
    assert events_with_actor_countries(text, PUBLISHED) == []


@sentence_table(TABLE, check="a_party_a_participle_describes_suffered_the_act")
def test_a_party_a_participle_describes_suffered_the_act(text: str, sufferer: str) -> None:
    # "fishermen arrested off the coast", "soldiers wounded by a roadside bomb": the party is no actor of
    # the participle's act nor of an event noun in the phrase after it.
    actors = [a.text for event in code_article("t", text, PUBLISHED) for a in event.actors]
    assert sufferer not in actors, actors
