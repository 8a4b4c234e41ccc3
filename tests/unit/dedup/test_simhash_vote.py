"""SimHash's bit vote (pure Python since numpy left the runtime) equals its definition, bit by bit."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from stream.dedup.fingerprints import majority_bits, simhash64

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
