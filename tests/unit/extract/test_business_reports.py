"""Companies dealing with companies code no event, a state's name read as a company's when a company
noun follows it, it begins a company's name, or it owns one; a company dealing with a state, and a state
dealing in a company's goods, still code."""

from __future__ import annotations

import datetime as dt

import pytest

from stream.extract.coder import code_article

_DAY = dt.date(1998, 3, 3)


@pytest.mark.parametrize(
    "text",
    [
        "Japan's Mitsubishi Motors agreed to sell a 10 percent stake to Germany's DaimlerChrysler.",
        "The Saudi state oil giant Aramco signed a deal with France's TOTAL to build a refinery.",
        "Britain's BAE threatened to pull out of a joint venture with France's Thomson over prices.",
        "Brazil's state oil company Petrobras agreed to buy gas from Bolivia's state energy firm.",
        "British Airways agreed to buy a stake in Australia's Qantas, executives said.",
    ],
)
def test_companies_dealing_with_companies_code_no_event(text: str) -> None:
    assert code_article("n", text, _DAY) == []


@pytest.mark.parametrize(
    ("text", "event_type"),
    [
        (
            "Russia's Gazprom agreed on Monday to supply an extra 5 billion cubic metres of gas to Ukraine.",
            "AGREE",
        ),
        (
            "Iran's state oil company signed a deal with the Indian government to develop a gas field.",
            "SUPPORT",
        ),
        ("The Chinese government agreed to buy 50 jets from Airbus in a deal signed in Paris.", "AGREE"),
        (
            "Russian oil company Lukoil signed a deal with Iraq's oil ministry to develop an oil field.",
            "SUPPORT",
        ),
    ],
)
def test_a_company_dealing_with_a_state_still_codes(text: str, event_type: str) -> None:
    assert event_type in [e.event_type for e in code_article("p", text, _DAY)]
