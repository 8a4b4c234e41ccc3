"""Dedup state stays within its bounds: by count at once, by age after the window; memory measured."""

from __future__ import annotations

import time
import tracemalloc
from collections.abc import Hashable

import orjson

from stream.dedup.bounds import RecencyIndex
from stream.ingest.hashing import content_hash
from stream.records.codec import dumps_model
from stream.records.models import ArticleSeen


def test_overflow_evicts_the_oldest_first() -> None:
    index = RecencyIndex(window_seconds=3600, max_entries=3)
    for i, key in enumerate("abcd"):
        index.touch(key, float(i))
    assert index.overflow() == ["a"]
    index.touch("b", 10.0)  # written again: now the newest
    index.touch("e", 11.0)
    assert index.overflow() == ["c"]
    assert len(index) == 3


def test_expired_keys_leave_after_the_window() -> None:
    index = RecencyIndex(window_seconds=100, max_entries=1000)
    index.touch("old", 0.0)
    index.touch("new", 90.0)
    assert index.expired(now=50.0) == []
    assert index.expired(now=150.0) == ["old"]
    assert "new" in index and "old" not in index


def test_restored_keys_are_adopted_as_oldest() -> None:
    index = RecencyIndex(window_seconds=100, max_entries=2)
    index.touch("fresh", 5.0)
    index.adopt(["r1", "r2"], now=5.0)
    assert index.overflow() == ["r1"]


def test_keys_that_left_with_their_partition_are_forgotten() -> None:
    index = RecencyIndex(window_seconds=100, max_entries=10)
    for key in "abc":
        index.touch(key, 1.0)
    assert index.retain({"a", "c", "z"}) == 1
    assert len(index) == 2 and "b" not in index


def test_state_stays_within_bound_under_100k_distinct_articles_and_memory_is_measured() -> None:
    """The same store-plus-index pairing the worker uses, fed 100,000 distinct articles."""
    bound = 10_000
    store: dict[Hashable, bytes] = {}  # keyed as the index is
    index = RecencyIndex(window_seconds=7 * 86400, max_entries=bound)
    tracemalloc.start()
    start = tracemalloc.take_snapshot()
    now = time.time()
    peak = 0
    evicted = 0
    for i in range(100_000):
        key = content_hash(f"distinct article number {i}").encode()
        value = ArticleSeen(
            article_ids=[f"id-{i}"], bytes_hashes=[f"{i:032x}"], simhash="0" * 32, seen_at=now
        )
        store[key] = dumps_model(value)
        index.touch(key, now)
        for old in index.overflow():
            del store[old]
            evicted += 1
        peak = max(peak, len(store))
    used = sum(stat.size_diff for stat in tracemalloc.take_snapshot().compare_to(start, "filename"))
    tracemalloc.stop()
    assert peak == bound and len(store) == bound == len(index)
    assert evicted == 100_000 - bound
    per_key = used / bound
    assert 100 < per_key < 1_000, per_key  # measured ~0.4 KB per article key (key, value, index)
    assert orjson.loads(next(iter(store.values())))["article_ids"]
