"""Parties attached across clauses: a participle clause's subject, a crowd counted before its noun."""

from __future__ import annotations

import datetime as dt

import pytest

from stream.extract.actors import find_actors, find_places
from stream.extract.hits import sentence_hits
from stream.extract.roles import roles

DAY = dt.date(2024, 5, 1)


def _roles(text: str, event_type: str) -> tuple[set[str], set[str]]:
    """The countries of the actors and recipients of the sentence's first hit of that type."""
    hit = next(h for h in sentence_hits(text) if h.event_type == event_type)
    actors, recipients = roles(text, hit, find_actors(text), find_places(text))
    return {a.country for a in actors}, {r.country for r in recipients}


@pytest.mark.parametrize(
    ("text", "event_type", "actors", "recipients"),
    [
        (
            "Rejecting the latest ceasefire offer, Ukrainian commanders vowed to fight on.",
            "REJECT",
            {"UKR"},
            set(),
        ),
        (
            "Accusing Moscow of meddling in the vote, Moldova expelled two Russian diplomats.",
            "ACCUSE",
            {"MDA"},
            {"RUS"},
        ),
        (
            "Threatening retaliation against Seoul, North Korea fired two missiles into the sea.",
            "THREATEN",
            {"PRK"},
            {"KOR"},
        ),
        (
            "Pulling back from the disputed town, Armenian forces left their positions.",
            "RETREAT",
            {"ARM"},
            set(),
        ),
        ("Denouncing the coup, the Nigerian government recalled its ambassador.", "ACCUSE", {"NGA"}, set()),
    ],
)
def test_an_opening_participle_clauses_subject_is_the_main_clauses(
    text: str, event_type: str, actors: set[str], recipients: set[str]
) -> None:
    assert _roles(text, event_type) == (actors, recipients)


def test_a_preposition_in_ing_opens_no_participle_clause() -> None:
    # "During the talks" names an event, not who held them; "Beijing" is a name, not a participle.
    actors, _ = _roles("During the attack on Kyiv, Poland scrambled its jets.", "ASSAULT")
    assert "POL" not in actors
    actors, _ = _roles("Beijing on Monday denounced the sanctions, the foreign ministry said.", "ACCUSE")
    assert actors == {"CHN"}


def test_a_trigger_in_the_main_clause_keeps_its_own_subject() -> None:
    actors, recipients = _roles("Speaking in Berlin, the French president accused Russia of lying.", "ACCUSE")
    assert (actors, recipients) == ({"FRA"}, {"RUS"})


@pytest.mark.parametrize(
    ("text", "actors", "recipients"),
    [
        (
            "Hundreds of Iranian students gathered in Tehran, chanting slogans against Washington.",
            {"IRN"},
            {"USA"},
        ),
        ("Thousands of Kenyan farmers marched on parliament, chanting slogans.", {"KEN"}, set()),
        ("Dozens of Chilean miners staged a sit-in, protesting against the pension law.", {"CHL"}, set()),
    ],
)
def test_a_crowd_counted_before_its_noun_is_the_subject_of_a_trailing_participle(
    text: str, actors: set[str], recipients: set[str]
) -> None:
    hits = [h for h in sentence_hits(text) if h.event_type == "PROTEST"]
    mentions, places = find_actors(text), find_places(text)
    found = [roles(text, h, mentions, places) for h in hits]
    assert ({a.country for a in found[-1][0]}, {r.country for r in found[-1][1]}) == (actors, recipients)


def test_a_trailing_participle_after_a_storm_still_names_no_actor() -> None:
    text = "Heavy storms hit southern Spain, killing two people."
    hits = sentence_hits(text)
    assert all(not roles(text, h, find_actors(text), find_places(text))[0] for h in hits)


def test_coordinated_subjects_share_an_event_noun_after_in_a() -> None:
    actors, _ = _roles(
        "Italian and Greek coast guards rescued 300 migrants in a joint operation on Friday.", "COOPERATE"
    )
    assert actors == {"ITA", "GRC"}


@pytest.mark.parametrize(
    ("text", "event_type", "actors", "recipients"),
    [
        ("A general strike called by Nigerian unions shut down Lagos on Monday.", "PROTEST", {"NGA"}, set()),
        ("The hunger strike by Bahraini detainees entered its third week.", "PROTEST", {"BHR"}, set()),
        ("Air strikes by Saudi jets hit a market in northern Yemen.", "ASSAULT", {"SAU"}, {"YEM"}),
        ("The visit by the Chinese premier to Pakistan was postponed.", "CONSULT", {"CHN"}, {"PAK"}),
        ("The visit of the Israeli president to Bahrain angered Iran.", "CONSULT", {"ISR"}, {"BHR"}),
        (
            "The expulsion of Iranian diplomats by Argentina followed the bombing.",
            "SANCTION",
            {"ARG"},
            {"IRN"},
        ),
    ],
)
def test_an_event_nouns_doer_is_named_after_by_or_for_what_one_does_alone_after_of(
    text: str, event_type: str, actors: set[str], recipients: set[str]
) -> None:
    assert _roles(text, event_type) == (actors, recipients)


def test_a_passive_participle_keeps_its_agent_and_its_subject_as_the_target() -> None:
    # "killed by" is a passive's, not an event noun's: the one killed stays the target.
    assert _roles("Two Afghan soldiers were killed by Pakistani troops on Monday.", "ASSAULT") == (
        {"PAK"},
        {"AFG"},
    )


def test_the_object_of_a_noun_of_what_is_done_to_others_is_its_target_not_its_doer() -> None:
    # "the arrest of", "the shelling of": the party after "of" suffers it.
    text = "The shelling of Armenian border villages by Azerbaijani forces drew condemnation."
    assert _roles(text, "ASSAULT") == ({"AZE"}, {"ARM"})


@pytest.mark.parametrize(
    ("text", "event_type", "actors", "recipients"),
    [
        ("The European Union handed Belgrade an ultimatum over Kosovo.", "THREATEN", {"IGO"}, {"SRB"}),
        ("Ankara issued Athens a formal protest over the airspace violations.", "PROTEST", {"TUR"}, {"GRC"}),
        # A host's guest is the visitor: the guest acts, the host receives (PLOVER CONSULT).
        (
            "Lula received the Argentine president in Brasilia for talks on trade.",
            "CONSULT",
            {"ARG"},
            {"BRA"},
        ),
        (
            "The Kenyan president hosted his Ugandan counterpart for talks on the border dispute.",
            "CONSULT",
            {"UGA"},
            {"KEN"},
        ),
    ],
)
def test_the_object_of_a_verb_before_an_event_noun_is_its_other_party(
    text: str, event_type: str, actors: set[str], recipients: set[str]
) -> None:
    hits = [h for h in sentence_hits(text) if h.event_type == event_type]
    mentions, places = find_actors(text), find_places(text)
    found = roles(text, hits[-1], mentions, places)
    assert ({a.country for a in found[0]}, {r.country for r in found[1]}) == (actors, recipients)


def test_an_event_noun_after_a_subject_and_its_verb_keeps_the_subject() -> None:
    # "sent troops to Syria for talks": no object before the noun, the subject acts.
    assert _roles("Egypt met with Israeli officials for talks on Gaza.", "CONSULT")[0] == {"EGY"}


@pytest.mark.parametrize(
    ("text", "event_type", "actors", "recipients"),
    [
        (
            "The Chinese defence minister warned that China would never let Taiwan go.",
            "THREATEN",
            {"CHN"},
            {"TWN"},
        ),
        ("Putin warned that Russia would respond to any NATO deployment.", "THREATEN", {"RUS"}, {"IGO"}),
    ],
)
def test_the_actors_own_state_named_after_it_is_not_its_target(
    text: str, event_type: str, actors: set[str], recipients: set[str]
) -> None:
    assert _roles(text, event_type) == (actors, recipients)


def test_the_destination_after_a_passives_agent_is_a_target_too() -> None:
    assert _roles("The fugitive banker was extradited by Spain to Argentina in March.", "COOPERATE") == (
        {"ESP"},
        {"ARG"},
    )


@pytest.mark.parametrize(
    ("text", "event_type", "recipients"),
    [
        ("Cuba sent Cuban doctors to Italy in March.", "AID", {"ITA"}),
        ("Seoul will send a Red Cross team to Pyongyang next week.", "AGREE", {"PRK"}),
        ("Nigeria offered to send Nigerian peacekeepers to Liberia.", "AGREE", {"LBR"}),
    ],
)
def test_who_is_sent_goes_to_the_target_named_after_to(
    text: str, event_type: str, recipients: set[str]
) -> None:
    assert _roles(text, event_type)[1] == recipients


@pytest.mark.parametrize(
    ("text", "actors", "recipients"),
    [
        ("Palestinian prisoners in Israeli jails launched a hunger strike on Monday.", {"PSE"}, {"ISR"}),
        ("Kurdish detainees in Iranian prisons began a hunger strike on Monday.", {"IRN"}, set()),
        ("Greek dockworkers staged a strike in Piraeus.", {"GRC"}, set()),
    ],
)
def test_those_who_protest_in_a_foreign_jail_protest_against_their_jailer(
    text: str, actors: set[str], recipients: set[str]
) -> None:
    assert _roles(text, "PROTEST") == (actors, recipients)


@pytest.mark.parametrize(
    ("text", "event_type", "actors", "recipients"),
    [
        ("Russia sent troops to Syria for a ground offensive.", "ASSAULT", {"RUS"}, {"SYR"}),
        ("Washington flew bombers to Guam for joint exercises with Japan.", "COOPERATE", {"USA"}, {"JPN"}),
    ],
)
def test_an_event_noun_a_clause_is_for_is_its_subjects_doing(
    text: str, event_type: str, actors: set[str], recipients: set[str]
) -> None:
    assert _roles(text, event_type) == (actors, recipients)


def test_an_event_noun_after_a_prepositions_object_still_names_who_did_it() -> None:
    # "sanctions on Iranian officials over the crackdown": the officials cracked down.
    assert _roles("Western sanctions on Iranian officials over the crackdown took effect.", "COERCE")[0] == {
        "IRN"
    }


@pytest.mark.parametrize(
    ("text", "actors"),
    [
        (
            "CAIRO, Sept. 11 (AP) - Demonstrators scaled the walls of the U.S. embassy in Cairo and tore "
            "down the American flag in protest at a film.",
            {"EGY"},
        ),
        (
            "Angry Kenyan farmers dumped milk outside the agriculture ministry in protest at low prices.",
            {"KEN"},
        ),
    ],
)
def test_an_event_phrase_opening_with_in_is_the_clauses_subjects_doing(text: str, actors: set[str]) -> None:
    hits = [h for h in sentence_hits(text) if h.event_type == "PROTEST"]
    mentions, places = find_actors(text), find_places(text)
    assert {a.country for a in roles(text, hits[-1], mentions, places)[0]} == actors


@pytest.mark.parametrize(
    ("text", "event_type", "recipients"),
    [
        ("Cuba's leader hailed the Sandinista victory in Nicaragua.", "SUPPORT", {"NIC"}),
        ("The UN welcomed the ceasefire in Yemen.", "SUPPORT", {"YEM"}),
    ],
)
def test_praise_of_what_happened_in_a_place_is_for_its_party(
    text: str, event_type: str, recipients: set[str]
) -> None:
    assert _roles(text, event_type)[1] == recipients


def test_a_capital_named_as_a_venue_is_no_target_of_praise() -> None:
    text = "Welcoming the Rome peace accord, the Canadian government said it backed the talks."
    assert _roles(text, "SUPPORT") == ({"CAN"}, set())


def test_an_opening_passive_participles_agent_is_neither_the_main_subject_nor_a_target() -> None:
    text = (
        "Angered by Turkey's raids, Greek shoppers shunned Turkish goods and thousands marched past the "
        "Turkish embassy."
    )
    assert _roles(text, "PROTEST")[0] == {"GRC"}
    assert _roles(text, "COERCE") == ({"TUR"}, set())


@pytest.mark.parametrize(
    ("text", "actors", "recipients"),
    [
        ("Dozens of journalists have been jailed in Turkey since the failed coup.", {"TUR"}, {"TUR"}),
        ("Opposition activists were arrested in Minsk after the vote.", {"BLR"}, {"BLR"}),
        ("Russian journalists were detained in Ukraine on Monday.", {"UKR"}, {"RUS"}),
    ],
)
def test_an_arrest_of_dissenters_with_no_agent_is_the_authorities_where_it_happened(
    text: str, actors: set[str], recipients: set[str]
) -> None:
    assert _roles(text, "COERCE") == (actors, recipients)


@pytest.mark.parametrize(
    "text",
    [
        "Three men were arrested in London over a robbery.",
        "Two suspected smugglers were arrested in Lagos.",
        "Police arrested three journalists in Paris.",
    ],
)
def test_an_arrest_of_anyone_else_or_in_the_active_names_no_authority_by_place(text: str) -> None:
    hits = [h for h in sentence_hits(text) if h.event_type == "COERCE"]
    mentions, places = find_actors(text), find_places(text)
    assert all(
        not any(a.text in ("London", "Lagos", "Paris") for a in roles(text, h, mentions, places)[0])
        for h in hits
    )


@pytest.mark.parametrize(
    ("text", "state"),
    [
        ("Britain handed Hong Kong back to China in 1997.", "CHN"),
        ("Russia handed South Ossetia back to Georgia.", "GEO"),
    ],
)
def test_the_state_a_territory_is_handed_back_to_is_its_target(text: str, state: str) -> None:
    assert state in _roles(text, "RETREAT")[1]


def test_a_withdrawal_from_a_place_adds_no_state_after_it() -> None:
    assert _roles("Israel withdrew from Gaza in 2005.", "RETREAT") == ({"ISR"}, {"PSE"})


@pytest.mark.parametrize(
    ("text", "recipients"),
    [
        ("A US drone strike killed an Islamic State commander in eastern Syria.", {"IMG", "SYR"}),
        ("French troops killed a senior al-Qaeda leader in northern Mali.", {"IMG", "MLI"}),
        # A group of one state holds its territory: no place is added.
        ("Israeli jets struck Hamas targets in Gaza.", {"PSE"}),
    ],
)
def test_an_attack_on_a_transnational_group_targets_the_state_where_it_happened_too(
    text: str, recipients: set[str]
) -> None:
    assert _roles(text, "ASSAULT")[1] == recipients
