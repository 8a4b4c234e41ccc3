"""Creating the app's topics with explicit partition counts (auto-creation would pick its own)."""

from __future__ import annotations

import logging

from aiokafka.admin import AIOKafkaAdminClient, NewTopic
from aiokafka.errors import TopicAlreadyExistsError

from stream.config.kafka import client_options
from stream.config.settings import Settings

__all__ = [
    "EVENTS_CONFLICT_TABLE",
    "EVENTS_DIPLOMATIC_TABLE",
    "MENTIONS_TABLE",
    "NEAR_TABLE",
    "SEEN_TABLE",
    "STATS_TABLE",
    "ensure_topics",
    "table_changelog_topics",
]

log = logging.getLogger(__name__)

SEEN_TABLE = "article-seen"
NEAR_TABLE = "near-index"
EVENTS_DIPLOMATIC_TABLE = "events-diplomatic"
EVENTS_CONFLICT_TABLE = "events-conflict"
MENTIONS_TABLE = "mentions"
STATS_TABLE = "event-stats"


def table_changelog_topics(settings: Settings) -> list[str]:
    """Changelogs Faust names itself; the event-layer tables write to the public topics instead."""
    return [f"{settings.app_id}-{name}-changelog" for name in (SEEN_TABLE, NEAR_TABLE)]


async def ensure_topics(settings: Settings) -> list[str]:
    """Create missing topics; returns the names created. Existing topics are left as they are."""
    admin = AIOKafkaAdminClient(**client_options(settings))
    await admin.start()
    try:
        existing = set(await admin.list_topics())
        wanted = [*settings.topics.all(), *table_changelog_topics(settings)]
        missing = [name for name in wanted if name not in existing]
        created: list[str] = []
        for name in missing:
            try:
                await admin.create_topics([NewTopic(name, settings.partitions, settings.replication_factor)])
                created.append(name)
            except TopicAlreadyExistsError:
                pass  # another worker won the race
        if created:
            log.info("created topics %s with %d partitions", created, settings.partitions)
        return created
    finally:
        await admin.close()
