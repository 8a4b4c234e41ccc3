"""Batches of records: candidates packed per destination partition, superseded writes, the overlay."""

from __future__ import annotations

import datetime as dt

import orjson

from stream.config.settings import TopicNames
from stream.dedup.events import code_candidates
from stream.records.models import Article
from stream.worker.batches import Overlay, coalesce_last, pack_candidates, partition_of, unpack_candidates

ARTICLE = Article(
    article_id="a-1",
    content_hash="0",
    published=dt.date(2026, 12, 1),
    text="Kenya met Somalia in Nairobi on Monday. Police arrested 20 protesters in Minsk on Tuesday. "
    "The United Nations condemned the attack on Kyiv. China called for talks with Japan in Beijing.",
)


def _candidates() -> list[tuple[bytes, bytes]]:
    _events, outbound = code_candidates(TopicNames(), ARTICLE)
    assert len(outbound) >= 3
    return [(out.key, out.value) for out in outbound]


def test_the_partition_is_the_producers_default_for_the_key() -> None:
    from aiokafka.partitioner import murmur2

    for key in (b"event-1", b"e" * 40, b""):
        assert partition_of(key, 8) == (murmur2(key) & 0x7FFFFFFF) % 8


def test_an_articles_candidates_make_one_record_per_destination_partition_holding_all_of_them() -> None:
    candidates = _candidates()
    packed = pack_candidates("candidates", candidates, 2, 1_000_000)
    partitions = {partition_of(key, 2) for key, _ in candidates}
    assert sorted(p for _t, _k, _v, p in packed) == sorted(partitions)
    for _topic, key, value, partition in packed:
        assert partition_of(key, 2) == partition  # keyed by one of its own events
        for candidate in unpack_candidates(value):
            assert partition_of(candidate.event_id.encode(), 2) == partition
    unpacked = [
        {"event": c.event, "mention": c.mention} for _t, _k, v, _p in packed for c in unpack_candidates(v)
    ]
    originals = [orjson.loads(v) for _k, v in candidates]
    assert sorted(unpacked, key=orjson.dumps) == sorted(originals, key=orjson.dumps)


def test_a_partitions_candidates_are_cut_into_records_that_fit() -> None:
    candidates = _candidates()
    room = max(len(k) + len(v) for k, v in candidates) + 2
    packed = pack_candidates("candidates", candidates, 1, room)
    assert len(packed) == len(candidates)  # each alone fits, no two together
    assert all(len(k) + len(v) <= room for _t, k, v, _p in packed)
    assert [c.event_id.encode() for _t, _k, v, _p in packed for c in unpack_candidates(v)] == [
        k for k, _ in candidates
    ]


def test_a_record_of_one_candidate_as_written_before_still_reads() -> None:
    key, value = _candidates()[0]
    [candidate] = unpack_candidates(value)
    assert candidate.event_id.encode() == key


def test_only_the_last_write_of_a_key_in_a_batch_is_kept() -> None:
    writes = [(0, ("stats", b"e1", b"1")), (1, ("stats", b"e2", b"1")), (5, ("stats", b"e1", b"2"))]
    assert coalesce_last(writes) == {0}
    assert coalesce_last([(0, ("stats", b"e1", b"1")), (1, ("events", b"e1", b"x"))]) == set()


def test_the_overlay_answers_for_pending_writes_only() -> None:
    overlay = Overlay()
    overlay.put("seen", b"k", b"v1")
    overlay.put("seen", b"k", b"v2")
    assert overlay.get("seen", b"k") == b"v2" and ("seen", b"k") in overlay
    assert overlay.get("stats", b"k") is None and ("stats", b"k") not in overlay
