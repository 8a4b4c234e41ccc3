"""Runtime configuration: one pydantic-settings class read from NEWSEVENTS_* environment variables."""

from __future__ import annotations

import difflib
import importlib.util
import os
import re
from collections.abc import Mapping
from pathlib import Path
from typing import Any, Final, Literal

from pydantic import (
    BaseModel,
    Field,
    SecretStr,
    ValidationError,
    ValidationInfo,
    field_validator,
    model_validator,
)
from pydantic_settings import BaseSettings, SettingsConfigDict, SettingsError

__all__ = [
    "DEAD_LETTER_ENVELOPE_BYTES",
    "ENV_PREFIX",
    "LOG_LEVELS",
    "MIN_REQUEST_BYTES",
    "ConfigError",
    "Settings",
    "TopicNames",
    "describe_errors",
    "env_name",
    "known_variables",
    "unknown_variables",
]

ENV_PREFIX = "NEWSEVENTS_"
LOG_LEVELS = ("debug", "info", "warning", "error", "critical")
STORE_SCHEMES = ("memory://", "rocksdb://")
# Read by Settings.load, the build and the tests rather than by a field: never reported as unknown.
OTHER_VARIABLES = frozenset({"NEWSEVENTS_SECRETS_DIR", "NEWSEVENTS_COMPILE", "NEWSEVENTS_EXPECT_COMPILED"})
_SECRET_FIELDS = frozenset({"sasl_password", "ssl_key_password"})
_TOPIC_NAME = re.compile(r"[A-Za-z0-9._-]{1,249}")
_ADDRESS_FORM = "host:port, several separated by commas"
#: Room a dead letter needs besides the value it keeps (reason, detail, preview, key, origin, framing).
DEAD_LETTER_ENVELOPE_BYTES: Final = 32_768
#: Smallest producer request size accepted: a dead letter's envelope and a useful article must fit.
MIN_REQUEST_BYTES: Final = 65_536


class ConfigError(ValueError):
    """A configuration problem worded for the user: each line names the variable and what is wrong."""


def env_name(*loc: str | int) -> str:
    """The environment variable of a field path: ('topics', 'raw') -> NEWSEVENTS_TOPICS__RAW."""
    return ENV_PREFIX + "__".join(str(part) for part in loc).upper()


def _address_problem(address: str) -> str | None:
    """What is wrong with one bootstrap address (host, host:port or [IPv6]:port), or None."""
    if "://" in address:
        return "has a URL scheme"
    if address.startswith("["):
        host, _, rest = address.partition("]")
        host, port = host + "]", rest.removeprefix(":")
        if rest and not rest.startswith(":"):
            return "is not host:port"
    elif address.count(":") > 1:
        return "is not host:port (an IPv6 address goes in brackets: [::1]:9092)"
    else:
        host, _, port = address.partition(":")
    if not host.strip("[]"):
        return "has no host"
    if port and not (port.isdigit() and 0 < int(port) < 65536):
        return f"has no valid port ({port!r})"
    return None


def _given(value: object) -> bool:
    if isinstance(value, SecretStr):
        return bool(value.get_secret_value())
    return bool(str(value).strip()) if value is not None else False


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
    skipped: str = "news.skipped"  # articles read but not coded (a language the coder cannot read), with why
    dlq: str = "news.dlq"

    @field_validator("*")
    @classmethod
    def _topic_name(cls, value: str, info: ValidationInfo) -> str:
        name = env_name("topics", str(info.field_name))
        if not value.strip():
            raise ValueError(f"{name} is empty: every topic needs a name")
        if not _TOPIC_NAME.fullmatch(value):
            raise ValueError(
                f"{name}={value!r} is not a Kafka topic name: letters, digits, '.', '_' and '-', "
                "at most 249 characters"
            )
        return value

    @model_validator(mode="after")
    def _distinct(self) -> TopicNames:
        first: dict[str, str] = {}
        clashes = []
        for field, topic in self.model_dump().items():
            if topic in first:
                clashes.append(f"{env_name('topics', first[topic])} and {env_name('topics', field)}")
            first.setdefault(topic, field)
        if clashes:
            raise ValueError(f"{'; '.join(clashes)} name the same topic: every topic needs its own name")
        return self

    def outputs(self) -> list[str]:
        return [
            self.diplomatic,
            self.conflict,
            self.mentions,
            self.stats,
            self.duplicates,
            self.skipped,
            self.dlq,
        ]

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
    batch_max_records: int = Field(
        default=200,
        ge=1,
        description="Most input records a stage takes at once: their outputs are sent together and "
        "awaited once, and the inputs count as processed when all of them are acknowledged (the article "
        "stage, which codes them, takes 16 at most)",
    )
    batch_wait_seconds: float = Field(
        default=0.005,
        gt=0,
        description="Longest a stage waits to fill a batch; latency added to each stage at low rates",
    )
    table_standby_replicas: int = Field(
        default=1,
        ge=0,
        description="Workers that keep a standby copy of each table partition (read from its changelog): "
        "a partition that moves is then ready at once, at the cost of reading every other worker's "
        "table writes",
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
    producer_max_request_bytes: int = Field(
        default=1_000_000,
        ge=MIN_REQUEST_BYTES,
        description="Largest record the worker produces (key, value and framing). Checked against the "
        "broker's message.max.bytes at start-up; an article record above it is cut to fit and flagged, "
        "any other output above it dead-letters its input",
    )
    dead_letter_max_value_bytes: int = Field(
        default=262_144,
        ge=0,
        description="Most bytes of a failed input a dead letter keeps (base64); a longer one is cut, with "
        "its full size, its SHA-256 and its topic/partition/offset to fetch it whole",
    )
    coding_budget_seconds: float = Field(
        default=2.0,
        gt=0,
        description="Longest one article may take to code (in a separate process); an article over it "
        "is dead-lettered as coding_timeout",
    )
    broker_probe_seconds: float = Field(
        default=5.0,
        gt=0,
        description="How often readiness asks the broker for metadata, and how long it waits for the "
        "answer: a broker that answers no request turns the worker unready",
    )
    stuck_stream_warning_seconds: float = Field(
        default=300.0,
        gt=0,
        description="An input partition with records its stream has not taken for this long is logged "
        "as stuck (Faust's stream_processing_timeout)",
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

    @field_validator(
        "sasl_mechanism", "sasl_username", "ssl_cafile", "ssl_certfile", "ssl_keyfile", mode="before"
    )
    @classmethod
    def _empty_is_unset(cls, value: object) -> object:
        # An empty variable (a blank in a template) means the setting is not given.
        return None if isinstance(value, str) and not value.strip() else value

    @field_validator("security_protocol", "sasl_mechanism", mode="before")
    @classmethod
    def _upper_case(cls, value: object) -> object:
        return value.strip().upper() if isinstance(value, str) else value

    @field_validator("log_level", mode="before")
    @classmethod
    def _log_level(cls, value: object) -> object:
        if not isinstance(value, str):
            return value
        level = value.strip().lower()
        level = "warning" if level == "warn" else level
        if level not in LOG_LEVELS:
            raise ValueError(
                f"NEWSEVENTS_LOG_LEVEL={value!r} is not a log level: use one of {', '.join(LOG_LEVELS)}"
            )
        return level

    @field_validator("store")
    @classmethod
    def _store(cls, value: str) -> str:
        if not value.startswith(STORE_SCHEMES):
            bare = value.strip().rstrip(":/").lower()
            hint = f" (did you mean {bare}://?)" if f"{bare}://" in STORE_SCHEMES else ""
            raise ValueError(
                f"NEWSEVENTS_STORE={value!r} is not a store URL: use memory:// or rocksdb://{hint}"
            )
        if value.startswith("rocksdb://") and not any(
            importlib.util.find_spec(module) for module in ("rocksdict", "rocksdb")
        ):
            raise ValueError("NEWSEVENTS_STORE=rocksdb:// needs rocksdict: pip install 'newsevents[rocksdb]'")
        return value

    @field_validator("bootstrap_servers")
    @classmethod
    def _bootstrap(cls, value: str) -> str:
        hosts = [h.strip() for h in value.split(",") if h.strip()]
        if not hosts:
            raise ValueError(f"NEWSEVENTS_BOOTSTRAP_SERVERS is empty: give {_ADDRESS_FORM}")
        for host in hosts:
            problem = _address_problem(host)
            if problem is not None:
                raise ValueError(
                    f"NEWSEVENTS_BOOTSTRAP_SERVERS={value!r}: {host!r} {problem}; give {_ADDRESS_FORM}"
                )
        return ",".join(hosts)

    @field_validator("ssl_cafile", "ssl_certfile", "ssl_keyfile")
    @classmethod
    def _readable_file(cls, value: Path | None, info: ValidationInfo) -> Path | None:
        if value is None:
            return None
        name = env_name(str(info.field_name))
        if not value.exists():
            raise ValueError(f"{name}={value}: no such file")
        if not value.is_file() or not os.access(value, os.R_OK):
            raise ValueError(f"{name}={value}: not a readable file")
        return value

    @model_validator(mode="after")
    def _dead_letters_fit(self) -> Settings:
        kept = (self.dead_letter_max_value_bytes + 2) // 3 * 4  # base64
        if kept + DEAD_LETTER_ENVELOPE_BYTES > self.producer_max_request_bytes:
            raise ValueError(
                f"NEWSEVENTS_DEAD_LETTER_MAX_VALUE_BYTES={self.dead_letter_max_value_bytes} does not fit "
                f"NEWSEVENTS_PRODUCER_MAX_REQUEST_BYTES={self.producer_max_request_bytes}: a dead letter "
                f"keeps it in base64 ({kept} bytes) plus up to {DEAD_LETTER_ENVELOPE_BYTES} bytes of "
                "envelope; lower the first or raise the second"
            )
        return self

    @model_validator(mode="after")
    def _security(self) -> Settings:
        if self.security_protocol.startswith("SASL"):
            missing = [
                env_name(f) for f in ("sasl_username", "sasl_password") if not _given(getattr(self, f))
            ]
            if missing:
                raise ValueError(
                    f"NEWSEVENTS_SECURITY_PROTOCOL={self.security_protocol} needs {' and '.join(missing)}"
                )
        if self.ssl_keyfile is not None and self.ssl_certfile is None:
            raise ValueError(
                "NEWSEVENTS_SSL_KEYFILE is set without NEWSEVENTS_SSL_CERTFILE: give its certificate too"
            )
        return self

    @classmethod
    def load(cls, **overrides: Any) -> Settings:
        """Environment first; secrets may also come as files, one per variable (for example
        `NEWSEVENTS_SASL_PASSWORD`), in the directory NEWSEVENTS_SECRETS_DIR names (secret mounts).
        `overrides` (command-line options named after their field; None: not given) win over both.
        Raises ConfigError, one line per problem, each naming the variable (or the option)."""
        given = {field: value for field, value in overrides.items() if value is not None}
        secrets_dir = os.environ.get("NEWSEVENTS_SECRETS_DIR")
        if secrets_dir and not Path(secrets_dir).is_dir():
            raise ConfigError(f"NEWSEVENTS_SECRETS_DIR={secrets_dir}: no such directory")
        try:
            return cls(_secrets_dir=secrets_dir, **given) if secrets_dir else cls(**given)
        except ValidationError as exc:
            lines = describe_errors(exc)
        except SettingsError as exc:
            # pydantic-settings could not parse a structured value (NEWSEVENTS_TOPICS as JSON).
            parsed = re.search(r'field "(\w+)"', str(exc))
            name = env_name(parsed.group(1)) if parsed else "a NEWSEVENTS_ variable"
            lines = [f"{name}: not valid JSON ({exc})"]
        for field in given:
            option = "--" + field.replace("_", "-")
            lines = [line.replace(env_name(field), option) for line in lines]
        raise ConfigError("\n".join(lines))

    def unused_settings(self) -> list[str]:
        """Warnings for settings that are given but have no effect with this security protocol."""
        protocol = self.security_protocol
        groups = (
            (not protocol.startswith("SASL"), ("sasl_mechanism", "sasl_username", "sasl_password")),
            (not protocol.endswith("SSL"), ("ssl_cafile", "ssl_certfile", "ssl_keyfile", "ssl_key_password")),
        )
        out = []
        for unused, fields in groups:
            given = [env_name(f) for f in fields if unused and getattr(self, f) is not None]
            if given:
                out.append(f"{', '.join(given)} not used: NEWSEVENTS_SECURITY_PROTOCOL is {protocol}")
        return out

    def as_variables(self) -> list[tuple[str, str]]:
        """(variable, value) for every setting, secrets masked, None as an empty value."""
        out: list[tuple[str, str]] = []
        for field, value in self.masked_dump().items():
            if isinstance(value, dict):
                out += [(env_name(field, sub), str(v)) for sub, v in value.items()]
            else:
                out.append((env_name(field), "" if value is None else str(value)))
        return out

    def broker_url(self) -> str:
        """Faust broker URL list, e.g. kafka://h1:9092;kafka://h2:9092."""
        hosts = [h.strip() for h in self.bootstrap_servers.split(",") if h.strip()]
        return ";".join(f"kafka://{h}" for h in hosts)

    def masked_dump(self) -> dict[str, object]:
        """Settings as a JSON-ready dict with every secret replaced by '**********'."""
        return self.model_dump(mode="json")


def describe_errors(exc: ValidationError) -> list[str]:
    """One line per validation error, naming the environment variable (never echoing a secret)."""
    lines = []
    for error in exc.errors():
        loc = [str(part) for part in error["loc"]]
        loc = loc[:2] if loc[:1] == ["topics"] else loc[:1]
        reason = (error.get("ctx") or {}).get("error")
        if error["type"] == "value_error" and str(reason).startswith(ENV_PREFIX):
            lines.append(str(reason))  # worded by a validator above, variable included
            continue
        name = env_name(*loc) if loc else "settings"
        shown = "" if not loc or loc[0] in _SECRET_FIELDS else f"={error['input']!r}"
        message = str(error["msg"])
        lines.append(f"{name}{shown}: {message[:1].lower()}{message[1:]}")
    return lines


def known_variables() -> list[str]:
    """Every NEWSEVENTS_* variable something reads."""
    names = {env_name(field) for field in Settings.model_fields}
    names |= {env_name("topics", field) for field in TopicNames.model_fields}
    return sorted(names | OTHER_VARIABLES)


def unknown_variables(environ: Mapping[str, str]) -> list[str]:
    """A warning for each NEWSEVENTS_* variable that no setting reads (pydantic-settings ignores them
    silently), with the nearest known name."""
    known = known_variables()
    suffixes = [name.removeprefix(ENV_PREFIX) for name in known]
    out = []
    for name in sorted(environ):
        upper = name.upper()  # the settings read names in any case
        if not upper.startswith(ENV_PREFIX) or upper in known:
            continue
        near = difflib.get_close_matches(upper.removeprefix(ENV_PREFIX), suffixes, n=1)
        hint = f"did you mean {ENV_PREFIX}{near[0]}?" if near else "`newsevents settings` lists them all"
        out.append(f"{name} is not a setting and is ignored; {hint}")
    return out
