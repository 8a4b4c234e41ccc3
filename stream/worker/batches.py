"""Records in batches: an article's candidates packed per destination partition, writes seen before acks."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

from aiokafka.partitioner import DefaultPartitioner

from stream.dedup.events import CandidateRecord, read_candidate
from stream.records.codec import loads

__all__ = [
    "Overlay",
    "Placed",
    "coalesce_last",
    "pack_candidates",
    "partition_of",
    "unpack_candidates",
]

#: One record placed on a partition: (topic, key, value, partition).
Placed = tuple[str, bytes, bytes, int]

_PARTITIONER = DefaultPartitioner()


def partition_of(key: bytes, partitions: int) -> int:
    """The partition the producer's default partitioner gives `key` (murmur2, as Kafka's Java client)."""
    every = list(range(partitions))
    return int(_PARTITIONER(key, every, every))


def pack_candidates(
    topic: str, candidates: Sequence[tuple[bytes, bytes]], partitions: int, room: int
) -> list[Placed]:
    """An article's candidates (event_id key, EventCandidate JSON) as one record per destination partition:
    a JSON array of candidates, on the partition of its events' keys (the event stage's tables are
    co-partitioned with them), keyed by its first event id. A partition's array is cut into several
    records when it would not fit `room` bytes (key and value); a candidate that does not fit alone is
    its own record (the publisher refuses it for its size)."""
    by_partition: dict[int, list[tuple[bytes, bytes]]] = {}
    for key, value in candidates:
        by_partition.setdefault(partition_of(key, partitions), []).append((key, value))
    out: list[Placed] = []
    for partition, group in by_partition.items():
        key, values = group[0][0], [group[0][1]]
        size = len(key) + len(values[0]) + 2
        for next_key, value in group[1:]:
            if size + len(value) + 1 > room:
                out.append((topic, key, b"[" + b",".join(values) + b"]", partition))
                key, values, size = next_key, [], len(next_key) + 1
            values.append(value)
            size += len(value) + 1
        out.append((topic, key, b"[" + b",".join(values) + b"]", partition))
    return out


def unpack_candidates(value: bytes) -> list[CandidateRecord]:
    """The candidates of one record: a packed array, or one candidate (as records written before)."""
    data = loads(value)
    return [read_candidate(item) for item in (data if isinstance(data, list) else [data])]


def coalesce_last(writes: Iterable[tuple[int, tuple[str, bytes, bytes]]]) -> set[int]:
    """Indices of the writes superseded by a later write of the same (table, key) in the batch: a stats
    record holds the whole count so far, so only the last one needs to reach the changelog."""
    last: dict[tuple[str, bytes], int] = {}
    superseded: set[int] = set()
    for index, (table, key, _value) in writes:
        previous = last.get((table, key))
        if previous is not None:
            superseded.add(previous)
        last[(table, key)] = index
    return superseded


@dataclass(slots=True)
class Overlay:
    """Table writes of a batch that are not acknowledged yet, looked up before the tables: a later record
    of the same batch must see what an earlier one will write (publish, then record, happens once for the
    whole batch)."""

    pending: dict[tuple[str, bytes], bytes] = field(default_factory=dict)

    def put(self, table: str, key: bytes, value: bytes) -> None:
        self.pending[(table, key)] = value

    def get(self, table: str, key: bytes) -> bytes | None:
        return self.pending.get((table, key))

    def __contains__(self, item: tuple[str, bytes]) -> bool:
        return item in self.pending
