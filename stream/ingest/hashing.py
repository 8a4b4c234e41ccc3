"""Text normalisation and content hashes used for article identity and deduplication."""

from __future__ import annotations

import re
import unicodedata

import xxhash

__all__ = ["bytes_hash", "content_hash", "fold_for_hash", "normalize_for_hash"]

_WS = re.compile(r"\s+")
# Typographic variants that syndication and re-encoding change without changing the story.
_TRANSLATE = str.maketrans(
    {
        "\u2018": "'",
        "\u2019": "'",
        "\u201a": "'",
        "\u201b": "'",
        "\u201c": '"',
        "\u201d": '"',
        "\u201e": '"',
        "\u2013": "-",
        "\u2014": "-",
        "\u2212": "-",
        "\u00a0": " ",
        "\u200b": "",
        "\ufeff": "",
    }
)


def fold_for_hash(text: str) -> str:
    """NFKC, unified quotes and dashes, casefolded (whitespace as it was)."""
    return unicodedata.normalize("NFKC", text).translate(_TRANSLATE).casefold()


def normalize_for_hash(text: str) -> str:
    """NFKC, unified quotes and dashes, casefolded, whitespace collapsed."""
    return _WS.sub(" ", fold_for_hash(text)).strip()


def content_hash(text: str) -> str:
    """128-bit xxh3 of the normalized text as 32 hex digits: equal for re-encoded copies."""
    return xxhash.xxh3_128_hexdigest(normalize_for_hash(text).encode("utf-8"))


def bytes_hash(data: bytes) -> str:
    """128-bit xxh3 of raw bytes: equal only for byte-identical redeliveries."""
    return xxhash.xxh3_128_hexdigest(data)
