"""Article-level duplicate detection: boilerplate-free content keys, SimHash-64 and a near-duplicate index."""

from __future__ import annotations

import re
from collections import OrderedDict
from dataclasses import dataclass
from typing import Final, Protocol

import numpy as np
import xxhash

from stream.hashing import content_hash, normalize_for_hash

__all__ = [
    "NEAR_DUPLICATE_BITS",
    "BandIndex",
    "NearDuplicateIndex",
    "NearMatch",
    "content_key",
    "hamming",
    "simhash64",
    "strip_boilerplate",
]

#: Two articles whose SimHash-64 differ in at most this many bits are near duplicates.
NEAR_DUPLICATE_BITS: Final = 4

_BOILERPLATE_LINE = re.compile(
    r"^\s*(?:by\s+[\w.,' -]{2,60}|(?:photo|image|picture|credit|foto)s?\s*:.*|advertisement|"
    r"(?:read|see) (?:more|also)\b.*|related\s*:.*|follow us\b.*|share this\b.*|"
    r"(?:copyright|©|\(c\))\s.*|all rights reserved.*|reporting by\b.*|editing by\b.*|"
    r"\d{1,3} of \d{1,3})\s*$",
    re.IGNORECASE | re.MULTILINE,
)
# "MOSCOW (Reuters) - ", "KYIV, Feb 28 (AP) — ": wire datelines at the start of the text.
_DATELINE = re.compile(r"\A\s*[A-Z][A-Z .'-]{2,40}(?:,\s*[\w .]{3,20})?\s*\([\w .&-]{2,30}\)\s*[-—–:]\s*")
_CREDIT = re.compile(r"\s[-—–]\s(?:Photo|Image|Credit|Foto)s?:[^\n]{0,120}?(?=\s[A-Z][a-z]|\Z)")
_WORD = re.compile(r"\w+")


def strip_boilerplate(text: str) -> str:
    """Drop what syndication adds or changes around a story: datelines, bylines, photo credits,
    caption counters, 'Read more' and copyright lines."""
    text = _DATELINE.sub("", text)
    text = _BOILERPLATE_LINE.sub("", text)
    return _CREDIT.sub(" ", text)


def content_key(text: str) -> str:
    """Hash of the normalized, boilerplate-free text: equal for syndicated copies of one story."""
    return content_hash(strip_boilerplate(text))


def simhash64(text: str, shingle: int = 3) -> int:
    """Charikar SimHash over word shingles of the normalized text; similar texts get close hashes."""
    words = _WORD.findall(normalize_for_hash(strip_boilerplate(text)))
    if len(words) < shingle:
        words = words + [""] * (shingle - len(words))
    hashes = np.fromiter(
        (xxhash.xxh3_64_intdigest(" ".join(words[i : i + shingle]).encode()) for i in range(len(words) - shingle + 1)),
        dtype=np.uint64,
    )
    # Per bit: how many shingle hashes have it set; the bit is 1 where set hashes are the majority.
    bits = np.unpackbits(hashes.view(np.uint8).reshape(-1, 8), axis=1, bitorder="little")
    majority = bits.sum(axis=0, dtype=np.int64) * 2 > len(hashes)
    return int(np.packbits(majority, bitorder="little").view(np.uint64)[0])


def hamming(a: int, b: int) -> int:
    return (a ^ b).bit_count()


@dataclass(frozen=True, slots=True)
class NearMatch:
    article_id: str
    distance: int


class NearDuplicateIndex(Protocol):
    """Where near-duplicate candidates are remembered; swappable (memory, table-backed)."""

    def find(self, fingerprint: int) -> NearMatch | None: ...

    def add(self, fingerprint: int, article_id: str) -> int:
        """Remember an article; returns how many old entries were evicted to stay bounded."""
        ...

    def __len__(self) -> int: ...


class BandIndex:
    """Bounded in-memory LSH index: the 64 bits cut into bands so that any two fingerprints within
    NEAR_DUPLICATE_BITS share at least one band exactly (pigeonhole), then checked by Hamming distance."""

    def __init__(self, max_entries: int, max_distance: int = NEAR_DUPLICATE_BITS) -> None:
        self.max_entries = max_entries
        self.max_distance = max_distance
        self._bands = max_distance + 1
        self._width = -(-64 // self._bands)
        self._entries: OrderedDict[str, int] = OrderedDict()
        self._buckets: dict[tuple[int, int], set[str]] = {}

    def _keys(self, fingerprint: int) -> list[tuple[int, int]]:
        mask = (1 << self._width) - 1
        return [(band, fingerprint >> (band * self._width) & mask) for band in range(self._bands)]

    def find(self, fingerprint: int) -> NearMatch | None:
        best: NearMatch | None = None
        for key in self._keys(fingerprint):
            for article_id in self._buckets.get(key, ()):
                distance = hamming(fingerprint, self._entries[article_id])
                if distance <= self.max_distance and (best is None or distance < best.distance):
                    best = NearMatch(article_id, distance)
        return best

    def add(self, fingerprint: int, article_id: str) -> int:
        if article_id in self._entries:
            return 0
        self._entries[article_id] = fingerprint
        for key in self._keys(fingerprint):
            self._buckets.setdefault(key, set()).add(article_id)
        evicted = 0
        while len(self._entries) > self.max_entries:
            old_id, old_fp = self._entries.popitem(last=False)
            for key in self._keys(old_fp):
                bucket = self._buckets.get(key)
                if bucket is not None:
                    bucket.discard(old_id)
                    if not bucket:
                        del self._buckets[key]
            evicted += 1
        return evicted

    def __len__(self) -> int:
        return len(self._entries)
