"""Prometheus metrics of the worker, as one object built from an injected registry."""

from __future__ import annotations

from prometheus_client import CollectorRegistry, Counter, Gauge, Histogram

from stream import SCHEMA_VERSION, __version__

__all__ = ["LAG_BUCKETS", "PROCESSING_BUCKETS", "Metrics"]

# Per-article coding takes ~0.1-5 ms; the tail up to seconds flags trouble.
PROCESSING_BUCKETS = (0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1.0, 2.5, 5.0)
# Produce-to-publish lag: tens of milliseconds when keeping up, minutes when catching up.
LAG_BUCKETS = (0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1.0, 2.5, 5.0, 10.0, 30.0, 60.0, 300.0, 900.0, 3600.0)


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
            "Articles finished by the processing stage, by outcome (new, duplicate, replayed: an article "
            "id already recorded for its text, failed; unsupported_language: read by the ingest stage, "
            "not coded, noted on the skipped topic)",
            ["outcome"],
            registry=registry,
        )
        self.events_published = Counter(
            "newsevents_events_published",
            "Event records published",
            ["event_type", "quad_class"],
            registry=registry,
        )
        self.events_extracted = Counter(
            "newsevents_events_extracted", "Events coded from articles, before event dedup", registry=registry
        )
        self.candidates_applied = Counter(
            "newsevents_candidates_applied",
            "Event candidates the event stage has applied (several may share one Kafka record)",
            registry=registry,
        )
        self.mentions_published = Counter(
            "newsevents_mentions_published", "Mention records published", registry=registry
        )
        self.duplicates = Counter(
            "newsevents_duplicates",
            "Duplicates recognised, by layer (article, event) and kind",
            ["layer", "kind"],
            registry=registry,
        )
        self.dead_letters = Counter(
            "newsevents_dead_letters", "Records sent to the dead-letter topic", ["reason"], registry=registry
        )
        self.articles_truncated = Counter(
            "newsevents_articles_truncated",
            "Articles whose text was cut to fit one record (truncated_from_bytes set)",
            registry=registry,
        )
        self.publish_retries = Counter(
            "newsevents_publish_retries",
            "Sends that failed on the way to the broker and were sent again after a back-off",
            ["topic"],
            registry=registry,
        )
        self.coder_restarts = Counter(
            "newsevents_coder_restarts",
            "Coding processes replaced (after an article over the coding budget, or a crash)",
            registry=registry,
        )
        self.processing_seconds = Histogram(
            "newsevents_article_processing_seconds",
            "Time to dedup, code and publish one article",
            buckets=PROCESSING_BUCKETS,
            registry=registry,
        )
        self.stage_seconds = Histogram(
            "newsevents_stage_seconds",
            "Time spent per pipeline stage (ingest, dedup, extract, publish)",
            ["stage"],
            buckets=PROCESSING_BUCKETS,
            registry=registry,
        )
        self.end_to_end_lag_seconds = Histogram(
            "newsevents_end_to_end_lag_seconds",
            "Publish time minus the raw message's Kafka timestamp",
            buckets=LAG_BUCKETS,
            registry=registry,
        )
        self.consumer_lag = Gauge(
            "newsevents_consumer_lag_records",
            "Records behind the fetch high watermark, per assigned partition",
            ["topic", "partition"],
            registry=registry,
        )
        self.consumer_reseeks = Counter(
            "newsevents_consumer_reseeks",
            "Partitions sought back to their next unprocessed offset after fetched records never reached "
            "an agent (a Faust recovery race, faust-streaming#596)",
            ["topic"],
            registry=registry,
        )
        self.consumer_refetches = Counter(
            "newsevents_consumer_refetches",
            "Offset gaps fetched again instead of being committed over (records Faust fetched but "
            "dropped during a rebalance, faust-streaming#596)",
            ["topic"],
            registry=registry,
        )
        self.state_entries = Gauge(
            "newsevents_dedup_state_entries",
            "Keys held in a dedup table on this worker",
            ["table"],
            registry=registry,
        )
        self.state_max_entries = Gauge(
            "newsevents_dedup_state_max_entries",
            "Configured bound on keys per dedup table",
            ["table"],
            registry=registry,
        )
        self.state_evictions = Counter(
            "newsevents_dedup_state_evictions",
            "Keys evicted from a dedup table",
            ["table"],
            registry=registry,
        )
        self.last_commit_age_seconds = Gauge(
            "newsevents_last_commit_age_seconds",
            "Seconds since the last completed offset commit",
            registry=registry,
        )
        self.rebalances = Counter(
            "newsevents_rebalances", "Consumer group rebalances started", registry=registry
        )
        self.partitions_assigned = Gauge(
            "newsevents_partitions_assigned", "Partitions of the input topics assigned", registry=registry
        )
        self.ready = Gauge("newsevents_ready", "1 when /readyz answers ready", registry=registry)
        self.build_info = Gauge(
            "newsevents_build_info",
            "Always 1; labels carry the build",
            ["version", "schema_version"],
            registry=registry,
        )
        self.build_info.labels(version=__version__, schema_version=str(SCHEMA_VERSION)).set(1)
