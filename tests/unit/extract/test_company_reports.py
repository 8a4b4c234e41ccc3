"""A company's results or deal report codes no political event; political news that names companies,
profits or shares still codes."""

from __future__ import annotations

import datetime as dt

import pytest

from stream.extract.coder import code_article
from stream.extract.stories import is_company_report

_DAY = dt.date(2019, 10, 24)


@pytest.mark.parametrize(
    "story",
    [
        "NEW DELHI (PTI) - SpiceJet posted a quarterly loss of 500 crore rupees and its shares fell. "
        "Civil Aviation Minister Jyotiraditya Scindia said the government had approved an aid package "
        "of 2,000 crore rupees for the airline.",
        "JOHANNESBURG - Sasol Ltd warned that full-year earnings would fall by up to 40 percent. Chief "
        "Executive Fleetwood Grobler said the company had rejected an offer for its Mozambique assets "
        "and threatened to close two plants unless the government cut power tariffs.",
        "PARIS (Reuters) - Airbus raised its dividend after record deliveries. Chief Executive Guillaume "
        "Faury said China had agreed to buy 140 more jets, and that the company had rejected a U.S. "
        "demand to cut subsidies.",
        "Petrobras revenue rose 12 percent in the second quarter. The state-controlled oil company said "
        "U.S. sanctions on Venezuela weighed on its refining margins and that it had cut ties with a "
        "supplier accused of bribery.",
    ],
)
def test_a_company_report_codes_no_event(story: str) -> None:
    # Each of these coded an event (AID; THREATEN; AGREE and REQUEST; SANCTION and ACCUSE) before
    # stories were told apart.
    assert is_company_report(story, story.lower()[:300])
    assert code_article("company", story, _DAY) == []


@pytest.mark.parametrize(
    ("story", "event_type"),
    [
        # Sanctions on a state company, its shares named: no word of its accounts.
        ("WASHINGTON (Reuters) - The United States imposed sanctions on Venezuela's state oil company "
         "PDVSA on Monday. Shares of refiners that buy its crude fell, investors said.", "SANCTION"),
        # One word of accounts, no company's own words around it.
        ("Iran's President Hassan Rouhani met Turkish President Tayyip Erdogan in Ankara on Thursday. "
         "Oil revenue has fallen by half since the sanctions.", "CONSULT"),
        # A report whose lead is a state's act; profits come later.
        ("NAIROBI - Kenya expelled two Chinese diplomats on Friday. Kenyan officials said Chinese firms "
         "had repatriated profits worth billions.", "SANCTION"),
        ("Russia and China signed a 30-year gas supply agreement in Beijing on Wednesday. President "
         "Vladimir Putin said the deal would lift trade.", "SUPPORT"),
    ],
)  # fmt: skip
def test_political_news_naming_companies_still_codes(story: str, event_type: str) -> None:
    assert event_type in [e.event_type for e in code_article("politics", story, _DAY)]
