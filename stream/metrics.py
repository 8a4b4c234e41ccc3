"""Prometheus metrics of the worker, as one object built from an injected registry."""

from __future__ import annotations

from prometheus_client import CollectorRegistry, Counter, Gauge, Histogram

from stream import SCHEMA_VERSION, __version__

__all__ = ["PROCESSING_BUCKETS", "Metrics"]

# Per-article coding takes ~0.1-5 ms; the tail up to seconds flags trouble.
PROCESSING_BUCKETS = (0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1.0, 2.5, 5.0)


class Metrics:
    """Every newsevents_* series; counters get the _total suffix from prometheus-client."""

    def __init__(self, registry: CollectorRegistry) -> None:
        self.registry = registry
        self.messages_consumed = Counter(
            "newsevents_messages_consumed", "Kafka records consumed", ["topic"], registry=registry
        )
        self.raw_messages = Counter(
            "newsevents_raw_messages",
            "Raw records finished by the ingest stage, by outcome (article, dead_letter)",
            ["outcome"],
            registry=registry,
        )
        self.articles = Counter(
            "newsevents_articles",
            "Articles finished by the processing stage, by outcome (new, duplicate, failed)",
            ["outcome"],
            registry=registry,
        )
        self.events_published = Counter(
            "newsevents_events_published",
            "Event records published",
            ["event_type", "quad_class"],
            registry=registry,
        )
        self.mentions_published = Counter(
            "newsevents_mentions_published", "Mention records published", registry=registry
        )
        self.duplicates = Counter(
            "newsevents_duplicates", "Articles recognised as duplicates", ["kind"], registry=registry
        )
        self.dead_letters = Counter(
            "newsevents_dead_letters", "Records sent to the dead-letter topic", ["reason"], registry=registry
        )
        self.processing_seconds = Histogram(
            "newsevents_article_processing_seconds",
            "Time to dedup, code and publish one article",
            buckets=PROCESSING_BUCKETS,
            registry=registry,
        )
        self.build_info = Gauge(
            "newsevents_build_info",
            "Always 1; labels carry the build",
            ["version", "schema_version"],
            registry=registry,
        )
        self.build_info.labels(version=__version__, schema_version=str(SCHEMA_VERSION)).set(1)
