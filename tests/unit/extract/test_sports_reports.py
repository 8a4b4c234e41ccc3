"""Sports reports code nothing: a score after a name makes the names teams whoever else acts, a sports
body's counterpart is no government, police who report are no party acting, tennis and cricket have
words of their own, and a capitalised trigger after a given name is a surname. A state's act about a
sports event still codes."""

from __future__ import annotations

import datetime as dt

import pytest

from stream.extract.coder import code_article

_DAY = dt.date(1995, 6, 24)


@pytest.mark.parametrize(
    "text",
    [
        "France beat Brazil 3-0 in the final, and President Jacques Chirac presented the trophy.",
        "India's hockey federation rejected a plea from its Pakistani counterpart to move the final.",
        "A fan attacked a linesman during a cup tie in Istanbul, police said, adding that a man was held.",
        "PARIS (Reuters) - Spain's Arantxa Sanchez walked off in protest at a line call in the final set.",
        "MELBOURNE (Reuters) - Boris Becker pulled out of a warm-up event with a hamstring strain.",
        "LONDON (Reuters) - Opener Graham Boycott carried his bat for an unbeaten 95 against Kent on Friday.",
    ],
)
def test_a_sports_report_codes_no_event(text: str) -> None:
    assert code_article("n", text, _DAY) == []


@pytest.mark.parametrize(
    ("text", "event_type"),
    [
        (
            "Brazil's foreign minister met his Argentine counterpart before the World Cup final.",
            "CONSULT",
        ),
        ("Police said Kashmiri militants attacked a bus carrying a cricket team near Srinagar.", "ASSAULT"),
        (
            "The United States boycotted the Moscow Olympics over the Soviet invasion of Afghanistan.",
            "SANCTION",
        ),
        ("The Iranian government banned women from attending football matches in Tehran.", "COERCE"),
    ],
)
def test_a_states_act_about_sport_still_codes(text: str, event_type: str) -> None:
    assert event_type in [e.event_type for e in code_article("p", text, _DAY)]
