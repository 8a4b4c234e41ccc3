"""A wire dateline stands before the sentence's subject: a participle clause's act ("..., bowing to
protests") is the subject's after the dateline, and an aircraft's crash that kills is nobody's attack
though a town it was bound for is named."""

from __future__ import annotations

import datetime as dt

import pytest

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
