"""Each speed shortcut of the coder finds exactly what the plain computation it replaces finds."""

from __future__ import annotations

import json
import random
import re

import pytest

from stream.extract.actors import (
    _CAPITALISED,
    _GROUP,
    _LOCATIVE_WINDOW,
    _NOUN_OF,
    _OF_ENDS,
    _OF_FROM_ENDS,
    _TITLE_OF,
    _after_locative,
    _ending_before,
)
from stream.extract.lexicon import (
    PREFIX_LENGTH,
    anchored_trigger_pattern,
    trie_alternation,
    trigger_dispatch,
    trigger_start_pattern,
)
from stream.extract.text import _ONE_TO_ONE_CHARS, WordStartScan, normalize
from tests.paths import GOLD

_WORDS = ["of", "from", "the", "The", "Prime", "Minister", "x1", "ab", "", "of the", "\n", ",", "US", "a"]


def _random_texts(seed: int, words: list[str], count: int) -> list[str]:
    rng = random.Random(seed)
    texts = []
    for _ in range(count):
        text = " ".join(rng.choice(words) for _ in range(rng.randint(1, 10)))
        texts.append(text + rng.choice(("", " ", " \n")))
    return texts


@pytest.mark.parametrize(("pattern", "endings"), [(_NOUN_OF, _OF_FROM_ENDS), (_TITLE_OF, _OF_ENDS)])
def test_noun_and_title_before_a_mention_are_found_from_a_short_tail(
    pattern: re.Pattern[str], endings: tuple[str, ...]
) -> None:
    found = 0
    for text in _random_texts(1, _WORDS, 30_000):
        end = len(text)
        full = pattern.search(text, 0, end)
        tail = _ending_before(pattern, endings, text, end)
        assert (full and (full.span(), full.group(1))) == (tail and (tail.span(), tail.group(1))), text
        found += full is not None
    assert found > 300  # the generated texts do reach both outcomes


def test_every_word_start_where_a_trigger_matches_is_a_trigger_start() -> None:
    gold = (GOLD / "plover_gsr_dev.jsonl").read_text()
    words = sorted({w for line in gold.splitlines() for w in json.loads(line)["text"].split()})
    words += ["took", "hostages", "fired", "tear", "gas", "held", "talks", "re-elected", "-", "'s"]
    anchored = anchored_trigger_pattern()
    dispatch = trigger_dispatch()
    matched = candidates = word_starts = 0
    for text in _random_texts(2, words, 20_000):
        lowered = text.lower()
        starts = [m.start() for m in re.finditer(r"(?<![\w-])\w", lowered)]
        triggered = [pos for pos in starts if anchored.match(lowered, pos)]
        found = [m.start() for m in trigger_start_pattern().finditer(lowered)]
        assert set(triggered) <= set(found), text
        assert all(lowered[pos : pos + PREFIX_LENGTH] in dispatch for pos in found), text
        matched += len(triggered)
        candidates += len(found)
        word_starts += len(starts)
    assert matched > 2_000  # the generated texts do hold triggers
    assert candidates < word_starts / 5  # and most words are never tried


def test_trie_alternation_matches_exactly_its_words() -> None:
    words = ["at", "ate", "attack", "be", "b", "bee", "x.y"]
    pattern = re.compile(trie_alternation(words))
    assert sorted(w for w in [*words, "a", "atta", "bees", "xzy", ""] if pattern.fullmatch(w)) == sorted(
        words
    )


def test_normalize_replaces_exactly_what_the_translation_table_does() -> None:
    table = str.maketrans(_ONE_TO_ONE_CHARS)
    rng = random.Random(3)
    alphabet = [*_ONE_TO_ONE_CHARS, "a", " ", "\n", ".", "é", "ß"]
    for _ in range(5_000):
        text = "".join(rng.choice(alphabet) for _ in range(rng.randint(0, 30)))
        assert normalize(text) == text.translate(table)
        assert len(normalize(text)) == len(text)  # offsets into the normalized text stay valid


# The locative cue as first written: a search for it at the end of the text before a name.
_LOCATIVE_AS_WRITTEN = re.compile(
    r"(?:\b(?:in|at|into|inside|near|across|toward|towards|outside|within|throughout|through|over|"
    r"border with|borders? of|region of|province of|city of|town of|village of|port of|enclave of|"
    r"outskirts of|suburbs? of|district of|capital of|population of|minority of|minorities of|"
    r"north of|south of|east of|west of|"
    r"border between|arrived in|travelled to|traveled to|flew to|visit to)"
    r"|\bborder between \w+ and)\s+(?:the\s+)?(?:(?:north|south|east|west|central|north-?east|north-?west|"
    r"south-?east|south-?west)(?:ern)?\s+)?$",
    re.IGNORECASE,
)


def test_locative_cue_read_backwards_decides_as_the_cue_pattern_does() -> None:
    words = [
        *("in", "near", "region of", "border between", "Iran", "and", "the", "northern", "north-east"),
        *("Into", "arrived in", "flew to", "built-in", "(in", "within", "said", "x", ",", "\n", "visit to"),
        *("northeastern", "South-WestERN", "Borders of", "suburbs of", "central", "  "),
    ]
    found = 0
    for text in _random_texts(4, words, 30_000):
        end = len(text)
        expected = _LOCATIVE_AS_WRITTEN.search(text[max(0, end - _LOCATIVE_WINDOW) : end]) is not None
        assert _after_locative(text, end) == expected, text
        found += expected
    assert found > 3_000  # the generated texts do reach both outcomes


# The collective-actor pattern as first written, an ordered list of alternatives.
_GROUP_AS_A_LIST = re.compile(
    r"\b(?:(?:Students|Workers|Refugees|Settlers|Villagers|Peasants|Authorities|Prosecutors|Kidnappers|Captors|"
    r"Pirates|Teachers)"
    r"(?=\s+(?:in|from|of|[a-z]+ed)\b)|Rebels|Militants|Gunmen|Insurgents|Guerrillas|Protesters|Demonstrators|"
    r"Security forces|Police|Policemen|Soldiers|Troops|"
    r"people|students|protesters|demonstrators|workers|refugees|settlers|villagers|civilians|residents|peasants|"
    r"pupils|schoolchildren|schoolgirls|government|authorities|"
    r"police|policemen|government (?:forces|troops|soldiers)|armed forces|soldiers|troops|security forces|"
    r"rebels|militants|gunmen|insurgents|guerrillas|"
    r"activists|landowners|farmers|militiamen|fundamentalists|"
    r"opposition (?:coalition|party|leaders?|figures?|politicians?)|dissidents?|journalists?|party)\b"
)


def test_collective_actor_tries_find_what_the_ordered_list_finds() -> None:
    words = [
        *("Students", "in", "from", "x", "police", "policemen", "Police", "government", "forces", "troops"),
        *("opposition", "leaders", "leader", "party", "dissident", "dissidents", "Security", "armed", "-"),
        *("journalist's", "pro-government", "peoples", "students", "Refugees", "of", ","),
        *("rioted", "Authorities"),
    ]
    found = 0
    for text in _random_texts(5, words, 20_000):
        expected = [m.span() for m in _GROUP_AS_A_LIST.finditer(text)]
        assert [m.span(1) for m in _GROUP.finditer(text)] == expected, text
        found += len(expected)
    assert found > 20_000


_WORD_START_BODIES = [
    r"(?:on|one|monday(?: \((?P<dom>\d{1,2})\))?|\d{1,2} may)\b",
    r"(?:Police|police|people)\b",
    r"(?:when|after|as)\s+",
]


@pytest.mark.parametrize("body", _WORD_START_BODIES)
def test_word_start_scan_finds_what_the_plain_pattern_finds(body: str) -> None:
    words = ["on", "one", "monday", "(28)", "(28)on", "28 may", "may", "x-on", "_on", "Police", "people"]
    words += ["police", "when", "after", "as", "after,", "é", ".", "'s", "3"]
    plain = re.compile(r"\b(?:" + body + ")")
    scan = WordStartScan(body)
    rng = random.Random(7)
    found = 0
    for text in _random_texts(7, words, 20_000):
        pos = rng.randint(0, len(text))
        endpos = rng.randint(pos, len(text))
        expected = [(m.span(), m.groupdict()) for m in plain.finditer(text, pos, endpos)]
        assert [(m.span(1), m.groupdict()) for m in scan.finditer(text, pos, endpos)] == expected, text
        first = plain.search(text, pos, endpos)
        second = scan.search(text, pos, endpos)
        assert (first and first.span()) == (second and second.span(1)), text
        found += len(expected)
    assert found > 1_000  # the generated texts do hold matches, at the start and after a position


def test_capitalised_runs_open_with_the_capital_and_find_what_a_leading_word_boundary_finds() -> None:
    plain = re.compile(r"\b[A-Z][\w'-]+(?: [A-Z][\w'-]+){0,2}")
    words = ["Geneva", "the", "New", "York", "x-Ray", "aB", "O'Neil", "_Al", "é", "Éa", "3D", ",", "'s", "Al"]
    found = 0
    for text in _random_texts(8, words, 20_000):
        expected = [m.span() for m in plain.finditer(text)]
        assert [m.span() for m in _CAPITALISED.finditer(text)] == expected, text
        found += len(expected)
    assert found > 20_000
