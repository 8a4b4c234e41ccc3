"""General coding rules on single sentences: types, roles, negation, modality, quiet non-political text."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable

import pytest

from stream.extract.coder import code_article
from stream.records.models import Actor, EventRecord
from tests.tables import sentence_table, table_checks

PUBLISHED = dt.date(2022, 3, 2)  # a Wednesday
TABLE = "coder_sentences.jsonl"


def _code(text: str) -> list[EventRecord]:
    return code_article("t", text, PUBLISHED)


@sentence_table(TABLE, check="event_type_and_roles")
def test_event_type_and_roles(
    text: str, event_type: str, actor_country: str, recipient_country: str | None
) -> None:
    events = [e for e in _code(text) if e.event_type == event_type]
    assert events, f"no {event_type} in {text!r}: {[e.event_type for e in _code(text)]}"
    assert actor_country in {a.country for a in events[0].actors}
    if recipient_country is not None:
        assert recipient_country in {r.country for r in events[0].recipients}


def test_capital_as_subject_codes_government() -> None:
    (event,) = _code("Moscow accused Kyiv of shelling civilians.")
    assert event.event_type == "ACCUSE"
    assert (event.actors[0].country, event.actors[0].sector) == ("RUS", "GOV")


def test_passive_voice_swaps_roles() -> None:
    events = [
        e for e in _code("Syrian soldiers were attacked by Turkish troops.") if e.event_type == "ASSAULT"
    ]
    assert events
    assert events[0].actors[0].country == "TUR"
    assert events[0].recipients[0].country == "SYR"


def test_refusal_to_meet_is_reject_not_consult() -> None:
    events = _code("Iran refused to meet the American envoy.")
    assert [e.event_type for e in events] == ["REJECT"]
    assert events[0].event_mode == "meet" and events[0].cameo_code == "125"


@sentence_table(TABLE, check="negation_and_hypotheticals_give_no_positive_event")
def test_negation_and_hypotheticals_give_no_positive_event(text: str) -> None:
    assert not [e for e in _code(text) if e.event_type in ("CONSULT", "SANCTION", "ASSAULT")]


@sentence_table(TABLE, check="non_political_sentences_stay_quiet")
def test_non_political_sentences_stay_quiet(text: str) -> None:
    assert _code(text) == []


def test_weekday_resolves_against_publication_date() -> None:
    (event,) = _code("Russia and Ukraine held talks on Monday.")
    assert event.event_date == dt.date(2022, 2, 28)


def _one(text: str, event_type: str) -> EventRecord:
    events = [e for e in _code(text) if e.event_type == event_type]
    assert events, f"no {event_type} in {text!r}: {[e.event_type for e in _code(text)]}"
    return events[0]


def _countries(parties: Iterable[Actor]) -> set[str | None]:
    return {p.country for p in parties}


def _assert_parties(text: str, event_type: str, actors: set[str], recipients: set[str]) -> None:
    """The first event of that type in the text has exactly these actor and recipient countries."""
    event = _one(text, event_type)
    assert (_countries(event.actors), _countries(event.recipients)) == (actors, recipients)


def test_country_name_outranks_a_town_of_the_same_name() -> None:
    # Liberia is also a town in Costa Rica; "in Liberia" after a cue is the country.
    event = _one("Nigeria sent food aid to refugees in Liberia.", "AID")
    assert event.location is not None and event.location.country == "LBR"


def test_shared_town_name_resolves_to_the_country_the_sentence_names() -> None:
    event = _one("Syrian troops shelled militia positions in Tripoli, the main Lebanese port.", "ASSAULT")
    assert event.location is not None and event.location.country == "LBN"


def test_visit_host_is_the_place_visited_even_before_the_trigger() -> None:
    event = _one("Egyptian President Abdel Fattah al-Sisi arrived in Amman for an official visit.", "CONSULT")
    assert _countries(event.recipients) == {"JOR"}


def test_place_is_the_target_when_no_party_is_named_after_the_trigger() -> None:
    event = _one("Russian warplanes bombed targets in Aleppo overnight.", "ASSAULT")
    assert _countries(event.actors) == {"RUS"} and _countries(event.recipients) == {"SYR"}


def test_actors_own_forces_are_not_its_target() -> None:
    event = _one("Armenia offered its troops to the peacekeeping mission.", "AGREE")
    assert not event.recipients


def test_ethnic_group_is_coded_with_the_country_it_lives_in() -> None:
    event = _one("Ethnic Hungarians demonstrated in Romania against the new language law.", "PROTEST")
    assert _countries(event.actors) == {"ROU"}


def test_collective_actor_at_sentence_start_takes_its_place() -> None:
    event = _one("Soldiers in Mali arrested two opposition politicians.", "COERCE")
    assert _countries(event.actors) == {"MLI"}


def test_sports_word_does_not_silence_an_arrest_by_officials() -> None:
    event = _one("Iranian police arrested fans who sang protest songs at a football match.", "COERCE")
    assert _countries(event.actors) == {"IRN"}


def test_parties_acting_together_take_no_later_counterpart() -> None:
    event = _one(
        "Greek and Cypriot warships began joint exercises, to be joined later by Italian ships.", "COOPERATE"
    )
    assert _countries(event.actors) == {"GRC", "CYP"} and not event.recipients


def test_civilians_blocking_roads_is_protest_but_police_blocking_is_coercion() -> None:
    protest = _one("Polish farmers blocked roads near the border with Ukraine.", "PROTEST")
    assert (protest.event_mode, protest.cameo_code) == ("obstruct", "144")
    coercion = _one("Serbian police blocked access to the border crossing.", "COERCE")
    assert coercion.cameo_code == "1711"


def test_protest_demand_is_not_a_second_event() -> None:
    events = _code("Thousands of Kenyan students marched through Nairobi to demand lower fees.")
    assert [e.event_type for e in events] == ["PROTEST"]


def test_must_after_a_reporting_verb_is_the_speakers_request() -> None:
    event = _one(
        "The German chancellor said on Tuesday that Belarus must release the detained pilots.", "REQUEST"
    )
    assert _countries(event.actors) == {"DEU"} and _countries(event.recipients) == {"BLR"}


def test_unattributed_obligation_codes_no_event() -> None:
    assert not [e for e in _code("Belarus must release the detained pilots.") if e.event_type == "RETREAT"]


@sentence_table(TABLE, check="trigger_vocabulary")
def test_trigger_vocabulary(text: str, event_type: str, cameo_code: str) -> None:
    assert _one(text, event_type).cameo_code == cameo_code


def test_arrival_of_a_president_is_not_a_deployment() -> None:
    assert not [
        e for e in _code("Nigerian President Bola Tinubu arrived in Accra.") if e.event_type == "MOBILIZE"
    ]


def test_fighting_between_two_parties_makes_both_actors() -> None:
    event = _one(
        "Iran closed a crossing because of fighting between Armenian and Azerbaijani troops.", "ASSAULT"
    )
    assert _countries(event.actors) == {"ARM", "AZE"} and not event.recipients


def test_trigger_noun_heading_an_actor_names_the_actor() -> None:
    event = _one("Two Somali suicide bombers struck a hotel in Mogadishu.", "ASSAULT")
    assert _countries(event.actors) == {"SOM"}


def test_trigger_word_inside_a_name_or_modifier_codes_nothing() -> None:
    assert not _code("The Shanghai Cooperation Organisation opened an office in Beijing.")
    events = _code("Chilean riot police dispersed protesters in Santiago.")
    assert [e.event_type for e in events] == ["COERCE"]


def test_national_population_is_coded_where_it_lives() -> None:
    event = _one("Serbian troops attacked the Albanian population of Kosovo.", "ASSAULT")
    assert _countries(event.recipients) == {"XKX"}


def test_participle_clause_takes_the_main_clause_subject_as_actor() -> None:
    event = _one("Sudanese rebels shelled the town of Malakal on Sunday, killing 20 civilians.", "ASSAULT")
    killing = [
        e for e in _code("Sudanese rebels shelled the town of Malakal on Sunday, killing 20 civilians.")
    ]
    assert _countries(event.actors) == {"SDN"}
    assert all(_countries(e.actors) == {"SDN"} for e in killing)


def test_crime_by_police_is_quiet_but_arrest_of_an_opposition_leader_is_not() -> None:
    assert _code("Kenyan police arrested a man suspected of stealing cattle in Nakuru.") == []
    event = _one("Kenyan police arrested an opposition leader on fraud charges.", "COERCE")
    assert _countries(event.actors) == {"KEN"}


def test_action_named_as_a_condition_codes_nothing() -> None:
    text = "Turkey would back the bid if Stockholm cracked down on Kurdish militants."
    assert not [e for e in _code(text) if e.actors and e.actors[0].country == "SWE"]


def test_burning_an_effigy_is_a_protest() -> None:
    event = _one(
        "Kurdish protesters burned an effigy of the Turkish president outside Stockholm city hall.", "PROTEST"
    )
    assert _countries(event.actors) == {"SWE"}


def test_crowd_of_unknown_nationality_is_where_it_gathers() -> None:
    event = _one(
        "Rebels near Goma shelled Congolese army positions overnight, Rwandan officials said.", "ASSAULT"
    )
    assert _countries(event.actors) == {"COD"}


def test_event_named_again_in_a_prepositional_phrase_is_one_event() -> None:
    events = _code(
        "Somali militants killed 12 soldiers near Kismayo on Friday in the deadliest attack this year."
    )
    assert [e.event_type for e in events] == ["ASSAULT"]


def test_coordinated_nationality_shares_the_noun_after_it() -> None:
    event = _one("Greek and Turkish warships held joint exercises in the Aegean.", "COOPERATE")
    assert {(a.country, a.sector) for a in event.actors} == {("GRC", "MIL"), ("TUR", "MIL")}


def test_possessive_with_a_party_name_before_the_noun_keeps_the_sector() -> None:
    event = _one("Nicaragua's Sandinista government closed down two opposition newspapers.", "COERCE")
    assert (event.actors[0].country, event.actors[0].sector) == ("NIC", "GOV")


def test_title_words_are_not_modifiers_of_a_sector_noun() -> None:
    event = _one("Arab League Secretary General Amr Moussa met Lebanese leaders in Beirut.", "CONSULT")
    assert {a.sector for a in event.actors} == {"GOV"}


def test_announced_refusal_is_reject_but_past_negation_is_nothing() -> None:
    event = _one("The Serbian government said its troops would not withdraw from the border area.", "REJECT")
    assert _countries(event.actors) == {"SRB"}
    assert not _code("Serbian troops did not withdraw from the border area.")


def test_announced_measure_is_the_measure_but_a_conditional_one_is_a_threat() -> None:
    assert _one("Canada announced that it would expel two Russian diplomats.", "SANCTION")
    assert _one("Canada said it would expel two Russian diplomats.", "THREATEN")
    assert _one("Canada announced it would expel Russian diplomats unless the spy was released.", "THREATEN")


def test_subject_of_a_subordinate_clause_is_not_a_name_before_it() -> None:
    events = _code(
        "Kenya paid compensation to Somali herders for cattle they lost when bandits raided their camps."
    )
    assert [e.event_type for e in events] == ["RETREAT"]
    assert (
        _one("Russia, after weeks of talks, agreed to extend the grain deal.", "AGREE").actors[0].country
        == "RUS"
    )


def test_capturing_a_town_is_an_assault() -> None:
    event = _one("Ethiopian rebels captured the town of Dessie on Saturday.", "ASSAULT")
    assert event.cameo_code == "192"


def test_event_named_as_background_takes_no_actor_from_the_main_clause() -> None:
    events = _code("The Pakistani interior minister stepped down after the attack.")
    assert [(e.event_type, e.event_mode) for e in events] == [("RETREAT", "resign")]


def test_event_that_is_the_subject_of_its_own_clause_takes_no_actor_from_the_main_clause() -> None:
    events = _code("Georgia mobilized reservists as fighting intensified in Abkhazia.")
    assert ("MOBILIZE", {"GEO"}) in [(e.event_type, _countries(e.actors)) for e in events]
    assert all("GEO" not in _countries(e.actors) for e in events if e.event_type == "ASSAULT")
    # Only the noun in that position loses the main clause's subject.
    fighting = _one("Georgian troops began fighting rebels in Abkhazia as talks continued.", "ASSAULT")
    assert _countries(fighting.actors) == {"GEO"}


def test_participle_with_its_agent_names_who_acted() -> None:
    brokered = _one("Iraq freed 35 Kuwaiti prisoners under a deal brokered by the Red Cross.", "CONSULT")
    assert [a.text for a in brokered.actors] == ["Red Cross"]
    assert brokered.recipients == []


@pytest.mark.parametrize(
    ("demonym", "country"),
    [("Bolivian", "BOL"), ("Beninese", "BEN"), ("Burkinabe", "BFA"), ("Costa Rican", "CRI"),
     ("Gabonese", "GAB"), ("Jamaican", "JAM"), ("Malagasy", "MDG"), ("Paraguayan", "PRY"),
     ("Salvadoran", "SLV"), ("Togolese", "TGO")],
)  # fmt: skip
def test_nationalities_of_smaller_states_are_known(demonym: str, country: str) -> None:
    event = _one(f"{demonym} troops shelled rebel positions near the border.", "ASSAULT")
    assert _countries(event.actors) == {country}


def test_organisation_with_its_members_noun_is_one_actor() -> None:
    event = _one("The Colombian government and FARC rebels signed a ceasefire in Havana.", "RETREAT")
    assert [(a.text, a.country, a.sector) for a in event.actors] == [
        ("Colombian government", "COL", "GOV"),
        ("FARC rebels", "COL", "REB"),
    ]


_FILED = dt.date(2010, 3, 4)  # a Thursday
_KABUL_STORY = (
    "KABUL, March 4 (Reuters) - Afghan President Hamid Karzai met Pakistani Prime Minister Yousuf Raza "
    "Gilani in Islamabad on Tuesday to discuss the Taliban insurgency.\n"
    "Karzai later accused Pakistan's intelligence agency of sheltering militants, an aide said."
)


def test_dateline_date_is_the_filing_date_not_the_events() -> None:
    met = [e for e in code_article("k", _KABUL_STORY, _FILED) if e.event_type == "CONSULT"]
    assert [e.event_date for e in met] == [dt.date(2010, 3, 2)]  # "on Tuesday", not "March 4"


def test_purpose_of_an_event_is_not_a_second_event() -> None:
    consults = [e for e in code_article("k", _KABUL_STORY, _FILED) if e.event_type == "CONSULT"]
    assert [e.trigger for e in consults] == ["met"]  # "to discuss" is why they met


def test_dateline_city_places_events_whose_sentence_names_no_place() -> None:
    accused = _one_of(code_article("k", _KABUL_STORY, _FILED), "ACCUSE")
    assert accused.location is not None
    assert (accused.location.name, accused.location.country, accused.location.resolved_from) == (
        "Kabul",
        "AFG",
        "article",
    )


def _one_of(events: list[EventRecord], event_type: str) -> EventRecord:
    found = [e for e in events if e.event_type == event_type]
    assert len(found) == 1, [(e.event_type, e.trigger) for e in events]
    return found[0]


def test_police_and_crowds_no_sentence_places_are_where_the_article_is() -> None:
    story = (
        "Protesters clashed with police in the Kharkiv region of Ukraine on Sunday.\n"
        "Police fired tear gas at the crowd outside the regional administration building."
    )
    fired = [e for e in code_article("u", story, dt.date(2014, 3, 10)) if e.trigger == "fired tear gas"]
    assert [(a.text, a.country, a.sector) for e in fired for a in e.actors] == [("Police", "UKR", "COP")]
    # Alone, with no article around it, the same sentence has nobody to code.
    assert code_article("u", story.splitlines()[1], dt.date(2014, 3, 10)) == []


def test_troops_deployed_to_a_place_mobilize() -> None:
    event = _one("Venezuelan troops were deployed to the Colombian border last week.", "MOBILIZE")
    assert _countries(event.actors) == {"VEN"}


@sentence_table(TABLE, check="quote_opening_the_sentence_is_the_speakers_after_it")
def test_quote_opening_the_sentence_is_the_speakers_after_it(
    text: str, event_type: str, actor_country: str, recipient_country: str | None
) -> None:
    event = _one(text, event_type)
    assert _countries(event.actors) == {actor_country}
    assert _countries(event.recipients) == ({recipient_country} if recipient_country else set())


def test_titled_person_after_a_place_and_a_comma_is_a_party_not_a_place() -> None:
    event = _one(
        "Speaking in Madrid, Spanish Prime Minister Pedro Sanchez urged Israel to halt the strikes.",
        "REQUEST",
    )
    assert (_countries(event.actors), _countries(event.recipients)) == ({"ESP"}, {"ISR"})


def test_talks_between_two_parties_with_nobody_before_them() -> None:
    event = _one("The talks in Geneva between Armenian and Azerbaijani diplomats ended on Friday.", "CONSULT")
    assert _countries(event.actors) == {"ARM", "AZE"}


def test_a_governing_noun_closed_by_a_comma_governs_nothing_after_it() -> None:
    event = _one("Despite heavy pressure, Poland refused to accept the migrant quota.", "REJECT")
    assert _countries(event.actors) == {"POL"}


@sentence_table(TABLE, check="misspelt_country_name_or_nationality_is_that_country")
def test_misspelt_country_name_or_nationality_is_that_country(
    text: str, actor_country: str, recipient_country: str
) -> None:
    event = _one(text, "ACCUSE")
    assert (_countries(event.actors), _countries(event.recipients)) == ({actor_country}, {recipient_country})


@sentence_table(TABLE, check="word_near_a_country_name_but_a_language_or_a_persons_name_is_no_country")
def test_word_near_a_country_name_but_a_language_or_a_persons_name_is_no_country(text: str) -> None:
    countries = {a.country for e in _code(text) for a in (*e.actors, *e.recipients)}
    assert not countries & {"JPN", "SDN", "FRA", "NER"}, countries


@sentence_table(TABLE, check="parties_joined_by_a_hyphen_are_each_an_actor")
def test_parties_joined_by_a_hyphen_are_each_an_actor(text: str, actor_countries: set[str]) -> None:
    assert _countries(_one(text, "CONSULT").actors) == actor_countries


def test_leading_party_of_a_coalition_is_its_actor_but_a_backer_is_not() -> None:
    led = _one("Saudi-led coalition warplanes bombed a market in northern Yemen.", "ASSAULT")
    assert [(a.text, a.country, a.sector) for a in led.actors] == [("Saudi", "SAU", "MIL")]
    backed = _code("Iranian-backed gunmen attacked a convoy near Basra.")
    assert "IRN" not in {a.country for e in backed for a in e.actors}


def test_transnational_armed_group_is_coded_img() -> None:
    event = _one("Kenyan troops attacked al-Qaeda fighters near the Somali border.", "ASSAULT")
    assert _countries(event.recipients) == {"IMG"}


@sentence_table(TABLE, check="phrasings_found_in_fresh_news_sentences")
def test_phrasings_found_in_fresh_news_sentences(
    text: str, event_type: str, actor_countries: set[str], recipient_countries: set[str]
) -> None:
    _assert_parties(text, event_type, actor_countries, recipient_countries)


@sentence_table(TABLE, check="business_and_sports_uses_of_the_new_phrasings_stay_quiet")
def test_business_and_sports_uses_of_the_new_phrasings_stay_quiet(text: str) -> None:
    assert _code(text) == []


def test_party_after_a_preposition_is_no_subject_of_the_verb_after_it() -> None:
    event = _one("The African Union has sent observers to Sudan to investigate the killings.", "ACCUSE")
    assert (_countries(event.actors), _countries(event.recipients)) == ({"IGO"}, {"SDN"})
    refusal = _one("Washington said that lifting the embargo on Cuba is out of the question.", "REJECT")
    assert (_countries(refusal.actors), _countries(refusal.recipients)) == ({"USA"}, {"CUB"})


def test_event_noun_after_a_preposition_keeps_the_party_before_it_as_actor() -> None:
    event = _one("The European Union imposed sanctions on Iranian officials over the crackdown.", "COERCE")
    assert _countries(event.actors) == {"IRN"}


def test_source_named_after_a_comma_with_initials_is_no_recipient() -> None:
    event = _one(
        "The Houthis fired a ballistic missile at a commercial ship, the U.S. military said.", "ASSAULT"
    )
    assert "USA" not in _countries(event.recipients)


def test_country_in_the_name_of_a_sea_is_neither_party_nor_place() -> None:
    event = _one("Iran seized an oil tanker in the Gulf of Oman on Thursday.", "COERCE")
    assert _countries(event.recipients) == set()
    assert event.location is None or event.location.country != "OMN"


def test_party_said_to_be_to_blame_is_accused_by_the_speaker() -> None:
    event = _one("The Kremlin said Washington was to blame for the escalation.", "ACCUSE")
    assert (_countries(event.actors), _countries(event.recipients)) == ({"RUS"}, {"USA"})
    assert _code("Who is to blame for the crisis?") == []


def test_talks_whose_own_verb_is_still_to_come_are_an_intent_not_a_meeting() -> None:
    events = _code("Peace talks between Armenia and Azerbaijan are expected to resume next week in Geneva.")
    assert [(e.event_type, e.cameo_code) for e in events] == [("AGREE", "036")]
    assert _countries(events[0].actors) == {"ARM", "AZE"}


@sentence_table(TABLE, check="collective_actors_titles_forums_and_verdicts")
def test_collective_actors_titles_forums_and_verdicts(
    text: str, event_type: str, actor_countries: set[str], recipient_countries: set[str]
) -> None:
    _assert_parties(text, event_type, actor_countries, recipient_countries)


def test_target_after_against_does_not_displace_the_accused_named_first() -> None:
    event = _one("Russia accused Georgia of plotting against Abkhazia.", "ACCUSE")
    assert _countries(event.recipients) == {"GEO"}


def test_violence_by_protesters_is_one_riot() -> None:
    events = _code("Protesters stormed the parliament building in Baghdad.")
    assert [(e.event_type, e.event_mode, e.cameo_code) for e in events] == [("PROTEST", "riot", "145")]
    assert _countries(events[0].actors) == {"IRQ"}
    soldiers = _one("Soldiers stormed the rebel headquarters in Goma.", "ASSAULT")
    assert soldiers.event_mode != "riot"


@sentence_table(TABLE, check="recaptures_bars_and_armed_groups_of_present_wars")
def test_recaptures_bars_and_armed_groups_of_present_wars(
    text: str, event_type: str, actor_country: str
) -> None:
    assert actor_country in _countries(_one(text, event_type).actors)


def test_event_named_as_a_topic_or_a_reason_is_no_new_event() -> None:
    met = _code(
        "The Kenyan president met Somali officials in Nairobi to discuss the fight against al-Shabaab."
    )
    assert [e.event_type for e in met] == ["CONSULT"]
    thanked = _code("The Somali president thanked Kenya for its support.")
    assert [e.event_type for e in thanked] == ["SUPPORT"] and thanked[0].trigger == "thanked"
    reiterated = _one("The ILO reiterated its demand that Israel lift the restrictions.", "REQUEST")
    assert _countries(reiterated.recipients) == {"ISR"}
    visit = _one("The Iraqi president arrived in Amman on a surprise visit.", "CONSULT")
    assert visit.event_mode == "visit"


def test_pledge_to_send_troops_is_an_intent_to_help_but_a_vow_to_attack_is_a_threat() -> None:
    pledge = _one("Kenya pledged to send more troops to the peacekeeping mission in Somalia.", "AGREE")
    assert pledge.cameo_code == "033"
    assert _one("Turkey vowed to attack Kurdish militants in Syria.", "THREATEN").cameo_code == "138"


def test_second_finite_verb_after_and_is_an_event_of_its_own() -> None:
    events = _code("The Taliban government denied the claim and accused Pakistan of air strikes in Khost.")
    assert {e.event_type for e in events} == {"REJECT", "ACCUSE"}


def test_verb_in_a_relative_clause_takes_its_antecedent_as_actor() -> None:
    events = _code("Pakistan protested against cross-border attacks that killed seven soldiers.")
    assert not any(e.event_type == "ASSAULT" and "PAK" in _countries(e.actors) for e in events)
    turkey = _one("Turkey, which shelled Kurdish positions on Monday, denied targeting civilians.", "ASSAULT")
    assert _countries(turkey.actors) == {"TUR"}


def test_nationality_coordinated_with_another_shares_its_noun() -> None:
    event = _one("Iranian and European negotiators resumed talks in Vienna on Monday.", "CONSULT")
    assert [(a.country, a.sector) for a in event.actors] == [("IRN", "GOV")]


def test_refusal_to_accept_conditions_is_a_rejection() -> None:
    event = _one("Tehran will not accept new conditions, its chief negotiator said.", "REJECT")
    assert _countries(event.actors) == {"IRN"}


def test_protest_by_a_state_is_diplomatic_but_by_its_people_a_protest() -> None:
    state = _one("Pakistan protested against the cross-border raids.", "ACCUSE")
    assert state.event_mode == "disapprove"
    people = _one("Thousands of Russians protested in Moscow against the war.", "PROTEST")
    assert _countries(people.actors) == {"RUS"}


def test_capital_in_a_clubs_name_does_not_make_a_match_report_political() -> None:
    assert _code("Real Madrid beat Bayern Munich 2-1 to reach the Champions League final.") == []
    assert _countries(_one("Moscow banned the football club from the league.", "COERCE").actors) == {"RUS"}


@sentence_table(TABLE, check="leaders_named_without_their_country_are_coded_with_it")
def test_leaders_named_without_their_country_are_coded_with_it(
    text: str, event_type: str, actor_countries: set[str], recipient_countries: set[str]
) -> None:
    _assert_parties(text, event_type, actor_countries, recipient_countries)


def test_surnames_shared_with_common_words_or_other_leaders_are_not_leaders() -> None:
    # "Major", "Brown", "Castro" and "Kim" alone name nobody in particular.
    for text in (
        "Brown accused the council of negligence.",
        "Castro accused the mayor of corruption.",
        "Kim accused the company of fraud.",
    ):
        assert not {a.country for e in _code(text) for a in e.actors} & {"GBR", "CUB", "PRK"}, text


def test_former_office_holders_are_elites_not_government() -> None:
    event = _one("Former President Jacob Zuma accused Ramaphosa of betrayal.", "ACCUSE")
    assert [(a.country, a.sector) for a in event.actors] == [("ZAF", "ELI")]
    assert [(r.country, r.sector) for r in event.recipients] == [("ZAF", "GOV")]
    blair = _one(
        "British former Prime Minister Tony Blair met Palestinian President Mahmoud Abbas.", "CONSULT"
    )
    assert [(a.country, a.sector) for a in blair.actors] == [("GBR", "ELI")]


@sentence_table(TABLE, check="phrasings_of_a_1990s_wire_round")
def test_phrasings_of_a_1990s_wire_round(
    text: str, event_type: str, actor_countries: set[str], recipient_countries: set[str]
) -> None:
    _assert_parties(text, event_type, actor_countries, recipient_countries)


def test_migrants_entering_a_territory_do_not_mobilize() -> None:
    assert _code("Hundreds of migrants entered Spanish territory at Ceuta on Monday.") == []


@sentence_table(TABLE, check="phrasings_of_a_present_day_round")
def test_phrasings_of_a_present_day_round(
    text: str, event_type: str, actor_countries: set[str], recipient_countries: set[str]
) -> None:
    _assert_parties(text, event_type, actor_countries, recipient_countries)


@sentence_table(TABLE, check="workers_are_labour_and_intelligence_officials_are_intelligence")
def test_workers_are_labour_and_intelligence_officials_are_intelligence(
    text: str, event_type: str, actor_sector: str
) -> None:
    assert _one(text, event_type).actors[0].sector == actor_sector


def test_event_noun_in_a_background_phrase_is_no_new_event_but_a_concurrent_one_is() -> None:
    alert = _code("The Serbian army was put on high alert after clashes in northern Kosovo.")
    assert [e.event_type for e in alert] == ["MOBILIZE"]
    since = _code(
        "Peru granted asylum to five Panamanian officers holed up since last month's U.S. invasion."
    )
    assert "ASSAULT" not in {e.event_type for e in since}
    efforts = _code("Japan halted economic aid to Serbia in line with Western efforts to end the fighting.")
    assert [e.event_type for e in efforts] == ["SANCTION"]
    during = _code("Pakistan signed a trade agreement with Israel during the visit to Istanbul.")
    assert {e.event_type for e in during} == {"SUPPORT", "CONSULT"}


def test_agreement_reached_to_do_something_is_one_event_of_intent() -> None:
    events = _code("Israel and the Palestinians reached a consensus to exchange information on water.")
    assert [(e.event_type, e.cameo_code) for e in events] == [("AGREE", "031")]


def test_denying_entry_is_a_sanction_not_a_denial() -> None:
    event = _one("Hungary denied entry to the Ukrainian delegation on Monday.", "SANCTION")
    assert _countries(event.actors) == {"HUN"}


def test_participle_telling_an_attacks_outcome_is_the_same_event() -> None:
    events = _code("Rebels shelled the Liberian capital Monrovia, killing at least 12 people.")
    assert [(e.event_type, e.trigger) for e in events] == [("ASSAULT", "shelled")]


def test_crowd_with_no_place_is_of_the_country_whose_leader_it_addresses() -> None:
    event = _one(
        "Thousands of students marched to demand the resignation of President Aleksandar Vucic.", "PROTEST"
    )
    assert _countries(event.actors) == {"SRB"}


def test_militants_on_hunger_strike_protest_as_civilians_do() -> None:
    event = _one("Jailed Kurdish militants began a hunger strike in Turkish prisons.", "PROTEST")
    assert event.event_mode == "hunger"


@sentence_table(TABLE, check="military_operations_in_a_region_and_releases_from_prison")
def test_military_operations_in_a_region_and_releases_from_prison(
    text: str, event_type: str, actor_countries: set[str], recipient_countries: set[str]
) -> None:
    _assert_parties(text, event_type, actor_countries, recipient_countries)


def test_a_rescue_operation_is_no_military_one() -> None:
    assert _code("Rescuers launched a rescue operation in the flooded town of Derna.") == []


def test_every_row_of_the_sentence_table_is_read_by_a_test() -> None:
    named, read = table_checks(TABLE)
    assert named == read, f"rows whose check no test reads: {sorted(map(str, named - read))}"
