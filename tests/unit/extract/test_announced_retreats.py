"""A retreat announced as to come (troops to withdraw, captives to be freed, inspectors to be let in) is a
concession, the PLOVER manual's CONCEDE; goods to be returned stay an intent to cooperate (AGREE), a
possible retreat codes nothing, a retreat carried out stays RETREAT."""

from __future__ import annotations

import datetime as dt

import pytest

from stream.extract.coder import code_article

PUBLISHED = dt.date(1995, 5, 1)


def _types(text: str) -> dict[str, set[str]]:
    found: dict[str, set[str]] = {}
    for event in code_article("t", text, PUBLISHED):
        found.setdefault(event.event_type, set()).update(a.country or "" for a in event.actors)
    return found


@pytest.mark.parametrize(
    ("text", "actor_country"),
    [
        ("Moscow said on Friday it would withdraw its troops from Moldova by the end of the year.", "RUS"),
        ("Ethiopia announced it will pull its forces out of Somalia before the elections.", "ETH"),
        ("Syria said it would allow U.N. inspectors to visit the site next week.", "SYR"),
        ("Cuba said on Tuesday it would release 52 political prisoners.", "CUB"),
    ],
)
def test_an_announced_retreat_is_a_concession(text: str, actor_country: str) -> None:
    types = _types(text)
    assert actor_country in types.get("CONCEDE", set()), types
    assert "AGREE" not in types and "RETREAT" not in types, types


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # goods to be returned: an intent to cooperate, as the field's gold codes it
        ("Serbia said it would return the artefacts taken from the museum in Zagreb.", "AGREE"),
        # carried out: the retreat itself
        ("Iraq withdrew its troops from Kuwait on Sunday.", "RETREAT"),
        # only possible: nothing happened
        ("Turkish troops could withdraw from the region if the talks succeed.", None),
    ],
)
def test_near_misses_keep_their_reading(text: str, expected: str | None) -> None:
    types = _types(text)
    assert "CONCEDE" not in types, types
    if expected is not None:
        assert expected in types, types
