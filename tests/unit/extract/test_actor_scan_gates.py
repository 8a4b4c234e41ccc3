"""The group and body scans are skipped only in sentences where they would find nothing."""

from __future__ import annotations

import pytest

from stream.bench.extract import generate_articles
from stream.extract.actors import (
    _BODY_FIRST_WORDS,
    _BODY_NAME,
    _GROUP,
    _GROUP_FIRST_WORDS,
    _TOKEN,
    _tokens,
    _word_parts,
)
from stream.extract.text import normalize, split_sentences
from tests.paths import GOLD

# Names where a word starts inside a token: after a hyphen, an apostrophe, dotted initials, at the start.
_EDGES = [
    "Anti-police protesters marched in Lagos.",
    "Pro-democracy-minded students rallied in Hong Kong.",
    "The Pan-African Parliament met in Midrand.",
    "Students rioted after the vote.",
    "U.S.-trained militias attacked the town.",
    "The o'police of the town said nothing.",
    "Officials of the Inter-American Development Bank arrived.",
    "Asia-Pacific Economic Cooperation leaders met in Lima.",
    "The United Nations Security Council voted on Tuesday.",
    "Islamic State fighters attacked the village.",
    "Opposition leaders demanded a recount.",
    "Trade unions called a general strike.",
]


def _sentences() -> list[str]:
    texts = [s.text for article in generate_articles(400) for s in split_sentences(normalize(article))]
    for path in sorted(GOLD.glob("*.txt")):
        texts += [line for line in path.read_text().splitlines() if line.strip()]
    return texts + _EDGES


def test_tokens_are_the_token_pattern_matches() -> None:
    for text in _sentences()[:3000]:
        assert _tokens(text) == [(m.start(), m.end(), m.group()) for m in _TOKEN.finditer(text)]


@pytest.mark.parametrize(
    ("scan", "first_words"),
    [(_GROUP, _GROUP_FIRST_WORDS), (_BODY_NAME, _BODY_FIRST_WORDS)],
    ids=["groups", "bodies"],
)
def test_a_scan_finds_something_only_where_a_word_of_the_sentence_may_begin_a_name(
    scan: object, first_words: frozenset[str]
) -> None:
    found = 0
    for text in _sentences():
        if scan.finditer(text):  # type: ignore[attr-defined]
            found += 1
            assert not _word_parts(_tokens(text)).isdisjoint(first_words), text
    assert found > 0  # the sentences hold names the scan finds: the check has cases to check


def test_the_edge_sentences_name_their_groups_and_bodies() -> None:
    for text in _EDGES:
        assert _GROUP.finditer(text) or _BODY_NAME.finditer(text), text
