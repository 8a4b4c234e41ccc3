"""The business filter's substring gate passes every sentence its deal scan can match."""

from __future__ import annotations

import json

import pytest

from stream.extract.filters import _DEAL, DEAL_STEMS
from tests.paths import GOLD

_DEAL_WORDS = (
    "company", "companies", "firm", "firms", "monopoly", "corp", "corporation", "venture", "merger",
    "takeover", "contract", "deal", "tie-up", "subsidiary", "unit", "shareholders", "executives",
    "consortium", "stake", "acquisition", "industry sources", "customer", "customers", "passengers",
)  # fmt: skip


@pytest.mark.parametrize("word", _DEAL_WORDS)
def test_every_deal_word_holds_a_stem_of_the_gate(word: str) -> None:
    assert _DEAL.search(f"the {word} said") is not None
    assert any(stem in word for stem in DEAL_STEMS)


def test_no_sentence_the_deal_scan_matches_is_stopped_by_the_gate() -> None:
    texts = [json.loads(line)["text"] for line in (GOLD / "plover_gsr_dev.jsonl").read_text().splitlines()]
    texts += (GOLD / "negative_sentences.txt").read_text().splitlines()
    matched = 0
    for text in texts:
        if _DEAL.search(text) is not None:
            matched += 1
            assert any(stem in text for stem in DEAL_STEMS), text
    assert matched > 10  # the texts do reach the scan
