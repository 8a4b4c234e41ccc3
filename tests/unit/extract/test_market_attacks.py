"""A currency under attack and its central bank's defence are market news; an armed attack beside the
market's words still codes."""

from __future__ import annotations

import datetime as dt

import pytest

from stream.extract.coder import code_article

_DAY = dt.date(1997, 7, 2)


@pytest.mark.parametrize(
    "text",
    [
        "The peso came under fierce attack on Tuesday as the Bank of Mexico sold reserves, dealers said.",
        "Speculators launched an assault on the baht, forcing Thailand's central bank to intervene.",
        "Sterling slid to a low as the Bank of England's defence crumbled under a speculative assault.",
        "The forint came under attack after the Hungarian central bank cut rates, and the currency slid.",
    ],
)
def test_a_currency_under_attack_codes_no_event(text: str) -> None:
    assert code_article("n", text, _DAY) == []


@pytest.mark.parametrize(
    ("text", "event_type"),
    [
        ("Traders said the yen weakened after North Korea fired a missile over Japan.", "ASSAULT"),
        ("The dollar fell after U.S. warplanes attacked Iraqi air defences, dealers said.", "ASSAULT"),
        ("The central bank said Iraqi troops had attacked Kuwait, and the dinar crashed.", "ASSAULT"),
        ("Shares fell in Seoul after North Korean troops attacked a South Korean border post.", "ASSAULT"),
    ],
)
def test_an_armed_attack_beside_market_words_still_codes(text: str, event_type: str) -> None:
    assert event_type in [e.event_type for e in code_article("p", text, _DAY)]
