"""Article-level duplicate detection: boilerplate-free content keys, SimHash-64 and a near-duplicate index."""

from __future__ import annotations

import functools
import itertools
import re
import struct
from collections import OrderedDict
from collections.abc import Callable, Iterable, MutableMapping
from dataclasses import dataclass
from typing import Final, Protocol

import xxhash

from stream.ingest.dateline import DATELINE
from stream.ingest.hashing import content_hash, fold_for_hash
from stream.records.codec import dumps, loads

__all__ = [
    "NEAR_DUPLICATE_BITS",
    "BandIndex",
    "Fingerprint",
    "MappingBandIndex",
    "NearDuplicateIndex",
    "NearMatch",
    "article_identity",
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


def _shingles(stripped: str, shingle: int) -> list[bytes]:
    """The word shingles of boilerplate-free text, taken inside paragraphs, as UTF-8. A paragraph's words
    are those of normalize_for_hash (its whitespace collapse changes no word); they are joined once and
    each shingle is a slice of that, the same bytes as joining the shingle's words."""
    out: list[bytes] = []
    for paragraph in _PARAGRAPHS.split(stripped):
        words = _WORD.findall(fold_for_hash(paragraph))
        if len(words) < shingle:
            if words:
                out.append(" ".join(words).encode())
            continue
        joined = " ".join(words)
        data = joined.encode()
        ascii_only = len(data) == len(joined)
        lengths = (len(word) + 1 if ascii_only else len(word.encode()) + 1 for word in words)
        starts = [0, *itertools.accumulate(lengths)]
        out += [data[start : end - 1] for start, end in zip(starts, starts[shingle:], strict=False)]
    return out


def _vote(shingles: list[bytes], seed: int) -> int:
    return majority_bits(list(map(functools.partial(xxhash.xxh3_64_intdigest, seed=seed), shingles)))


def simhash64(text: str, seed: int = 0, shingle: int = 3) -> int:
    """Charikar SimHash over word shingles taken inside paragraphs (so reordered paragraphs keep the
    same shingles); `seed` picks an independent hash family."""
    return _vote(_shingles(strip_boilerplate(text), shingle), seed)


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
    return _fingerprint_of_stripped(strip_boilerplate(text))


def _fingerprint_of_stripped(stripped: str) -> Fingerprint:
    shingles = _shingles(stripped, 3)
    return Fingerprint(_vote(shingles, 0), _vote(shingles, 1))


def article_identity(text: str) -> tuple[str, Fingerprint]:
    """content_key(text) and fingerprint(text), the boilerplate stripped once for both."""
    stripped = strip_boilerplate(text)
    return content_hash(stripped), _fingerprint_of_stripped(stripped)


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

    def _bucket(self, key: bytes, planned: bytes | None = None) -> list[list[str]]:
        """A bucket's entries: those of `planned` (a write not made yet) when given, else the mapping's."""
        raw = planned or self.mapping.get(key)
        return list(loads(raw)) if raw else []

    def find(self, fingerprint: Fingerprint) -> NearMatch | None:
        best: NearMatch | None = None
        for band, value in band_keys(fingerprint.first):
            for article_id, hex_fp in self._bucket(self._key(band, value)):
                distance = fingerprint.distance(Fingerprint.from_hex(hex_fp))
                if distance <= NEAR_DUPLICATE_BITS and (best is None or distance < best.distance):
                    best = NearMatch(article_id, distance)
        return best

    def _bucket_updates(
        self, fingerprint: Fingerprint, article_id: str, pending: Callable[[bytes], bytes | None]
    ) -> list[tuple[bytes, bytes, int]]:
        """(key, new value, entries evicted) of each band's bucket once the article is in it; a bucket is
        read from `pending` (writes not made yet) before the mapping."""
        out = []
        for band, value in band_keys(fingerprint.first):
            key = self._key(band, value)
            bucket = [entry for entry in self._bucket(key, pending(key)) if entry[0] != article_id]
            bucket.append([article_id, fingerprint.hex()])
            out.append((key, dumps(bucket[-self.per_bucket :]), max(0, len(bucket) - self.per_bucket)))
        return out

    def add(self, fingerprint: Fingerprint, article_id: str) -> int:
        evicted = 0
        for key, value, gone in self._bucket_updates(fingerprint, article_id, lambda _key: None):
            self.mapping[key] = value
            evicted += gone
        return evicted

    def planned(self, entries: Iterable[tuple[Fingerprint, str]]) -> dict[bytes, bytes]:
        """The bucket writes that adding every (fingerprint, article id) in turn would make, not made:
        for a caller that publishes them before writing them (each later article sees the earlier ones)."""
        pending: dict[bytes, bytes] = {}
        for fingerprint, article_id in entries:
            for key, value, _gone in self._bucket_updates(fingerprint, article_id, pending.get):
                pending[key] = value
        return pending

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
