"""Which broker the worker talks to, and the settings the embedded (Tansu) broker needs, picked at start."""

from __future__ import annotations

import asyncio
import logging
from typing import Final

from aiokafka.client import AIOKafkaClient
from aiokafka.protocol.metadata import MetadataRequest

from stream.config.kafka import client_options
from stream.config.settings import Settings

__all__ = ["EMBEDDED_CLUSTER_IDS", "EMBEDDED_SETTINGS", "adapt_to_broker", "cluster_id", "embedded_profile"]

log = logging.getLogger(__name__)

# Tansu (the broker of `newsevents broker`, `dev` and the tests) reports this cluster id unless told
# otherwise; Apache Kafka's ids are random base64.
EMBEDDED_CLUSTER_IDS: Final = frozenset({"tansu_cluster"})
# Tansu answers ListOffsets(latest) with the last batch's base offset + 1, which stops Faust's table
# recovery short (one record a batch makes it right), and answers a waiting fetch only when the wait ends
# (a short wait keeps every stage from waiting for it). On Kafka neither is needed.
EMBEDDED_SETTINGS: Final = {"producer_max_batch_bytes": 1, "fetch_max_wait_seconds": 0.02}


_ASK_SECONDS: Final = 10.0


async def cluster_id(settings: Settings) -> str | None:
    """The cluster id the bootstrap brokers report in a metadata answer (None if they give none)."""
    client = AIOKafkaClient(**client_options(settings), request_timeout_ms=int(_ASK_SECONDS * 1000))
    try:
        async with asyncio.timeout(_ASK_SECONDS):
            await client.bootstrap()
            node = client.get_random_node()
            if node is None:
                return None
            response = await client.send(node, MetadataRequest([]))
        found = getattr(response, "cluster_id", None)
        return str(found) if found else None
    finally:
        await client.close()


def embedded_profile(settings: Settings, cluster: str | None) -> Settings:
    """The settings for this cluster: on the embedded broker, its needs, except where the user set a value."""
    if cluster not in EMBEDDED_CLUSTER_IDS:
        return settings
    update = {
        name: value for name, value in EMBEDDED_SETTINGS.items() if name not in settings.model_fields_set
    }
    return settings.model_copy(update=update) if update else settings


async def adapt_to_broker(settings: Settings) -> Settings:
    """Ask the cluster who it is and adapt; a broker that cannot be asked leaves the settings as they are."""
    try:
        cluster = await cluster_id(settings)
    except Exception as error:  # the worker's own start reports an unreachable broker in one line
        log.warning("could not read the cluster id (%s): settings left as configured", error)
        return settings
    adapted = embedded_profile(settings, cluster)
    if adapted is not settings:
        changed = {name: getattr(adapted, name) for name in EMBEDDED_SETTINGS}
        log.info("embedded broker (cluster id %s): using %s", cluster, changed)
    return adapted
