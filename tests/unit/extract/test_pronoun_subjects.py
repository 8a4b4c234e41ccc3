"""A clause opening with a subject pronoun is done by the party of that kind the sentence before names."""

from __future__ import annotations

import datetime as dt

import pytest

from stream.extract.coder import code_article

_DATE = dt.date(2024, 3, 1)


def _coded(text: str) -> list[tuple[str, list[str | None], list[str | None]]]:
    return [
        (e.event_type, [a.country for a in e.actors], [r.country for r in e.recipients])
        for e in code_article("pronoun", text, _DATE)
    ]


@pytest.mark.parametrize(
    ("text", "event_type", "actor", "recipient"),
    [
        (
            "Iranian Foreign Minister Abbas Araqchi arrived in Beijing on Monday. "
            "He met Chinese Foreign Minister Wang Yi on Tuesday.",
            "CONSULT", "IRN", "CHN",
        ),
        (
            "Brazilian President Luiz Inacio Lula da Silva flew to Caracas on Sunday. "
            "He later praised the Venezuelan government for its restraint.",
            "SUPPORT", "BRA", "VEN",
        ),
        (
            "Pakistan summoned the Afghan envoy on Monday. It later expelled two Afghan diplomats.",
            "SANCTION", "PAK", "AFG",
        ),
        (
            "The Nigerian government said it would send troops to Niger. "
            "It also urged the Malian junta to hold elections.",
            "REQUEST", "NGA", "MLI",
        ),
        (
            "Kenyan teachers gathered outside the Education Ministry in Nairobi on Monday; "
            "they marched to parliament in the afternoon.",
            "PROTEST", "KEN", None,
        ),
    ],
)  # fmt: skip
def test_a_subject_pronoun_stands_for_the_party_named_before(
    text: str, event_type: str, actor: str, recipient: str | None
) -> None:
    coded = [c for c in _coded(text) if c[0] == event_type]
    assert coded, _coded(text)
    assert actor in coded[-1][1]
    assert recipient is None or recipient in coded[-1][2]


@pytest.mark.parametrize(
    "text",
    [
        # No party before the pronoun.
        "He met Chinese Foreign Minister Wang Yi on Tuesday.",
        # The sentence before names only a place and a storm.
        "Heavy rain fell on Paris on Monday. It also hit London and forced the closure of schools.",
        # "he" with only a state named before: no person to stand for.
        "Russia held elections on Sunday. He then met the French ambassador.",
        # A form of "be": the pronoun names who was acted on, or nobody ("It is expected").
        "It was agreed that the talks would go on.",
    ],
)
def test_a_pronoun_with_no_party_of_its_kind_before_it_names_no_doer(text: str) -> None:
    consult = [c for c in _coded(text) if c[0] in ("CONSULT", "AGREE")]
    assert consult == []


@pytest.mark.parametrize(
    ("text", "event_type", "actor", "recipient"),
    [
        ("Zambian opposition leader Hakainde Hichilema returned to Lusaka on Friday. "
         "He was detained by Zambian police at the airport.", "COERCE", "ZMB", "ZMB"),
        ("Two French journalists drove into northern Mali on Monday. "
         "They were kidnapped by Malian rebels near Kidal.", "ASSAULT", "MLI", "FRA"),
        ("The Dutch ambassador returned to Ankara on Monday; he was expelled by Turkey on Friday.",
         "SANCTION", "TUR", "NLD"),
    ],
)  # fmt: skip
def test_a_passive_pronoun_is_the_party_acted_on(
    text: str, event_type: str, actor: str, recipient: str
) -> None:
    coded = [c for c in _coded(text) if c[0] == event_type]
    assert coded, _coded(text)
    assert actor in coded[-1][1]
    assert recipient in coded[-1][2]


def test_the_pronoun_actor_is_the_earlier_party_with_the_pronoun_as_its_span() -> None:
    text = "Pakistan summoned the Afghan envoy on Monday. It later expelled two Afghan diplomats."
    expel = next(e for e in code_article("pronoun", text, _DATE) if e.event_type == "SANCTION")
    (actor,) = expel.actors
    assert (actor.text, actor.country) == ("Pakistan", "PAK")
    assert actor.span is not None
    assert expel.sentence[actor.span.start : actor.span.end] == "It"
