"""Content hashes: equal for re-encoded or re-typeset copies, different for different text."""

from __future__ import annotations

from stream.ingest.hashing import bytes_hash, content_hash, normalize_for_hash


def test_typographic_variants_hash_equal() -> None:
    a = "Ukraine\u2019s delegation \u2014 \u201cwe met\u201d  today."
    b = 'UKRAINE\'S delegation - "we met"\ttoday.'
    assert normalize_for_hash(a) == normalize_for_hash(b)
    assert content_hash(a) == content_hash(b)


def test_different_text_hashes_differ() -> None:
    assert content_hash("Russia met Ukraine.") != content_hash("Russia met Belarus.")


def test_bytes_hash_sees_encoding_changes() -> None:
    text = "Zelensky\u2019s office"
    assert bytes_hash(text.encode("utf-8")) != bytes_hash(text.encode("utf-16"))
    assert len(content_hash(text)) == 32
