"""Faust's aiokafka consumer with the fetch long-poll wait taken from settings (Faust fixes 1.5 s)."""

from __future__ import annotations

import logging
from typing import Any

import faust
from faust.transport.drivers import aiokafka as driver

__all__ = ["use_fetch_wait"]

log = logging.getLogger(__name__)


class _FetchWaitConsumerThread(driver.AIOKafkaConsumerThread):
    fetch_max_wait_ms: int = 1500

    def _create_worker_consumer(self, transport: Any) -> Any:
        consumer = super()._create_worker_consumer(transport)
        # aiokafka reads this when start() builds its Fetcher; Faust offers no setting for it.
        consumer._fetch_max_wait_ms = self.fetch_max_wait_ms
        log.info("consumer fetch wait: %d ms", self.fetch_max_wait_ms)
        return consumer


def use_fetch_wait(app: faust.App, seconds: float) -> None:
    """Make the app's consumer wait at most `seconds` per fetch when no data is ready.

    Kafka answers a waiting fetch as soon as data arrives, so the wait only bounds idle polling. Some
    Kafka-protocol brokers (the embedded Tansu) answer only when the wait expires: there the wait is
    added to every hop of the pipeline."""
    wait_ms = max(1, round(seconds * 1000))

    class FetchWaitConsumerThread(_FetchWaitConsumerThread):
        fetch_max_wait_ms = wait_ms

    class FetchWaitConsumer(driver.Consumer):
        def _new_consumer_thread(self) -> Any:
            return FetchWaitConsumerThread(self, loop=self.loop, beacon=self.beacon)

    app.transport.Consumer = FetchWaitConsumer  # type: ignore[misc]  # this app's transport only
