"""The act a trial judges ("sentenced ... for the bombing") and the past acts an obituary's aside tells
("X, who made peace with Israel, died") are no new event; the trial, and events beside them, still code."""

from __future__ import annotations

import datetime as dt

import pytest

from stream.extract.coder import code_article

_DAY = dt.date(1999, 2, 8)


@pytest.mark.parametrize(
    "text",
    [
        "Former Chilean dictator Augusto Pinochet, who seized power in a 1973 coup, died on Sunday.",
        "Slobodan Milosevic, the former Yugoslav leader accused of genocide in Bosnia, died in his cell.",
        "Yitzhak Rabin's widow Leah, who campaigned for peace with the Palestinians, died of cancer.",
        "Deng Xiaoping, who crushed the Tiananmen protests, has died at the age of 92.",
    ],
)
def test_an_obituarys_aside_tells_no_new_event(text: str) -> None:
    assert code_article("n", text, _DAY) == []


@pytest.mark.parametrize(
    ("text", "wanted", "unwanted"),
    [
        (
            "A Tokyo court sentenced the cult leader to death on Friday for the gas attack on the subway.",
            "SANCTION",
            "ASSAULT",
        ),
        (
            "A military court in Lima convicted four rebels for their role in the bombing of an embassy.",
            "",
            "ASSAULT",
        ),
        (
            "An Istanbul court acquitted 12 officers of torture charges in the deaths of detainees.",
            "",
            "ASSAULT",
        ),
    ],
)
def test_the_act_a_trial_judges_is_no_new_event(text: str, wanted: str, unwanted: str) -> None:
    types = [e.event_type for e in code_article("n", text, _DAY)]
    assert unwanted not in types
    assert not wanted or wanted in types


@pytest.mark.parametrize(
    ("text", "event_type"),
    [
        ("A Cairo court sentenced opposition leader Ayman Nour to five years in prison.", "SANCTION"),
        ("A Peruvian military court convicted four Tupac Amaru rebels of treason on Friday.", "SANCTION"),
        (
            "Tamil rebels attacked an army convoy near Jaffna, killing three soldiers; a fourth died later.",
            "ASSAULT",
        ),
        (
            "French President Jacques Chirac, who arrived in Bonn on Monday, met Chancellor Helmut Kohl.",
            "CONSULT",
        ),
        (
            "Iraqi troops shelled Kurdish villages, and a Kurdish leader, who was wounded, died on Friday.",
            "ASSAULT",
        ),
        (
            "Chinese police detained dozens of Tibetan monks, who had protested in Lhasa, the agency said.",
            "COERCE",
        ),
    ],
)
def test_trials_of_politicians_and_events_beside_a_death_still_code(text: str, event_type: str) -> None:
    assert event_type in [e.event_type for e in code_article("p", text, _DAY)]
