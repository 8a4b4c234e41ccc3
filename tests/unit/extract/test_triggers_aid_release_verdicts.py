"""Trigger classes fresh text missed: a headline's passive release with its agent and no auxiliary, weapons
handed over, aid named by its carrying once it came, debt relief announced, a court's acquittal (CONCEDE,
CAMEO's ACQUIT block), a truce that held. Our own sentences, with near misses that stay quiet."""

from __future__ import annotations

import datetime as dt

import pytest

from tests.coding import events_with_actor_countries

PUBLISHED = dt.date(2024, 5, 1)


@pytest.mark.parametrize(
    ("text", "event_type", "actor_country"),
    [
        ("Ten Thai hostages freed by Hamas", "RETREAT", "PSE"),
        ("Two French journalists freed by Malian jihadists after a year in captivity", "RETREAT", "MLI"),
        ("Britain handed over drones to Ukraine's army.", "AID", "GBR"),
        ("Germany transferred more Leopard tanks to Ukraine.", "AID", "DEU"),
        ("Saudi Arabia's shipment of relief supplies arrived in Port Sudan.", "AID", "SAU"),
        ("The delivery of vaccines to Malawi by the European Union began on Friday.", "AID", "IGO"),
        ("Japan announced debt relief for Sri Lanka.", "AID", "JPN"),
        (
            "A Pakistani court acquitted former prime minister Imran Khan of leaking state secrets.",
            "CONCEDE",
            "PAK",
        ),
        ("Brazil's Supreme Court exonerated former president Lula.", "CONCEDE", "BRA"),
        ("A Thai court acquitted opposition leader Pita Limjaroenrat of all charges.", "CONCEDE", "THA"),
        ("A fragile ceasefire between Armenia and Azerbaijan largely held on Sunday.", "RETREAT", "ARM"),
    ],
)
def test_class_codes(text: str, event_type: str, actor_country: str) -> None:
    events = events_with_actor_countries(text, PUBLISHED)
    assert any(t == event_type and actor_country in countries for t, countries in events), events


@pytest.mark.parametrize(
    "text",
    [
        # a bare participle without its agent is a reduced relative, not news
        "Hostages freed last year described their ordeal.",
        "The sanctions imposed by the EU in 2014 have hurt Russia's economy.",
        # weapons given up by their own holders are no aid
        "The rebels handed over their drones to the monitors.",
        # a delivery only named, weapons seized, trade goods
        "A shipment of weapons from Iran was seized off Yemen.",
        "The delivery of oil to European refineries rose in March.",
        "Economists said debt relief for Ghana would take years.",
        # an ordinary trial, a hope, a denial
        "A jury in Texas acquitted a man of murder.",
        "Lawyers for the general hope he will be acquitted.",
        "The court did not acquit the opposition leader.",
        # "held" of a truce is no detention, nor of a meeting
        "The truce held for a second day.",
        "The ceasefire held talks about its renewal.",
    ],
)
def test_near_misses_stay_quiet(text: str) -> None:
    assert events_with_actor_countries(text, PUBLISHED) == []


def test_a_truce_that_held_is_no_detention() -> None:
    events = events_with_actor_countries(
        "The truce between Israel and Hamas held for a second day.", PUBLISHED
    )
    assert [t for t, _ in events] == ["RETREAT"]
