"""Ordinary crime between private people (robbers, contract killers, kidnappers for ransom, swindlers, a
victim's own kin) and a town's court trying it code no event; political violence, state coercion and
trials of political figures beside the same words still code."""

from __future__ import annotations

import datetime as dt

import pytest

from stream.extract.coder import code_article

_DAY = dt.date(1996, 3, 12)


@pytest.mark.parametrize(
    "text",
    [
        "Gunmen shot dead a jeweller in Karachi and fled with gold worth $20,000 in the latest robbery.",
        "Armed men held up a bank van on the outskirts of Lima, police said, in the third robbery this week.",
        "A Warsaw businessman was shot dead outside his villa by a hitman, police said.",
        "A Nigerian oil worker abducted last month was freed after his employers paid a ransom.",
        "A Cairo court sentenced a man to death for poisoning his wife.",
        "A Jakarta court jailed a property developer for running a pyramid scheme.",
        "Police in Manila said a man had stabbed his neighbour to death over a grudge.",
    ],
)
def test_ordinary_crime_and_its_trial_code_no_event(text: str) -> None:
    assert code_article("n", text, _DAY) == []


@pytest.mark.parametrize(
    ("text", "event_type"),
    [
        ("Rebels shot dead three soldiers at a checkpoint near Jaffna.", "ASSAULT"),
        ("Gunmen shot dead a senior opposition politician outside his home in Karachi.", "ASSAULT"),
        (
            "A Moscow court jailed opposition leader Alexei Navalny for three years on fraud charges.",
            "COERCE",
        ),
        ("Police arrested 40 opposition activists at a rally in Minsk.", "COERCE"),
        ("Mexican security forces killed 12 suspected cartel gunmen in Michoacan.", "ASSAULT"),
        ("Police killed three gunmen in a shootout after a bank robbery in Lagos.", "ASSAULT"),
        ("Kidnappers from the FARC rebels demanded a ransom for two Spanish engineers.", "REQUEST"),
    ],
)
def test_political_violence_coercion_and_trials_of_politicians_still_code(text: str, event_type: str) -> None:
    assert event_type in [e.event_type for e in code_article("p", text, _DAY)]
