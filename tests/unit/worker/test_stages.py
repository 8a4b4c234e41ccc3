"""The agents' per-record steps over stand-ins for Faust and the broker: what ends a record, and what not."""

from __future__ import annotations

import asyncio
import base64
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any, cast

import orjson
import pytest
from prometheus_client import CollectorRegistry

from stream.config.settings import Settings
from stream.config.topics import SEEN_TABLE
from stream.ingest.stage import ingest
from stream.records.models import DeadLetter, DuplicateNotice, SourceRef
from stream.records.outbound import Outbound
from stream.worker.agents import Stages
from stream.worker.coding import Coded, CodingError, CodingTimeout
from stream.worker.health import ProgressTracker, WorkerState
from stream.worker.metrics import Metrics
from stream.worker.publisher import OutputTooLarge

SETTINGS = Settings()
TOPICS = SETTINGS.topics


@dataclass
class _Message:
    topic: str
    partition: int
    offset: int
    key: bytes | None
    value: bytes
    timestamp: float = 1_796_000_000.0


@dataclass
class _Event:
    message: _Message


@dataclass
class _Consumer:
    finished_marks: list[tuple[Any, int]] = field(default_factory=list)

    def finished(self, tp: Any, offset: int) -> None:
        self.finished_marks.append((tp, offset))


@dataclass
class _App:
    consumer: _Consumer = field(default_factory=_Consumer)


class _Publisher:
    """Records what is sent; `refuse(out)` returns the exception a send of `out` raises (None: sent)."""

    def __init__(self, refuse: Any = lambda out: None) -> None:
        self.max_record_bytes = SETTINGS.producer_max_request_bytes
        self.refuse = refuse
        self.sent: list[Outbound] = []

    def value_room(self) -> int:
        return self.max_record_bytes - 100

    async def send(self, *outs: Outbound) -> None:
        for out in outs:
            error = self.refuse(out)
            if error is not None:
                raise error
        self.sent += outs


class _NearIndex:
    def find(self, fingerprint: Any) -> None:
        return None

    def planned(self, entries: Any) -> dict[bytes, bytes]:
        return {article_id.encode(): b"planned" for _fingerprint, article_id in entries}


class _Tables:
    def __init__(self) -> None:
        self.seen: dict[bytes, bytes] = {}
        self.near: dict[bytes, bytes] = {}
        self.near_index = _NearIndex()

    async def record(self, writes: list[tuple[str, bytes, bytes]], partition: int) -> None:
        for table, key, value in writes:
            assert table == SEEN_TABLE
            self.seen[key] = value

    async def record_near(self, buckets: dict[bytes, bytes]) -> None:
        self.near.update(buckets)


class _Coder:
    def __init__(self, error: CodingError | None = None) -> None:
        self.error = error
        self.calls = 0

    async def code_many(self, article_records: Sequence[bytes]) -> list[Coded]:
        self.calls += len(article_records)
        answer: Coded = self.error if self.error is not None else []
        return [answer for _ in article_records]


def _stages(publisher: _Publisher, coder: _Coder | None = None) -> tuple[Stages, _App, _Tables]:
    app, tables = _App(), _Tables()
    state = WorkerState(ProgressTracker(60), last_tick=0.0)
    stages = Stages(
        cast(Any, app),
        SETTINGS,
        Metrics(CollectorRegistry()),
        cast(Any, tables),
        cast(Any, publisher),
        state,
        coder or _Coder(),
    )
    stages.unsent_pause_seconds = 0.0
    return stages, app, tables


def _raw(offset: int, value: bytes) -> _Event:
    return _Event(_Message(TOPICS.raw, 1, offset, b"key", value))


ARTICLE_RAW = orjson.dumps({"id": "a-1", "published": "2026-12-01", "text": "Kenya met Somalia in Nairobi."})


def test_an_output_refused_for_its_size_dead_letters_its_input_which_is_then_finished() -> None:
    refused = OutputTooLarge(TOPICS.articles, 2_000_000, 1_000_000)
    publisher = _Publisher(lambda out: refused if out.topic == TOPICS.articles else None)
    stages, app, _ = _stages(publisher)
    asyncio.run(stages.on_raw(_raw(7, ARTICLE_RAW)))
    [letter_out] = publisher.sent
    letter = DeadLetter.model_validate_json(letter_out.value)
    assert (letter_out.topic, letter.reason) == (TOPICS.dlq, "output_too_large")
    assert letter.detail == "output to news.articles is 2000000 bytes > 1000000"
    assert base64.b64decode(letter.value_b64) == ARTICLE_RAW
    assert [offset for _tp, offset in app.consumer.finished_marks] == [7]


@pytest.mark.parametrize("failing", ["output", "dead letter too"])
def test_a_record_is_finished_only_once_its_outputs_or_its_dead_letter_are_sent(failing: str) -> None:
    def refuse(out: Outbound) -> Exception | None:
        if out.topic == TOPICS.articles or failing == "dead letter too":
            return RuntimeError("a bug on the way out")
        return None

    publisher = _Publisher(refuse)
    stages, app, _ = _stages(publisher)
    asyncio.run(stages.on_raw(_raw(8, ARTICLE_RAW)))
    if failing == "output":
        assert [DeadLetter.model_validate_json(o.value).reason for o in publisher.sent] == [
            "processing_error"
        ]
        assert [offset for _tp, offset in app.consumer.finished_marks] == [8]
    else:
        assert publisher.sent == []
        assert app.consumer.finished_marks == []  # never committed past: fetched again instead


def _article_event(offset: int) -> _Event:
    origin = SourceRef(topic=TOPICS.raw, partition=1, offset=3)
    out = ingest(TOPICS, ARTICLE_RAW, None, origin)
    return _Event(_Message(TOPICS.articles, 2, offset, out.key, out.value))


def test_an_article_over_the_coding_budget_is_dead_lettered_once_and_its_replay_is_not_coded_again() -> None:
    publisher = _Publisher()
    coder = _Coder(CodingTimeout("coding took over 2 s"))
    stages, app, tables = _stages(publisher, coder)
    asyncio.run(stages.on_article(_article_event(5)))
    [letter_out] = publisher.sent
    letter = DeadLetter.model_validate_json(letter_out.value)
    assert (letter.reason, letter.origin.topic, letter.origin.offset) == (
        "coding_timeout",
        TOPICS.articles,
        5,
    )
    assert len(tables.seen) == 1  # recorded: its dead letter is out
    asyncio.run(stages.on_article(_article_event(5)))  # the same record again (a crash, a rebalance)
    assert coder.calls == 1 and publisher.sent == [letter_out]  # not coded again, no self-notice
    assert [offset for _tp, offset in app.consumer.finished_marks] == [5, 5]


def test_a_replayed_article_publishes_no_notice_that_it_duplicates_itself() -> None:
    publisher = _Publisher()
    stages, _, _ = _stages(publisher)
    for _ in range(3):
        asyncio.run(stages.on_article(_article_event(9)))
    notices = [
        DuplicateNotice.model_validate_json(o.value) for o in publisher.sent if o.topic == TOPICS.duplicates
    ]
    assert notices == []


def test_a_copy_in_the_same_batch_as_its_original_is_a_duplicate_and_not_coded_again() -> None:
    publisher = _Publisher()
    coder = _Coder()
    stages, app, tables = _stages(publisher, coder)
    original = _article_event(10)
    resent = ingest(TOPICS, ARTICLE_RAW, None, SourceRef(topic=TOPICS.raw, partition=1, offset=4))
    copy = _Event(_Message(TOPICS.articles, 2, 11, resent.key, resent.value))  # the same article sent again
    asyncio.run(stages.on_articles([original, copy]))
    assert coder.calls == 1  # the copy saw the original's state before it was recorded
    [notice] = [DuplicateNotice.model_validate_json(o.value) for o in publisher.sent]
    assert (notice.article_id, notice.duplicate_of, notice.kind) == ("a-1", "a-1", "exact")
    assert len(tables.seen) == 1
    assert [offset for _tp, offset in app.consumer.finished_marks] == [10, 11]


def test_the_near_index_records_only_first_seen_articles_that_went_through() -> None:
    stages, _, tables = _stages(_Publisher())
    original = _article_event(10)
    copy = _Event(_Message(TOPICS.articles, 2, 11, original.message.key, original.message.value))
    asyncio.run(stages.on_articles([original, copy]))
    assert tables.near == {b"a-1": b"planned"}  # the copy is no first-seen article

    other_raw = orjson.dumps({"id": "a-2", "published": "2026-12-01", "text": "Chad met Niger in Niamey."})
    other = ingest(TOPICS, other_raw, None, SourceRef(topic=TOPICS.raw, partition=1, offset=5))

    async def refuse(writes: list[tuple[str, bytes, bytes]], partition: int) -> None:
        raise RuntimeError("the seen state could not be published")

    tables.record = refuse  # type: ignore[method-assign]
    asyncio.run(stages.on_articles([_Event(_Message(TOPICS.articles, 2, 12, other.key, other.value))]))
    assert tables.near == {b"a-1": b"planned"}  # dead-lettered: not indexed
