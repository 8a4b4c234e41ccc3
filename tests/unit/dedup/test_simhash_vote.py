"""SimHash's bit vote and shingles (pure Python since numpy left the runtime) equal their definitions."""

from __future__ import annotations

import re

import xxhash
from hypothesis import given
from hypothesis import strategies as st

from stream.bench.extract import generate_articles
from stream.dedup.fingerprints import (
    Fingerprint,
    article_identity,
    content_key,
    fingerprint,
    majority_bits,
    simhash64,
    strip_boilerplate,
)
from stream.ingest.hashing import normalize_for_hash

UINT64 = st.integers(min_value=0, max_value=2**64 - 1)
# simhash64 of the fixed text below, computed by the numpy implementation this replaced.
NUMPY_SEED0, NUMPY_SEED1 = 0x27F7C0735BCABD99, 0x11AA1F7CF441F152


def _by_definition(hashes: list[int]) -> int:
    """Bit j is set where more than half of the hashes have bit j set."""
    return sum(1 << j for j in range(64) if 2 * sum(h >> j & 1 for h in hashes) > len(hashes))


@given(st.lists(UINT64, max_size=300))
def test_majority_bits_is_the_per_bit_majority(hashes: list[int]) -> None:
    assert majority_bits(hashes) == _by_definition(hashes)


@given(st.lists(st.sampled_from([0, 1, 2**63, 2**64 - 1, 0x5555_5555_5555_5555]), min_size=1, max_size=40))
def test_ties_and_extreme_bits_follow_the_definition(hashes: list[int]) -> None:
    assert majority_bits(hashes) == _by_definition(hashes)


def test_a_text_without_words_has_the_zero_fingerprint() -> None:
    assert majority_bits([]) == 0
    assert simhash64("  \n\n ... ") == 0


def test_simhash_of_a_fixed_text_is_unchanged() -> None:
    # Fingerprints are stored in the near-duplicate tables: an upgrade must keep them matching.
    text = "Ukraine and Russia meet on Monday to negotiate.\n\nThe talks start at noon, officials said."
    assert (simhash64(text, 0), simhash64(text, 1)) == (NUMPY_SEED0, NUMPY_SEED1)


def _simhash_by_words(text: str, seed: int, shingle: int = 3) -> int:
    """SimHash as first written: each shingle's words joined on their own, after the whole normalisation."""
    hashes: list[int] = []
    for paragraph in re.split(r"\n\s*\n", strip_boilerplate(text)):
        words = re.findall(r"\w+", normalize_for_hash(paragraph))
        spans = [words] if len(words) < shingle else [words[i : i + shingle] for i in range(len(words) - 2)]
        hashes += [xxhash.xxh3_64_intdigest(" ".join(span).encode(), seed) for span in spans if span]
    return majority_bits(hashes)


_UNICODE_TEXTS = [
    "Zürich – “Ministers” met in Genève.\n\n\u200b\nÇa va: Ærø, ﬁnance, İstanbul, ΣΊΣΥΦΟΣ.",
    "Two words\n\u00a0\nthen a paragraph break of no-break space; ｆｕｌｌ ｗｉｄｔｈ and ＮＡＴＯ.",
    "one",
    "",
    "Ангела Меркель встретилась с президентом.\n\n北京 会谈 周一 举行。 Mixed ascii and ünïcödé words here.",
]


def test_fingerprints_equal_shingles_joined_word_by_word() -> None:
    # The stored near-duplicate entries were made this way: the faster shingling must give the same bits.
    texts = [*generate_articles(300, seed=5), *_UNICODE_TEXTS]
    for text in texts:
        expected = Fingerprint(_simhash_by_words(text, 0), _simhash_by_words(text, 1))
        assert fingerprint(text) == expected
        assert (simhash64(text, 0), simhash64(text, 1)) == (expected.first, expected.second)
        assert article_identity(text) == (content_key(text), expected)
