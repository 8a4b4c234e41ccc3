"""The benchmark baseline: a Faust agent that only forwards raw messages, configured like the worker."""

from __future__ import annotations

from typing import Any

import faust

from stream.app import faust_app
from stream.settings import Settings

__all__ = ["FORWARDED_TOPIC", "create_forwarder_app"]

FORWARDED_TOPIC = "bench.forwarded"


def create_forwarder_app(settings: Settings) -> faust.App:
    """Same Faust configuration as the pipeline worker, one agent: raw topic -> FORWARDED_TOPIC."""
    app = faust_app(settings)
    raw_topic = app.topic(settings.topics.raw, partitions=settings.partitions)

    @app.agent(raw_topic, name="forward")
    async def forward(stream: Any) -> None:
        async for event in stream.events():
            await app.send(FORWARDED_TOPIC, key=event.message.key, value=event.message.value)

    return app
