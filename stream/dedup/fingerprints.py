"""Article-level duplicate detection: boilerplate-free content keys, SimHash-64 and a near-duplicate index."""

from __future__ import annotations

import re
import struct
from collections import OrderedDict
from collections.abc import MutableMapping
from dataclasses import dataclass
from typing import Final, Protocol

import xxhash

from stream.ingest.dateline import DATELINE
from stream.ingest.hashing import content_hash, normalize_for_hash
from stream.records.codec import dumps, loads

__all__ = [
    "NEAR_DUPLICATE_BITS",
    "BandIndex",
    "Fingerprint",
    "MappingBandIndex",
    "NearDuplicateIndex",
    "NearMatch",
    "band_keys",
    "content_key",
    "fingerprint",
    "hamming",
    "majority_bits",
    "simhash64",
    "strip_boilerplate",
]

#: Two articles whose two SimHash-64 each differ in at most this many bits are near duplicates.
NEAR_DUPLICATE_BITS: Final = 5

_BOILERPLATE_LINE = re.compile(
    r"^\s*(?:by\s+[\w.,' -]{2,60}|(?:photo|image|picture|credit|foto)s?\s*:.*|advertisement|"
    r"(?:read|see) (?:more|also)\b.*|related\s*:.*|follow us\b.*|share this\b.*|"
    r"(?:copyright|©|\(c\))\s.*|all rights reserved.*|reporting by\b.*|editing by\b.*|"
    r"\d{1,3} of \d{1,3})\s*$",
    re.IGNORECASE | re.MULTILINE,
)
_CREDIT = re.compile(r"\s[-—–]\s(?:Photo|Image|Credit|Foto)s?:[^\n]{0,120}?(?=\s[A-Z][a-z]|\Z)")
_WORD = re.compile(r"\w+")
_PARAGRAPHS = re.compile(r"\n\s*\n")


def strip_boilerplate(text: str) -> str:
    """Drop what syndication adds or changes around a story: datelines, bylines, photo credits,
    caption counters, 'Read more' and copyright lines."""
    text = DATELINE.sub("", text)
    text = _BOILERPLATE_LINE.sub("", text)
    return _CREDIT.sub(" ", text)


def content_key(text: str) -> str:
    """Hash of the normalized, boilerplate-free text: equal for syndicated copies of one story."""
    return content_hash(strip_boilerplate(text))


def simhash64(text: str, seed: int = 0, shingle: int = 3) -> int:
    """Charikar SimHash over word shingles taken inside paragraphs (so reordered paragraphs keep the
    same shingles); `seed` picks an independent hash family."""
    hashes: list[int] = []
    for paragraph in _PARAGRAPHS.split(strip_boilerplate(text)):
        words = _WORD.findall(normalize_for_hash(paragraph))
        if not words:
            continue
        spans = (
            [words]
            if len(words) < shingle
            else [words[i : i + shingle] for i in range(len(words) - shingle + 1)]
        )
        hashes += [xxhash.xxh3_64_intdigest(" ".join(span).encode(), seed) for span in spans]
    return majority_bits(hashes)


def majority_bits(hashes: list[int]) -> int:
    """The 64-bit value whose bit j is 1 where more than half of the 64-bit `hashes` have bit j set
    (0 for no hashes): SimHash's vote. Counted a column at a time: the hashes' k-th bytes side by side
    form one integer, and bit b of every byte is one mask and one popcount away."""
    count = len(hashes)
    packed = struct.pack(f"<{count}Q", *hashes)
    masks = [int.from_bytes(b"\x01" * count, "little") << bit for bit in range(8)]
    out = 0
    for byte in range(8):
        column = int.from_bytes(packed[byte::8], "little")
        for bit, mask in enumerate(masks):
            if (column & mask).bit_count() * 2 > count:
                out |= 1 << (byte * 8 + bit)
    return out


def fingerprint(text: str) -> Fingerprint:
    """Two independent SimHash-64 of the text."""
    return Fingerprint(simhash64(text, 0), simhash64(text, 1))


@dataclass(frozen=True, slots=True)
class Fingerprint:
    """Two independent SimHash-64: near duplicates must be close in both, which keeps false merges of
    distinct articles rare while copies (extra sentence, new headline, byline) stay close."""

    first: int
    second: int

    def hex(self) -> str:
        return f"{self.first:016x}{self.second:016x}"

    @classmethod
    def from_hex(cls, text: str) -> Fingerprint:
        return cls(int(text[:16], 16), int(text[16:32], 16))

    def distance(self, other: Fingerprint) -> int:
        """The larger of the two Hamming distances."""
        return max(hamming(self.first, other.first), hamming(self.second, other.second))


def hamming(a: int, b: int) -> int:
    return (a ^ b).bit_count()


@dataclass(frozen=True, slots=True)
class NearMatch:
    article_id: str
    distance: int


class NearDuplicateIndex(Protocol):
    """Where near-duplicate candidates are remembered; swappable (memory, table-backed)."""

    def find(self, fingerprint: Fingerprint) -> NearMatch | None: ...

    def add(self, fingerprint: Fingerprint, article_id: str) -> int:
        """Remember an article; returns how many old entries were evicted to stay bounded."""
        ...

    def __len__(self) -> int: ...


def band_keys(fingerprint: int, max_distance: int = NEAR_DUPLICATE_BITS) -> list[tuple[int, int]]:
    """(band, value) pairs: 64 bits cut into max_distance + 1 bands, so fingerprints within
    max_distance bits agree exactly on at least one band (pigeonhole)."""
    bands = max_distance + 1
    width = -(-64 // bands)
    mask = (1 << width) - 1
    return [(band, fingerprint >> (band * width) & mask) for band in range(bands)]


class MappingBandIndex:
    """The band index kept in a key-value mapping (a Faust table): bucket -> recent (id, fingerprint)
    entries, each bucket bounded, so every worker can look up every article's fingerprint."""

    def __init__(self, mapping: MutableMapping[bytes, bytes], per_bucket: int = 64) -> None:
        self.mapping = mapping
        self.per_bucket = per_bucket
        bands = NEAR_DUPLICATE_BITS + 1
        #: Bound on keys (buckets), whatever the traffic: bands x 2^band width.
        self.max_keys = bands * 2 ** -(-64 // bands)

    @staticmethod
    def _key(band: int, value: int) -> bytes:
        return f"{band}:{value:x}".encode()

    def _bucket(self, key: bytes) -> list[list[str]]:
        raw = self.mapping.get(key)
        return list(loads(raw)) if raw else []

    def find(self, fingerprint: Fingerprint) -> NearMatch | None:
        best: NearMatch | None = None
        for band, value in band_keys(fingerprint.first):
            for article_id, hex_fp in self._bucket(self._key(band, value)):
                distance = fingerprint.distance(Fingerprint.from_hex(hex_fp))
                if distance <= NEAR_DUPLICATE_BITS and (best is None or distance < best.distance):
                    best = NearMatch(article_id, distance)
        return best

    def add(self, fingerprint: Fingerprint, article_id: str) -> int:
        evicted = 0
        for band, value in band_keys(fingerprint.first):
            key = self._key(band, value)
            bucket = [entry for entry in self._bucket(key) if entry[0] != article_id]
            bucket.append([article_id, fingerprint.hex()])
            evicted += max(0, len(bucket) - self.per_bucket)
            self.mapping[key] = dumps(bucket[-self.per_bucket :])
        return evicted

    def __len__(self) -> int:
        return len(self.mapping)


class BandIndex:
    """Bounded in-memory LSH index: the 64 bits cut into bands so that any two fingerprints within
    NEAR_DUPLICATE_BITS share at least one band exactly (pigeonhole), then checked by Hamming distance."""

    def __init__(self, max_entries: int, max_distance: int = NEAR_DUPLICATE_BITS) -> None:
        self.max_entries = max_entries
        self.max_distance = max_distance
        self._entries: OrderedDict[str, Fingerprint] = OrderedDict()
        self._buckets: dict[tuple[int, int], set[str]] = {}

    def _keys(self, fingerprint: Fingerprint) -> list[tuple[int, int]]:
        return band_keys(fingerprint.first, self.max_distance)

    def find(self, fingerprint: Fingerprint) -> NearMatch | None:
        best: NearMatch | None = None
        for key in self._keys(fingerprint):
            for article_id in self._buckets.get(key, ()):
                distance = fingerprint.distance(self._entries[article_id])
                if distance <= self.max_distance and (best is None or distance < best.distance):
                    best = NearMatch(article_id, distance)
        return best

    def add(self, fingerprint: Fingerprint, article_id: str) -> int:
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
