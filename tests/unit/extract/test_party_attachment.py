"""Who did what to whom: sources and targets attached by rules of the language (lists, compounds, places)."""

from __future__ import annotations

import datetime as dt

from stream.extract.actors import find_actors, find_places
from tests.coding import first_event_sides

DAY = dt.date(2024, 5, 1)


def test_a_state_named_with_the_in_a_list_of_states_is_an_item_not_an_apposition() -> None:
    actors, recipients = first_event_sides(
        "Kenya, the United Arab Emirates, Oman and Jordan severed diplomatic ties with Iran on Friday.",
        DAY,
        "SANCTION",
    )
    assert actors == {"KEN", "ARE", "OMN", "JOR"}
    assert recipients == {"IRN"}


def test_a_description_after_a_comma_is_still_an_apposition() -> None:
    actors, _ = first_event_sides(
        "Erdogan, the Turkish president, accused Israel of genocide on Monday.", DAY, "ACCUSE"
    )
    assert actors == {"TUR"}


def test_a_based_or_flagged_compound_names_the_nouns_country() -> None:
    based = find_actors("Officials blamed Pakistan-based militant groups for the attack.")
    assert [(m.country, m.sector) for m in based] == [("PAK", "REB")]
    flagged = find_actors("Guards seized a Greek-flagged tanker.")
    assert [(m.country, m.adjective) for m in flagged] == [("GRC", True)]
    assert find_actors("A London-based bank said.") == []  # a town is a company's seat, no party


def test_the_actors_own_nationality_is_no_evidence_of_its_target() -> None:
    _, recipients = first_event_sides(
        "German authorities have frozen assets worth 2 billion German marks belonging to Iranian banks.",
        DAY,
        "SANCTION",
    )
    assert recipients == {"IRN"}


def test_a_trigger_that_begins_inside_a_mention_names_the_attacker_and_the_place_its_target() -> None:
    actors, recipients = first_event_sides(
        "French cruise missiles slammed into a depot in Libya on Sunday.", DAY, "ASSAULT"
    )
    assert actors == {"FRA"}
    assert recipients == {"LBY"}


def test_the_one_told_that_it_must_act_is_the_one_asked() -> None:
    actors, recipients = first_event_sides(
        "The World Bank told Kenya on Tuesday that it must cut spending before any new loan.", DAY, "REQUEST"
    )
    assert actors == {"IGO"}
    assert recipients == {"KEN"}


def test_a_town_in_districts_of_is_a_place_and_the_target_of_shelling() -> None:
    assert [p.place.country for p in find_places("Artillery pounded the districts of Odesa.")] == ["UKR"]
    _, recipients = first_event_sides(
        "Russian artillery pounded residential districts of Odesa overnight.", DAY, "ASSAULT"
    )
    assert recipients == {"UKR"}


def test_a_towns_namesake_is_the_one_in_the_country_the_sentence_names() -> None:
    # Valparaiso, Indiana is the lexicon's town of that spelling; Valparaíso, Chile is written with an accent.
    [place] = find_places("Workers rallied at the Chilean port of Valparaiso.")
    assert place.place.country == "CHL"


def test_counterparts_in_a_country_are_the_other_party() -> None:
    _, recipients = first_event_sides(
        "Norwegian tax authorities began exchanging bank account data with their counterparts in Brazil.",
        DAY,
        "COOPERATE",
    )
    assert recipients == {"BRA"}


def test_a_visits_host_is_the_destination_before_it() -> None:
    _, recipients = first_event_sides(
        "French President Emmanuel Macron flew to Tokyo on Monday for a two-day visit, the first by an EU"
        " leader this year.",
        DAY,
        "CONSULT",
    )
    assert recipients == {"JPN"}


def test_a_protest_outside_a_mission_is_against_its_state() -> None:
    _, recipients = first_event_sides(
        "Crowds of Serbs rallied outside the U.S. embassy, hurling eggs at NATO.", DAY, "PROTEST"
    )
    assert "USA" in recipients


def test_an_event_noun_after_in_a_is_the_main_clauses_subjects_doing() -> None:
    # Without the rule the nearest name, the Malians found, would be the raiders.
    actors, _ = first_event_sides(
        "French soldiers found two Malians in a raid on a camp near Gao.", DAY, "COERCE"
    )
    assert actors == {"FRA"}


def test_places_joined_by_and_are_all_targets() -> None:
    _, recipients = first_event_sides(
        "British warplanes struck suspected militant camps in Yemen and a fuel depot in Mogadishu on Monday.",
        DAY,
        "ASSAULT",
    )
    assert recipients == {"YEM", "SOM"}


def test_the_paris_club_is_a_body_of_creditor_states_not_paris() -> None:
    [club] = [m for m in find_actors("The Paris Club of creditor nations met.") if "Paris" in m.text]
    assert (club.text, club.country) == ("Paris Club", "IGO")


def test_a_sector_noun_after_a_determiner_before_of_a_country_gives_its_sector() -> None:
    [head, _] = find_actors("The president of Ghana, Nana Akufo-Addo, criticised Britain.")
    assert (head.text, head.country, head.sector) == ("president of Ghana", "GHA", "GOV")
    [army] = find_actors("Officials said the army of Mali attacked.")
    assert (army.text, army.sector) == ("army of Mali", "MIL")


def test_people_in_a_place_are_its_party_but_not_armed_forces_or_a_nationality_s_own() -> None:
    [officials, _] = find_actors("Officials in Kabul accused Pakistan of carrying out air strikes.")
    assert (officials.text, officials.country, officials.sector) == ("Officials in Kabul", "AFG", "GOV")
    actors, recipients = first_event_sides(
        "Officials in Kabul accused Pakistan of carrying out air strikes.", DAY, "ACCUSE"
    )
    assert (actors, recipients) == ({"AFG"}, {"PAK"})
    [russians, kyiv] = find_actors("Russian officials in Kyiv met.")
    assert (russians.country, kyiv.locative) == ("RUS", True)
    troops = find_actors("Foreign troops in Syria attacked.")
    assert [m.text for m in troops] != ["troops in Syria"]


def test_a_demonym_after_the_before_its_verb_names_the_people() -> None:
    actors, _ = first_event_sides(
        "The Americans and the British agreed to share intelligence with Canberra.", DAY, "AGREE"
    )
    assert actors == {"USA", "GBR"}
    [embassy] = find_actors("The Chinese embassy said.")
    assert (embassy.text, embassy.adjective) == ("Chinese embassy", False)
    [adjective] = find_actors("The French wine harvest ended.")
    assert adjective.adjective


def test_a_places_people_after_a_locative_cue_are_a_party_not_a_place() -> None:
    _, recipients = first_event_sides(
        "Kenyan police fired tear gas at protesters in Nairobi.", DAY, "ASSAULT"
    )
    assert recipients == {"KEN"}
    [officials, _] = find_actors("Officials in Tripoli said Lebanese forces attacked.")
    assert (officials.country, officials.sector) == ("LBN", "GOV")  # the Lebanese Tripoli, their own sector


def test_the_state_a_person_is_handed_to_or_taken_from_is_a_target() -> None:
    _, recipients = first_event_sides(
        "Kenya formally requested the extradition of Joseph Kony from Sudan.", DAY, "REQUEST"
    )
    assert "SDN" in recipients
    _, recipients = first_event_sides(
        "Iran refused to hand over former President Saddam Hussein to Kuwait.", DAY, "REJECT"
    )
    assert "KWT" in recipients
