"""The worker's sends: one Topic object per output topic, each send awaited until the broker has it."""

from __future__ import annotations

import asyncio
from collections.abc import Iterable
from typing import Any

import faust

from stream.records.outbound import Outbound

__all__ = ["Publisher"]


class Publisher:
    """Publish now and wait for the broker: an input is acknowledged (and later committed) only after its
    outputs exist. (Faust's attached sends would wait for the next commit, and are never sent at all when
    the partition is revoked first.)"""

    def __init__(self, app: faust.App, partitions: int) -> None:
        self._app = app
        self._partitions = partitions
        self._topics: dict[str, Any] = {}

    def topic(self, name: str) -> Any:
        """One Topic object per output topic: app.send(name) would build (and compile) a new one per call."""
        if name not in self._topics:
            self._topics[name] = self._app.topic(name, partitions=self._partitions)
        return self._topics[name]

    async def send(self, *outs: Outbound) -> None:
        """Each record to its topic, partitioned by its key."""
        await asyncio.gather(
            *(self.topic(out.topic).send(key=out.key, value=out.value, force=True) for out in outs)
        )

    async def send_to_partition(self, entries: Iterable[tuple[str, bytes, bytes]], partition: int) -> None:
        """(topic, key, value) entries, all to one partition (a table's changelog: its input's partition)."""
        await asyncio.gather(
            *(
                self.topic(topic).send(key=key, value=value, partition=partition, force=True)
                for topic, key, value in entries
            )
        )
