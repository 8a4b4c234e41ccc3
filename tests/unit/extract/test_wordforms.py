"""Word forms of the lexicon's lemmas: spelling rules and irregular verbs, measured against lemminflect."""

from __future__ import annotations

import datetime as dt
import re

import pytest

from stream.extract.coder import code_article
from stream.extract.gazetteer import ENGLISH_NEAR_NAMES, MISSPELT_WORD_MIN, misspelt_actor
from stream.extract.wordforms import expand_lemmas, noun_forms, verb_forms
from tests.english import english_words
from tests.paths import ROOT

_LEMMA_IN_SOURCE = re.compile(r"(?<![?P])<([a-z]+)(/n)?>")


@pytest.mark.parametrize(
    ("lemma", "forms"),
    [
        ("hand", ("hand", "handed", "handing", "hands")),
        ("strike", ("stricken", "strike", "strikes", "striking", "struck")),
        ("cut", ("cut", "cuts", "cutting")),
        ("withdraw", ("withdraw", "withdrawing", "withdrawn", "withdraws", "withdrew")),
        ("expel", ("expel", "expelled", "expelling", "expels")),
        ("visit", ("visit", "visited", "visiting", "visits")),
        ("cancel", ("cancel", "canceled", "canceling", "cancelled", "cancelling", "cancels")),
        ("carry", ("carried", "carries", "carry", "carrying")),
        ("free", ("free", "freed", "freeing", "frees")),
        ("overrun", ("overran", "overrun", "overrunning", "overruns")),
        ("relay", ("relay", "relayed", "relaying", "relays")),
    ],
)
def test_a_verb_has_every_inflection(lemma: str, forms: tuple[str, ...]) -> None:
    assert verb_forms(lemma) == forms


def test_british_spellings_stand_beside_american_ones() -> None:
    assert {"apologised", "apologized", "apologising", "apologizes"} <= set(verb_forms("apologize"))


def test_a_noun_phrase_takes_its_plural_on_the_last_word() -> None:
    assert noun_forms("hunger strike") == ("hunger strike", "hunger strikes")
    assert noun_forms("inquiry") == ("inquiries", "inquiry")
    assert noun_forms("crisis") == ("crises", "crisis")


def test_a_pattern_names_lemmas_and_keeps_its_regex_groups() -> None:
    pattern = re.compile(expand_lemmas(r"(?P<x><hand> over)|(?<!a)<talk/n>") + r"$")
    assert all(pattern.match(text) for text in ("handed over", "hands over", "talks", "talk"))
    assert not pattern.match("hander over")


def _lemminflect_forms(lemma: str) -> set[str]:
    lemminflect = pytest.importorskip("lemminflect")
    known = dict(lemminflect.getAllInflections(lemma, upos="VERB"))
    for tag, forms in lemminflect.getAllInflectionsOOV(lemma, upos="VERB").items():
        known.setdefault(tag, forms)
    forms = {form for tag in ("VBZ", "VBD", "VBN", "VBG") for form in known.get(tag, ())}
    # lemminflect also spells some compounds apart ("re-took", "over-took"): not the lemma's own forms.
    return {lemma} | {form for form in forms if form.isalpha() or not lemma.isalpha()}


def _lexicon_verbs() -> set[str]:
    source = (ROOT / "stream" / "extract" / "lexicon.py").read_text()
    patterns = " ".join(re.findall(r'\br"((?:[^"\\]|\\.)*)"', source))  # the rows' raw strings
    return {m.group(1) for m in _LEMMA_IN_SOURCE.finditer(patterns) if not m.group(2)}


def test_every_verb_of_the_lexicon_has_at_least_lemminflects_forms() -> None:
    verbs = _lexicon_verbs()
    assert len(verbs) >= 50
    missing = {verb: sorted(_lemminflect_forms(verb) - set(verb_forms(verb))) for verb in sorted(verbs)}
    assert {verb: forms for verb, forms in missing.items() if forms} == {}


def test_the_cameo_dictionarys_verbs_inflect_as_lemminflect_inflects_them() -> None:
    """The field's verb dictionary as a wider sample than the lexicon's own lemmas (the rest are mostly
    lemminflect's variants such as "targetted" and archaic forms such as "throve")."""
    dictionary = ROOT / "stream" / "extract" / "rules" / "source" / "CAMEO.2.0.txt"
    verbs = {
        m.group(1).lower()
        for line in dictionary.read_text(encoding="latin-1").splitlines()
        if (m := re.match(r"([A-Z]+)\s*(?:\{[A-Z ]*\})?\s*(?:#.*)?$", line))
    }
    same = sum(_lemminflect_forms(verb) <= set(verb_forms(verb)) for verb in verbs)
    assert len(verbs) > 1000
    assert same / len(verbs) >= 0.96


def test_no_english_word_is_taken_for_a_misspelt_country() -> None:
    words = english_words()
    taken = sorted(
        word.capitalize()
        for word in words
        if len(word) >= MISSPELT_WORD_MIN and misspelt_actor(word.capitalize()) is not None
    )
    assert taken == []
    assert "Hungry" in ENGLISH_NEAR_NAMES
    assert misspelt_actor("Ethopia") is not None


@pytest.mark.parametrize(
    "sentence",
    [
        "The former minister died of a heart attack in Nairobi.",
        "Ukraine brought a case under the genocide convention.",
        "Kenya stepped up the fight against corruption on Monday.",
    ],
)
def test_a_trigger_word_in_an_idiom_codes_nothing(sentence: str) -> None:
    assert [e.event_type for e in code_article("idiom", sentence, dt.date(2024, 5, 1))] == []


def test_the_same_word_outside_an_idiom_still_codes() -> None:
    events = code_article("idiom", "Russian troops attacked a Ukrainian village.", dt.date(2024, 5, 1))
    assert [e.event_type for e in events] == ["ASSAULT"]
