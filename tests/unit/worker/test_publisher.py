"""Sends without Kafka: failures on the way retried with back-off, size refusals raised, the record limit."""

from __future__ import annotations

import asyncio
from collections.abc import Sequence

import pytest
from aiokafka.errors import KafkaConnectionError, MessageSizeTooLargeError, RequestTimedOutError
from faust.exceptions import ProducerSendError

from stream.config.settings import DEAD_LETTER_ENVELOPE_BYTES
from stream.worker.agents import kept_value_bytes
from stream.worker.publisher import Backoff, OutputTooLarge, deliver, is_too_large, is_transient, record_limit

FAST = Backoff(initial=0.001, maximum=0.004)


class FlakySender:
    """Sends a list at once, as the publisher does: fails the first `failures[item]` sends of each item
    with `error` (that item's result), the others succeed."""

    def __init__(self, failures: dict[str, int], error: Exception) -> None:
        self.failures = dict(failures)
        self.error = error
        self.attempts: list[str] = []

    async def __call__(self, items: Sequence[str]) -> list[object]:
        results: list[object] = []
        for item in items:
            self.attempts.append(item)
            if self.failures.get(item, 0) > 0:
                self.failures[item] -= 1
                results.append(self.error)
            else:
                results.append(item)
        await asyncio.sleep(0)
        return results


def _deliver(sender: FlakySender, items: list[str]) -> list[tuple[str, float]]:
    retries: list[tuple[str, float]] = []
    asyncio.run(
        deliver(sender, items, lambda item: ("out", len(item)), FAST, lambda i, _e, d: retries.append((i, d)))
    )
    return retries


def test_a_send_that_fails_on_the_way_is_sent_again_with_growing_back_off_until_the_broker_has_it() -> None:
    sender = FlakySender({"b": 4}, ProducerSendError("Error while sending: KafkaConnectionError()"))
    retries = _deliver(sender, ["a", "b", "c"])
    assert sender.attempts == ["a", "b", "c", "b", "b", "b", "b"]  # only the failed one is sent again
    assert retries == [("b", 0.001), ("b", 0.002), ("b", 0.004), ("b", 0.004)]


def test_a_record_refused_for_its_size_is_not_retried_but_raised_once_the_others_are_sent() -> None:
    too_large = ProducerSendError("Error while sending")
    too_large.__cause__ = MessageSizeTooLargeError()
    sender = FlakySender({"big": 99}, too_large)
    with pytest.raises(OutputTooLarge, match="output to out is 3 bytes"):
        _deliver(sender, ["a", "big"])
    assert sender.attempts == ["a", "big"]


def test_an_error_that_is_no_transport_failure_is_raised_as_it_is() -> None:
    sender = FlakySender({"a": 1}, TypeError("not bytes"))
    with pytest.raises(TypeError):
        _deliver(sender, ["a"])
    assert sender.attempts == ["a"]


def test_transport_failures_and_size_refusals_are_told_apart_through_fausts_wrapping() -> None:
    wrapped = ProducerSendError("x")
    wrapped.__cause__ = RequestTimedOutError()
    assert is_transient(wrapped) and is_transient(KafkaConnectionError()) and is_transient(OSError())
    assert not is_transient(ValueError()) and not is_too_large(wrapped)
    assert is_too_large(MessageSizeTooLargeError()) and not is_transient(MessageSizeTooLargeError())


def test_the_record_limit_is_the_setting_unless_the_broker_reports_a_lower_one() -> None:
    assert record_limit(1_000_000, {})[0] == 1_000_000
    assert "reports no message.max.bytes" in record_limit(1_000_000, {})[1]
    assert record_limit(1_000_000, {"broker 1 message.max.bytes": 1_048_588})[0] == 1_000_000
    limit, line = record_limit(
        1_000_000, {"broker 1 message.max.bytes": 1_048_588, "topic news.dlq max.message.bytes": 500_000}
    )
    assert limit == 500_000
    assert line.startswith("topic news.dlq max.message.bytes=500000 is below NEWSEVENTS_PRODUCER_MAX")


def test_a_dead_letter_keeps_less_when_the_broker_allows_less_than_the_setting_assumes() -> None:
    assert kept_value_bytes(262_144, 1_000_000) == 262_144
    assert kept_value_bytes(262_144, 200_000) == (200_000 - DEAD_LETTER_ENVELOPE_BYTES) * 3 // 4
    assert kept_value_bytes(262_144, 10_000) == 0  # the envelope alone, never a negative slice
