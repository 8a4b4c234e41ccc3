"""Accusations in other words (ACCUSE): lashing out at a state, branding an act at length an act of
aggression, charging on a given day that, charging a person with a political crime (treason, genocide,
terrorism: ordinary crimes are the crime filters'), seeking an arrest warrant, opening hearings; a
coach lashing out at referees, a murder charge and a company's fees accuse no one."""

from __future__ import annotations

import datetime as dt

import pytest

from stream.extract.coder import code_article

PUBLISHED = dt.date(2019, 5, 1)


def _types(text: str) -> dict[str, set[str]]:
    found: dict[str, set[str]] = {}
    for event in code_article("t", text, PUBLISHED):
        found.setdefault(event.event_type, set()).update(a.country or "" for a in event.actors)
    return found


@pytest.mark.parametrize(
    ("text", "actor_country"),
    [
        ("Turkish Foreign Minister Ahmet Davutoglu lashed out at Israel on Monday over the raid.", "TUR"),
        ("Beijing branded the U.S. arms sales to Taiwan an act of blatant aggression.", "CHN"),
        ("Pakistan charged on Friday that Indian agents were behind the bombing.", "PAK"),
        ("Turkish prosecutors charged the Kurdish leader Abdullah Ocalan with treason.", "TUR"),
        ("The ICC prosecutor is seeking an arrest warrant for Sudan's president.", "IGO"),
        ("The U.S. Senate opened hearings into the Watergate affair on Thursday.", "USA"),
    ],
)
def test_accusations_in_other_words(text: str, actor_country: str) -> None:
    types = _types(text)
    assert actor_country in types.get("ACCUSE", set()), types


@pytest.mark.parametrize(
    "text",
    [
        "The coach lashed out at referees after the defeat.",
        "Police charged the man with murder after the robbery.",
        "The company charged customers with late fees.",
    ],
)
def test_near_misses_accuse_no_one(text: str) -> None:
    assert "ACCUSE" not in _types(text)
