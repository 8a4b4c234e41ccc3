"""The CLI's Kafka clients: what `tail` says while it waits, and no client left open when a start fails."""

from __future__ import annotations

import asyncio
import gc
import warnings

import pytest
from aiokafka.errors import KafkaConnectionError

from stream.config.settings import Settings
from stream.devtools.broker import free_port
from stream.devtools.client import missing_topics_notice, produce_messages, tail_topics


def test_missing_topic_notice_suggests_the_nearest_existing_topic() -> None:
    notice = missing_topics_notice(["events.diplomatc"], ["events.conflict", "events.diplomatic", "news.raw"])
    assert notice == (
        "waiting for topic 'events.diplomatc' (did you mean events.diplomatic?) to be created; Ctrl-C to stop"
    )


def test_missing_topics_notice_without_a_near_name_lists_them() -> None:
    notice = missing_topics_notice(["alpha", "beta"], ["news.raw"])
    assert notice.startswith("waiting for topics 'alpha', 'beta' to be created")
    assert "did you mean" not in notice


def _nobody_listens() -> Settings:
    return Settings(bootstrap_servers=f"127.0.0.1:{free_port()}")


def test_a_producer_that_cannot_start_is_closed() -> None:
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        with pytest.raises(KafkaConnectionError):
            asyncio.run(produce_messages(_nobody_listens(), "news.raw", [("x", b"date 2022-01-01\nText.")]))
        gc.collect()
    assert [str(w.message) for w in caught if issubclass(w.category, ResourceWarning)] == []


def test_a_tail_that_cannot_reach_the_broker_fails_and_closes_its_client() -> None:
    async def first() -> object:
        return await tail_topics(_nobody_listens(), ["news.raw"]).__anext__()

    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        with pytest.raises(KafkaConnectionError):
            asyncio.run(first())
        gc.collect()
    assert [str(w.message) for w in caught if issubclass(w.category, ResourceWarning)] == []
