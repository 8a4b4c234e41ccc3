"""A wire dateline stands before the sentence's subject: a participle clause's act ("..., bowing to
protests") is the subject's after the dateline, and an aircraft's crash that kills is nobody's attack
though a town it was bound for is named; the dateline read once is the one each step would read."""

from __future__ import annotations

import datetime as dt

import pytest

from stream.extract.actors import find_actors, find_places
from stream.extract.coder import code_article
from stream.extract.dates import date_expressions
from stream.extract.filters import nature_does_harm
from stream.extract.hits import sentence_hits
from stream.extract.roles import roles
from stream.ingest.dateline import read_dateline
from tests.coding import countries_by_type, event_types

PUBLISHED = dt.date(2022, 5, 3)


@pytest.mark.parametrize(
    ("text", "event_type", "actor_country"),
    [
        (
            "ACCRA, May 3 (Reuters) - Ghana's government withdrew a controversial electronic levy, bowing to "
            "weeks of protests by traders.",
            "CONCEDE",
            "GHA",
        ),
        (
            "LIMA, Peru (AP) — Peruvian President Dina Boluarte scrapped a planned fuel tax on Friday, "
            "yielding to pressure from truckers who had blocked highways.",
            "CONCEDE",
            "PER",
        ),
        (
            "KAMPALA (AFP) - Ugandan troops shelled rebel positions in eastern Congo, killing at least 20 "
            "fighters, the army said.",
            "ASSAULT",
            "UGA",
        ),
    ],
)
def test_the_subject_after_a_dateline_does_the_clause_act(
    text: str, event_type: str, actor_country: str
) -> None:
    assert actor_country in countries_by_type(text, PUBLISHED).get(event_type, set())


@pytest.mark.parametrize(
    "text",
    [
        "MUMBAI, June 12 (Reuters) - An Air India jet bound for London crashed shortly after takeoff, "
        "killing more than 200 people, officials said.",
        "A Kenya Airways jet headed for Nairobi crashed in Cameroon after takeoff, killing all 114 people "
        "on board.",
    ],
)
def test_a_crash_that_kills_is_no_attack_by_the_town_it_was_bound_for(text: str) -> None:
    assert "ASSAULT" not in event_types(text, PUBLISHED)


@pytest.mark.parametrize(
    "text",
    [
        "ACCRA, May 3 (Reuters) - Ghana's government withdrew a controversial electronic levy on May 2, "
        "bowing to weeks of protests by traders.",
        "KAMPALA (AFP) - Ugandan troops shelled rebel positions in eastern Congo, killing at least 20 "
        "fighters, the army said.",
        "NAIROBI, Kenya — Floods swept through villages on Tuesday, forcing thousands to flee.",
        "Ugandan troops shelled rebel positions in eastern Congo on Monday in a show of force.",
    ],
)
def test_the_story_start_read_once_is_what_each_step_reads_itself(text: str) -> None:
    # The article's coder reads the dateline once and hands where the story begins to the roles, the
    # harm filter and the date reader; each reads it from the sentence when not told.
    filed = read_dateline(text)
    story_start = filed.end if filed is not None else 0
    mentions, places = find_actors(text), find_places(text)
    for hit in sentence_hits(text):
        assert roles(text, hit, mentions, places, story_start) == roles(text, hit, mentions, places)
        assert nature_does_harm(text, hit, mentions, story_start) == nature_does_harm(text, hit, mentions)
    told = date_expressions(text, PUBLISHED, story_start)
    assert told == date_expressions(text, PUBLISHED)
    assert all(offset >= story_start for offset, _date in told)


@pytest.mark.parametrize(
    ("text", "event_type", "actor_country"),
    [
        (
            "Harare — Mozambican President Filipe Nyusi paid a courtesy call on President Emmerson "
            "Mnangagwa at State House.",
            "CONSULT",
            "MOZ",
        ),
        ("Islamabad — Afghan authorities freed 27 Pakistani fishermen on Saturday.", "RETREAT", "AFG"),
        ("Bogotá – The Colombian government suspended talks with the ELN on Monday.", "SANCTION", "COL"),
    ],
)
def test_a_town_in_mixed_case_before_a_dash_is_a_dateline_not_a_party(
    text: str, event_type: str, actor_country: str
) -> None:
    # Regional papers print "Harare — " without an agency: the town is where the story was filed.
    events = [e for e in code_article("t", text, PUBLISHED) if e.event_type == event_type]
    assert events and all({a.country for a in e.actors} == {actor_country} for e in events), events
    assert all(not a.text.startswith(("Harare", "Islamabad", "Bogot")) for e in events for a in e.actors)
