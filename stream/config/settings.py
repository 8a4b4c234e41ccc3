"""Runtime configuration: one pydantic-settings class read from NEWSEVENTS_* environment variables."""

from __future__ import annotations

import os
from pathlib import Path
from typing import Literal

from pydantic import BaseModel, Field, SecretStr
from pydantic_settings import BaseSettings, SettingsConfigDict

__all__ = ["Settings", "TopicNames"]


class TopicNames(BaseModel):
    """Kafka topic names; override with NEWSEVENTS_TOPICS__RAW=... and so on."""

    raw: str = "news.raw"
    articles: str = "news.articles"  # internal: parsed articles keyed by content key
    candidates: str = "news.event-candidates"  # internal: coded events keyed by event_id
    diplomatic: str = "events.diplomatic"
    conflict: str = "events.conflict"
    mentions: str = "events.mentions"
    stats: str = "events.stats"
    duplicates: str = "news.duplicates"
    dlq: str = "news.dlq"

    def outputs(self) -> list[str]:
        return [self.diplomatic, self.conflict, self.mentions, self.stats, self.duplicates, self.dlq]

    def all(self) -> list[str]:
        return [self.raw, self.articles, self.candidates, *self.outputs()]


class Settings(BaseSettings):
    """Everything the worker and the CLI can be configured with."""

    model_config = SettingsConfigDict(
        env_prefix="NEWSEVENTS_",
        env_nested_delimiter="__",
        secrets_dir=None,
        extra="ignore",
    )

    app_id: str = "newsevents"
    bootstrap_servers: str = "127.0.0.1:9092"
    topics: TopicNames = Field(default_factory=TopicNames)
    partitions: int = Field(default=4, ge=1, description="Partitions of every topic the app creates")
    replication_factor: int = Field(default=1, ge=1)
    web_host: str = "0.0.0.0"
    web_port: int = Field(default=6066, ge=0, le=65535)
    store: str = "memory://"
    data_dir: Path = Path("/tmp/newsevents-data")
    session_timeout_seconds: float = Field(default=30.0, gt=0)
    heartbeat_interval_seconds: float = Field(default=3.0, gt=0)
    fetch_max_wait_seconds: float = Field(
        default=0.1,
        gt=0,
        description="Longest a consumer fetch waits for data. Kafka answers as soon as data arrives; "
        "the embedded broker only when the wait ends, so there this is latency added to every stage",
    )
    commit_interval_seconds: float = Field(
        default=1.0,
        gt=0,
        description="How often processed offsets are committed. Outputs are published (and acknowledged "
        "by the broker) before their input counts as processed, so this only bounds how much a crash "
        "replays",
    )
    dedup_window_days: float = Field(default=7.0, gt=0)
    dedup_max_entries: int = Field(default=1_000_000, gt=0, description="Bound on keys per dedup table")
    stall_seconds: float = Field(
        default=60.0, gt=0, description="No progress with backlog this long: unready"
    )
    max_tick_age_seconds: float = Field(
        default=10.0, gt=0, description="Event loop stalled this long: not alive"
    )
    pause_file: Path | None = Field(
        default=None, description="While this file exists the agents pause (drains, incident drills, tests)"
    )
    log_level: str = "info"
    reseek_after_seconds: float = Field(
        default=10.0,
        gt=0,
        description="Worker idle this long while a partition has records past its committed offset: "
        "fetch them again from there (records Faust fetched but lost, faust-streaming#596)",
    )
    producer_max_batch_bytes: int = Field(
        default=16384,
        ge=1,
        description="Producer batch size; 1 sends every record alone, which the embedded broker needs "
        "(its ListOffsets(latest) answers the last batch's base offset + 1, so table recovery would "
        "stop short of multi-record batches)",
    )

    # Security: PLAINTEXT is what the embedded broker speaks; the rest is for real clusters.
    security_protocol: Literal["PLAINTEXT", "SSL", "SASL_PLAINTEXT", "SASL_SSL"] = "PLAINTEXT"
    sasl_mechanism: Literal["PLAIN", "SCRAM-SHA-256", "SCRAM-SHA-512"] | None = None
    sasl_username: str | None = None
    sasl_password: SecretStr | None = None
    ssl_cafile: Path | None = None
    ssl_certfile: Path | None = None
    ssl_keyfile: Path | None = None
    ssl_key_password: SecretStr | None = None

    @classmethod
    def load(cls) -> Settings:
        """Environment first; secrets may also come as files, one per variable (for example
        `NEWSEVENTS_SASL_PASSWORD`), in the directory NEWSEVENTS_SECRETS_DIR names (secret mounts)."""
        secrets_dir = os.environ.get("NEWSEVENTS_SECRETS_DIR")
        return cls(_secrets_dir=secrets_dir) if secrets_dir else cls()

    def broker_url(self) -> str:
        """Faust broker URL list, e.g. kafka://h1:9092;kafka://h2:9092."""
        hosts = [h.strip() for h in self.bootstrap_servers.split(",") if h.strip()]
        return ";".join(f"kafka://{h}" for h in hosts)

    def masked_dump(self) -> dict[str, object]:
        """Settings as a JSON-ready dict with every secret replaced by '**********'."""
        return self.model_dump(mode="json")
