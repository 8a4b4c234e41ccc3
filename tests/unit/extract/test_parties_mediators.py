"""Mediators and emissaries named by their state's adjective are that state's officials ("Egyptian
mediators held talks"): the adjective alone names no party."""

from __future__ import annotations

import datetime as dt

import pytest

from tests.coding import countries_by_type

PUBLISHED = dt.date(2023, 11, 20)


@pytest.mark.parametrize(
    ("text", "actor_country"),
    [
        ("Egyptian mediators held separate talks with Israeli and Hamas delegations in Cairo.", "EGY"),
        ("Qatari mediators met envoys of both sides in Doha on Wednesday.", "QAT"),
        ("Norwegian emissaries met rebel leaders in the jungle on Tuesday.", "NOR"),
    ],
)
def test_mediators_act_for_their_state(text: str, actor_country: str) -> None:
    assert actor_country in countries_by_type(text, PUBLISHED).get("CONSULT", set())
