"""The benchmark baselines: Faust agents that only forward raw messages, configured like the worker."""

from __future__ import annotations

from typing import Any

import faust

from stream.config.settings import Settings
from stream.worker.app import faust_app

__all__ = ["COPY_BYTES", "FORWARDED_TOPIC", "create_forwarder_app"]

FORWARDED_TOPIC = "bench.forwarded"


# An event or mention record is about this size; the copies of the fan-out baseline carry as much.
COPY_BYTES = 1024


def create_forwarder_app(settings: Settings, fanout: int = 1) -> faust.App:
    """Same Faust configuration as the pipeline worker, one agent: raw topic -> FORWARDED_TOPIC, each
    message sent `fanout` times (the message last, copies of its first COPY_BYTES before it), so the
    cost of publishing the pipeline's records alone, with no work to make them, is measured."""
    app = faust_app(settings)
    raw_topic = app.topic(settings.topics.raw, partitions=settings.partitions)

    @app.agent(raw_topic, name="forward")
    async def forward(stream: Any) -> None:
        async for event in stream.events():
            key, value = event.message.key, event.message.value
            for _ in range(fanout - 1):
                await app.send(FORWARDED_TOPIC, key=key, value=value[:COPY_BYTES])
            await app.send(FORWARDED_TOPIC, key=key, value=value)

    return app
