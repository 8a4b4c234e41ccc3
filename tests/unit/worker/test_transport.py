"""Offset gaps are fetched again once before Faust may commit over them."""

from __future__ import annotations

from stream.worker.transport import RefetchPolicy

RAW0 = ("news.raw", 0)
RAW1 = ("news.raw", 1)


def test_a_gap_is_fetched_again_before_it_is_accepted() -> None:
    policy = RefetchPolicy()
    assert policy.accept(RAW0, 7, 1) is False  # first sight: records 7.. were dropped, not missing
    assert policy.due() == [(RAW0, 7)]
    assert policy.due() == []  # each seek is handed out once
    assert policy.accept(RAW0, 7, 1) is True  # the same gap after the refetch: really no records there


def test_gaps_on_different_partitions_and_offsets_are_independent() -> None:
    policy = RefetchPolicy()
    assert policy.accept(RAW0, 7, 1) is False
    assert policy.accept(RAW1, 3, 1) is False
    assert sorted(policy.due()) == [(RAW0, 7), (RAW1, 3)]
    assert policy.accept(RAW0, 20, 1) is False  # a later, different gap is refetched too
    assert policy.due() == [(RAW0, 20)]
    assert policy.accept(RAW1, 3, 1) is True


def test_a_gap_seen_again_after_a_rebalance_is_fetched_once_more() -> None:
    policy = RefetchPolicy()
    assert policy.accept(RAW0, 7, generation=3) is False
    policy.due()
    # A rebalance (generation 4) may have dropped the refetched records as well: not proof of a real gap.
    assert policy.accept(RAW0, 7, generation=4) is False
    assert policy.due() == [(RAW0, 7)]
    assert policy.accept(RAW0, 7, generation=4) is True
