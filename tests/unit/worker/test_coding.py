"""The coding process: same candidates as coding inline, a budget that frees the loop, a replaced child."""

from __future__ import annotations

import asyncio
import datetime as dt
import os
import signal
from collections.abc import Awaitable, Callable
from pathlib import Path
from typing import TypeVar

import pytest

from stream.config.settings import TopicNames
from stream.dedup.events import code_candidates
from stream.records.codec import dumps_model
from stream.records.models import Article
from stream.worker.coding import (
    Coded,
    CodingFailed,
    CodingTimeout,
    ProcessCoder,
    pack_parts,
    unpack_parts,
)

T = TypeVar("T")


def _record(text: str, article_id: str = "a-1") -> bytes:
    return dumps_model(
        Article(article_id=article_id, content_hash="0", text=text, published=dt.date(2026, 12, 1))
    )


def _seed_text(seed_path: Path) -> str:
    return seed_path.read_text().split("\n", 1)[1]


def _run(work: Callable[[ProcessCoder], Awaitable[T]], budget: float = 30.0) -> tuple[T, int]:
    """work(coder) on a started coder; also the coder's restarts."""
    restarts = 0

    def restarted() -> None:
        nonlocal restarts
        restarts += 1

    async def main() -> T:
        coder = ProcessCoder(budget, on_restart=restarted)
        try:
            return await work(coder)
        finally:
            await coder.stop()

    return asyncio.run(main()), restarts


def test_parts_survive_their_framing() -> None:
    parts = [b"", b"event-1", b"\x00" * 70_000]
    assert unpack_parts(pack_parts(parts)) == parts


def test_the_child_codes_the_same_candidates_as_coding_inline(seed_path: Path) -> None:
    record = _record(_seed_text(seed_path))
    _events, inline = code_candidates(TopicNames(), Article.model_validate_json(record))
    candidates, restarts = _run(lambda coder: coder.code(record))
    assert inline and candidates == [(out.key, out.value) for out in inline]
    assert restarts == 0


def test_an_article_over_the_budget_times_out_while_the_loop_runs_on_and_the_next_is_coded(
    seed_path: Path,
) -> None:
    text = _seed_text(seed_path)
    slow, fast = _record(text * 400), _record(text, "a-2")  # ~1 MB: over a second to code here

    async def work(coder: ProcessCoder) -> tuple[int, list[tuple[bytes, bytes]]]:
        await coder.code(fast)  # the child is up and warm
        ticks = 0

        async def tick() -> None:
            nonlocal ticks
            while True:
                await asyncio.sleep(0.01)
                ticks += 1

        ticker = asyncio.ensure_future(tick())
        with pytest.raises(CodingTimeout, match="NEWSEVENTS_CODING_BUDGET_SECONDS"):
            await coder.code(slow)
        ticker.cancel()
        return ticks, await coder.code(fast)

    (ticks, after), restarts = _run(work, budget=0.3)
    # Coding inline (or in a thread: a regex search holds the GIL) the loop would hardly tick.
    assert ticks >= 5
    assert after and restarts == 1


def test_an_error_of_the_coder_is_reported_and_the_child_goes_on() -> None:
    async def work(coder: ProcessCoder) -> list[tuple[bytes, bytes]]:
        with pytest.raises(CodingFailed, match="validation errors for Article"):
            await coder.code(b'{"article_id": "no-text"}')
        return await coder.code(_record("Kenya met Somalia in Nairobi on Monday."))

    _candidates, restarts = _run(work)
    assert restarts == 0


def test_a_child_killed_from_outside_costs_no_article(seed_path: Path) -> None:
    slow = _record(_seed_text(seed_path) * 200, "slow")  # half a second or more to code

    async def work(coder: ProcessCoder) -> tuple[list[tuple[bytes, bytes]], list[tuple[bytes, bytes]]]:
        await coder.code(_record("Kenya met Somalia."))
        idle = await coder._ready_child()  # noqa: SLF001  # the test kills the very child in use
        os.kill(idle.process.pid, signal.SIGKILL)  # between two articles
        await idle.process.wait()
        between = await coder.code(_record("Kenya met Somalia in Nairobi on Monday.", "next"))
        busy = await coder._ready_child()  # noqa: SLF001
        coding = asyncio.ensure_future(coder.code(slow))
        await asyncio.sleep(0.2)
        os.kill(busy.process.pid, signal.SIGKILL)  # in the middle of an article: it is coded again
        return between, await coding

    (between, during), restarts = _run(work)
    assert between and during
    assert restarts == 2


def test_a_batch_is_coded_in_order_and_an_article_over_the_budget_costs_only_itself(seed_path: Path) -> None:
    text = _seed_text(seed_path)
    fast = [_record(text, f"a-{n}") for n in range(6)]
    slow = _record(text * 400, "slow")  # ~1 MB: over a second to code here
    records = [*fast[:3], slow, *fast[3:]]

    async def work(coder: ProcessCoder) -> list[Coded]:
        await coder.code(fast[0])  # the child is up and warm
        return await coder.code_many(records)

    results, restarts = _run(work, budget=0.3)
    _events, inline = code_candidates(TopicNames(), Article.model_validate_json(fast[0]))
    assert isinstance(results[3], CodingTimeout) and restarts == 1
    fine = [r for n, r in enumerate(results) if n != 3]
    # Each answer is its own article's (the article id is in every candidate's mention).
    for number, result in zip([0, 1, 2, 3, 4, 5], fine, strict=True):
        assert isinstance(result, list) and len(result) == len(inline)
        assert all(f'"article_id":"a-{number}"'.encode() in value for _key, value in result)
