"""The verb dictionary as triggers: the automaton and the pure scan agree, the rows kept code emitted
types, and the readings of a verb follow the language (voice, noun readings, blockers)."""

from __future__ import annotations

import functools

import orjson
import pytest

from stream.bench.extract import generate_articles
from stream.extract.hits import sentence_hits
from stream.extract.lexicon import trigger_start_pattern, triggers
from stream.extract.rules.codes import plover_for
from stream.extract.rules.models import PLOVER_TYPES
from stream.extract.taxonomy import MODES_BY_TYPE
from stream.extract.text import normalize, split_sentences
from stream.extract.verbs import (
    _SPACING,
    VerbDictionary,
    _spaced,
    dictionary,
    dictionary_hits,
    find_verb_forms,
    find_verb_forms_pure,
    noun_readings,
    noun_table,
    scan,
)
from tests.paths import GOLD


@functools.cache
def _sentences() -> list[str]:
    texts = generate_articles(150, seed=11)
    for name in ("plover_gsr_dev.jsonl", "coder_sentences.jsonl", "wire_sentences.jsonl"):
        for line in (GOLD / name).read_bytes().splitlines():
            row = orjson.loads(line)
            texts.append(str(row.get("text") or row.get("sentence") or ""))
    texts += (GOLD / "negative_sentences.txt").read_text("utf-8").splitlines()
    return [s.text for text in texts for s in split_sentences(normalize(text))]


def test_automaton_and_pure_scan_find_the_same_verb_forms() -> None:
    sentences = _sentences()
    assert len(sentences) > 3000
    found = 0
    for sentence in sentences:
        lowered = sentence.lower()
        compiled = find_verb_forms(lowered)
        assert compiled == find_verb_forms_pure(lowered), sentence
        found += len(compiled)
    assert found > len(sentences)  # the check compared real candidates, not empty lists


def test_one_automaton_pass_gives_the_hand_triggers_start_scan() -> None:
    # Marks before a word in and outside ASCII: an apostrophe, brackets, an ellipsis, a hyphen (none).
    sentences = _sentences()
    variants = [
        s.replace(" ", " '", 5).replace(" ", "(", 3).replace(" ", "\u2026", 2) for s in sentences[:800]
    ]
    variants += ["'visit", "re-visited 'talks' (attacks) \u00e9visit \u2026visit", "Visit", ""]
    starts = 0
    for sentence in (*sentences, *variants):
        lowered = sentence.lower()
        found, _present, scanned = scan(lowered)
        assert scanned == [m.start() for m in trigger_start_pattern().finditer(lowered)], sentence
        assert find_verb_forms(lowered) == [(a, -b, form) for a, b, form in found]
        starts += len(scanned)
    assert starts > len(sentences)  # the check compared real starts, not empty lists


def test_forms_are_found_only_at_word_boundaries() -> None:
    lowered = "re-admitted the accused's demands; readmit them, unarmed"
    for candidate in find_verb_forms(lowered):
        assert lowered[candidate.start : candidate.end] == candidate.form
        assert candidate.start == 0 or not lowered[candidate.start - 1].isalnum()
        assert lowered[candidate.start - 1 : candidate.start] != "-"


def test_every_kept_rule_codes_an_emitted_type_with_a_manual_mode() -> None:
    verbs = dictionary()
    codes = {code for rules in verbs.rules.values() for r in rules for code in (r.active, r.passive)}
    for code in codes - {"---"}:
        row = plover_for(code)
        assert row is not None, code
        if row.plover is not None:
            assert row.plover in PLOVER_TYPES
            assert row.mode is None or row.mode in MODES_BY_TYPE[row.plover], code
    assert any(r.active != "---" for rules in verbs.rules.values() for r in rules)


def test_the_report_accounts_for_every_pattern() -> None:
    report = dictionary().report
    patterns = sum(n for key, n in report.items() if not key.startswith("verb's own code"))
    assert patterns == 4673
    assert report["kept"] > 3000


def _coded(sentence: str) -> list[tuple[str, str, str]]:
    return [
        (h.trigger.event_type, h.trigger.cameo, sentence[h.start : h.end])
        for h in dictionary_hits(sentence, sentence.lower())
    ]


@pytest.mark.parametrize(
    ("sentence", "event_type", "phrase"),
    [
        ("The union called off the strike on Friday.", "CONCEDE", "called off the strike"),
        ("Troops completed their withdrawal from the town.", "RETREAT", "completed their withdrawal"),
        ("The governor eased the curfew.", "CONCEDE", "eased the curfew"),
        ("Police opened an investigation into the deaths.", "ACCUSE", "opened an investigation"),
    ],
)
def test_a_pattern_codes_the_verb_with_its_object(sentence: str, event_type: str, phrase: str) -> None:
    assert [(t, p) for t, _c, p in _coded(sentence)] == [(event_type, phrase)]


@pytest.mark.parametrize(
    "sentence",
    [
        "They discussed the end of the curfew.",  # "end" after "the": a noun
        "Lifting the curfew eased tensions.",  # no pattern of "ease" takes "tensions" here
        "The Curfew Eased Act was debated.",  # capitalised inside the sentence: a name
        "Residents were clearing the curfew debris.",  # no reading of "clear" is an event
    ],
)
def test_noun_readings_and_names_code_nothing(sentence: str) -> None:
    assert _coded(sentence) == []


def test_a_verb_that_is_also_a_noun_is_read_as_a_verb_only_in_a_verb_context() -> None:
    # "supply" is a noun after "water"; after "to" it is a verb (a complement: see hits).
    assert _coded("Workers repaired the water supply to the stadium.") == []


def test_hand_triggers_keep_their_rows() -> None:
    # The dictionary adds triggers; the hand rows stand as they are (their order is their priority).
    assert all(not t.pattern.startswith("dictionary") for t in triggers())


def test_the_noun_table_is_what_lemminflect_rebuilds_from_the_verbs() -> None:
    # The coder reads the table; lemminflect (the dev extra) is needed only to rebuild it.
    rebuilt = noun_readings(VerbDictionary.verbs())
    assert frozenset(rebuilt) == noun_table()
    assert {"attack", "supplies", "demand"} <= noun_table()
    assert "condemns" not in noun_table()


def _sentence_hits(sentence: str) -> list[tuple[bool, str, str, str]]:
    return [
        (h.trigger.dictionary, h.event_type, h.cameo, sentence[h.start : h.end])
        for h in sentence_hits(sentence)
    ]


def test_a_dictionary_hit_joins_the_hand_hits_where_no_hand_row_reads_the_phrase() -> None:
    assert _sentence_hits("The two sides exchanged ambassadors in March.") == [
        (True, "SUPPORT", "054", "exchanged ambassadors")
    ]


def test_negation_and_modality_apply_to_dictionary_hits_as_to_hand_rows() -> None:
    assert _sentence_hits("The two sides never exchanged ambassadors.") == []
    # announced cooperation is an intent (CAMEO 032), as for the hand rows
    assert _sentence_hits("The two sides will exchange ambassadors next month.") == [
        (True, "AGREE", "032", "exchange ambassadors")
    ]
    assert _sentence_hits("Talks on whether to exchange ambassadors stalled.") == []


def test_a_hand_row_keeps_a_phrase_the_dictionary_also_reads() -> None:
    # CALL OFF + STRIKE is also a dictionary pattern; the hand row reads it first and keeps it.
    assert _sentence_hits("The union called off the strike on Friday.") == [
        (False, "CONCEDE", "082", "called off the strike")
    ]


def test_the_spaced_copy_maps_every_character_as_the_translation_table_does() -> None:
    ascii_text = "".join(map(chr, range(128)))
    for text in (ascii_text, ascii_text + "\u00e9\u2026'x", "l'\u00e9t\u00e9 (talks)"):
        assert _spaced(text) == " " + text.translate(_SPACING) + " "
    assert _spaced("a,b'c-d(e") == " a b'c-d e "
