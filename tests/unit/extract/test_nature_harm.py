"""Harm done by nature, disease or accident is nobody's act; an armed party's attack beside it still is."""

from __future__ import annotations

import datetime as dt

import pytest

from stream.extract.coder import code_article

_DAY = dt.date(2024, 5, 1)


@pytest.mark.parametrize(
    "text",
    [
        "A powerful earthquake struck eastern Turkey on Monday, killing at least 40 people.",
        "Typhoon Haiyan slammed into the central Philippines, destroying thousands of homes.",
        "Floods swept through villages in northern Bangladesh, killing 12 people.",
        "A fire tore through a garment factory in Dhaka, killing 112 workers.",
        "A landslide buried dozens of homes in western Uganda after days of heavy rain.",
        "A cholera outbreak has killed 300 people in Yemen since April, health officials said.",
        "An avalanche hit a ski resort in the French Alps, killing four skiers.",
        "A gas explosion destroyed an apartment block in the Russian city of Magnitogorsk.",
        "A passenger train derailed in eastern India, killing 30 people.",
        "Forest fires have destroyed 20,000 hectares of woodland in Greece this summer.",
        "A bus plunged into a ravine in the Peruvian Andes, killing 25 passengers.",
        "Heavy storms battered the coast of Mozambique, flattening crops.",
        "A boiler explosion at a chemical plant in Jiangsu killed eight workers.",
        "A cyclone ripped through coastal Myanmar, leaving 130,000 dead or missing.",
        "A ferry capsized off the coast of Tanzania, drowning more than 200 passengers.",
        "A measles epidemic sweeping Madagascar has killed more than 900 children.",
        "A small plane crashed into a hillside in northern Kenya, killing all six on board.",
        "A methane blast trapped 30 miners underground at a colliery in Poland.",
        "Astronomers in Chile detected a gamma-ray burst from the explosion of a distant star.",
        "A tornado tore through a town in Bangladesh, killing dozens of villagers.",
        "The mining company said a rockfall killed two workers at its gold mine near Johannesburg.",
        "Officials said floods had destroyed more than 3,000 homes in Sindh province.",
        "The health ministry reported that a dengue outbreak had killed 40 people in Dhaka.",
    ],
)
def test_a_disaster_a_disease_or_an_accident_that_kills_or_destroys_codes_no_event(text: str) -> None:
    assert code_article("n", text, _DAY) == []


@pytest.mark.parametrize(
    ("text", "event_type"),
    [
        ("A bomb explosion killed 12 soldiers at a checkpoint in Kabul.", "ASSAULT"),
        ("Rebels attacked an aid convoy in the flooded north of Mozambique.", "ASSAULT"),
        (
            "An explosion ripped through a crowded market in Baghdad, killing 30 people, police said.",
            "ASSAULT",
        ),
        ("Israeli jets struck targets in Gaza hours after the earthquake in Syria.", "ASSAULT"),
        ("After the earthquake, Turkish police detained dozens of building contractors.", "COERCE"),
        ("A suicide bomber killed 15 people at a funeral in Pakistan.", "ASSAULT"),
        ("Militants stormed a hotel in Mogadishu, killing at least 20 people.", "ASSAULT"),
        ("Russian missiles destroyed a power station in the flood-hit Kherson region.", "ASSAULT"),
        ("The army said rebels had attacked a convoy near Beira.", "ASSAULT"),
        ("Police said an explosion killed three officers at a checkpoint in Peshawar.", "ASSAULT"),
    ],
)
def test_an_armed_party_acting_beside_a_disaster_or_an_unnamed_bomber_still_codes_its_event(
    text: str, event_type: str
) -> None:
    assert event_type in [e.event_type for e in code_article("p", text, _DAY)]
