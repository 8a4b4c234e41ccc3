"""English words as lemminflect's lexicon lists them (lower-case, letters only), for tests of the lexicons."""

from __future__ import annotations

import functools
import gzip
from importlib import resources

import pytest

__all__ = ["english_words"]


@functools.cache
def _words() -> frozenset[str]:
    words: set[str] = set()
    for name in ("lemma_lu.csv.gz", "infl_lu.csv.gz"):
        with gzip.open(str(resources.files("lemminflect") / "resources" / name), "rt") as lines:
            words |= {w for line in lines if (w := line.split(",", 1)[0]).isalpha() and w.islower()}
    return frozenset(words)


def english_words() -> frozenset[str]:
    """The lexicon's words; the calling test is skipped where lemminflect is not installed."""
    pytest.importorskip("lemminflect")
    return _words()
