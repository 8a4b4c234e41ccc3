"""Pydantic models of every record newsevents reads or writes; JSON Schemas in schemas/ come from here."""

from __future__ import annotations

import datetime as dt
import typing
from typing import Annotated, Any, Final, Literal

from pydantic import BaseModel, ConfigDict, Field, WithJsonSchema

from stream import SCHEMA_VERSION

__all__ = [
    "EVENT_TYPES",
    "PUBLISHED_FORMS",
    "Actor",
    "Article",
    "ArticleSeen",
    "DateSource",
    "DeadLetter",
    "DuplicateNotice",
    "EventCandidate",
    "EventRecord",
    "EventStats",
    "EventType",
    "Location",
    "Mention",
    "RawArticle",
    "ReportSentence",
    "RoleSpan",
    "SkippedArticle",
    "SourceRef",
    "Span",
]

EventType = Literal[
    "AGREE",
    "CONSULT",
    "SUPPORT",
    "CONCEDE",
    "COOPERATE",
    "AID",
    "RETREAT",
    "REQUEST",
    "ACCUSE",
    "REJECT",
    "THREATEN",
    "SANCTION",
    "PROTEST",
    "MOBILIZE",
    "COERCE",
    "ASSAULT",
]
EVENT_TYPES: tuple[str, ...] = typing.get_args(EventType)

# Where an article's date came from: its `published` value, its wire dateline's date, else (the date
# unreadable or missing) the Kafka record's timestamp, the input file's time offline, or the time of ingest.
DateSource = Literal["published", "dateline", "record_timestamp", "file", "ingest_time"]
_DATE_SOURCE = (
    "Where the date came from: 'published'; else (missing or unreadable) the wire dateline's date "
    "('dateline'), the Kafka record's timestamp ('record_timestamp'), the input file's modification time "
    "offline ('file'), or the time of ingest ('ingest_time')"
)
PUBLISHED_FORMS: Final = (
    "ISO 8601 ('2026-12-01', '2026-12-01T09:30:00+01:00'), RFC 2822 ('Tue, 01 Dec 2026 09:30:00 +0000'), "
    "epoch seconds (9-10 digits) or milliseconds (12-13 digits), YYYYMMDD, YYYY/MM/DD, and written "
    "dates with day, month and year in any common order, with a time and zone abbreviation or not "
    "('December 1, 2026', '1 Dec 2026', '7:58 AM ET, Tue December 1, 2026')"
)
# Any JSON value is taken (one the parser cannot read dates the article by its fallback, never rejects
# it); the schema states the forms that are read.
_PUBLISHED_SCHEMA = WithJsonSchema(
    {
        "anyOf": [{"type": "string", "maxLength": 100}, {"type": "number"}, {"type": "null"}],
        "description": f"Publication date or time: {PUBLISHED_FORMS}. A value in none of these forms, "
        "or none, does not reject the article: it is dated by its dateline, the Kafka record's timestamp "
        "or the file's time (see the article's `date_source`).",
        "examples": [
            "2026-12-01T09:30:00Z",
            "Tue, 01 Dec 2026 09:30:00 +0000",
            "December 1, 2026",
            "7:58 AM ET, Tue December 1, 2026",
            "20261201",
            1796117400,
        ],
    }
)


class _Record(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class RawArticle(BaseModel):
    """A raw news message as producers send it in JSON form (the plain-text seed form maps onto it)."""

    model_config = ConfigDict(extra="ignore")

    id: str | None = Field(default=None, max_length=512)
    url: str | None = None
    source: str | None = None
    published: Annotated[Any, _PUBLISHED_SCHEMA] = None
    title: str | None = None
    text: str | None = None
    body: str | None = None


class SourceRef(_Record):
    """Where a Kafka record came from."""

    topic: str
    partition: int
    offset: int
    timestamp_ms: int | None = None


class Article(_Record):
    """A validated article, as passed from the ingest stage to the processing stage."""

    schema_version: int = SCHEMA_VERSION
    article_id: str
    content_hash: str = Field(description="xxh3-128 of the normalized text, hex")
    content_key: str = Field(default="", description="xxh3-128 of the normalized text without boilerplate")
    bytes_hash: str = Field(default="", description="xxh3-128 of the raw message bytes")
    simhash: str = Field(default="", description="two independent SimHash-64 of the text, 32 hex digits")
    url: str | None = None
    source: str | None = None
    published: dt.date | None = Field(
        default=None, description="The article's date (set by ingest, never null from it): see date_source"
    )
    date_source: DateSource | None = Field(default=None, description=_DATE_SOURCE)
    published_unread: str | None = Field(
        default=None, description="The `published` value that could not be read (first 100 characters)"
    )
    title: str | None = None
    text: str
    origin: SourceRef | None = None
    truncated_from_bytes: int | None = Field(
        default=None,
        description="Set when the text was cut so the article fits one Kafka record: the UTF-8 size of the "
        "whole text (hashes and fingerprints are of the whole text; `origin` locates the raw record)",
    )


class Span(_Record):
    """Character offsets [start, end) into the event's sentence."""

    start: int
    end: int


class Actor(_Record):
    text: str
    country: str | None = Field(default=None, description="ISO 3166-1 alpha-3, or IGO/NGO/... for bodies")
    sector: str | None = None
    span: Span | None = None


class RoleSpan(_Record):
    """Where one part of an event (its trigger, an actor, a recipient, its place) is in a sentence."""

    role: Literal["trigger", "actor", "recipient", "location"]
    start: int
    end: int


class ReportSentence(_Record):
    """One sentence of an article that reports the event, with the spans of what it names."""

    index: int = Field(ge=0)
    text: str
    spans: list[RoleSpan] = Field(default_factory=list)


class Location(_Record):
    name: str
    country: str
    lat: float
    lon: float
    feature: Literal["city", "country"] = "city"
    resolved_from: Literal["sentence", "article"] = Field(
        default="sentence",
        description="'article' when the sentence names no place and the article's main place is used",
    )
    span: Span | None = None
    geonames_id: int | None = Field(
        default=None,
        description="GeoNames id of the town or country (https://www.geonames.org/<id>); None when unknown",
    )


class EventRecord(_Record):
    """One coded event; field names are a public contract (add, never rename)."""

    schema_version: int = SCHEMA_VERSION
    event_id: str
    article_id: str
    event_date: dt.date | None
    date_source: DateSource | None = Field(
        default=None, description=f"Of the article date event_date was resolved against. {_DATE_SOURCE}"
    )
    event_type: EventType
    event_mode: str | None = None
    cameo_code: str = Field(pattern=r"^[0-9]{2,4}$")
    quad_class: int = Field(ge=1, le=4)
    goldstein: float = Field(ge=-10.0, le=10.0)
    actors: list[Actor]
    recipients: list[Actor]
    location: Location | None = None
    sentence: str
    sentence_index: int = Field(ge=0)
    sentences: list[ReportSentence] = Field(
        default_factory=list,
        description="Every sentence of the article reporting this event (one record per event per article)",
    )
    url: str | None = None
    trigger: str | None = None
    trigger_span: Span | None = None
    negated: bool = False
    first_seen_at: dt.datetime | None = Field(
        default=None, description="When the first article reporting this event was processed"
    )


class Mention(_Record):
    """One article reporting one event (GDELT's Mentions row)."""

    schema_version: int = SCHEMA_VERSION
    event_id: str
    article_id: str
    url: str | None = None
    source: str | None = None
    sentence: str
    sentence_index: int
    sentences: list[ReportSentence] = Field(
        default_factory=list, description="Every sentence of the article that reports the event"
    )


class DuplicateNotice(_Record):
    """An article recognised as a copy of one seen before."""

    schema_version: int = SCHEMA_VERSION
    article_id: str
    duplicate_of: str
    kind: Literal["exact", "content", "near"]
    distance: int = 0
    url: str | None = None


class SkippedArticle(_Record):
    """An article read but not coded, and why: noted on the skipped topic, never coded to nothing silently."""

    schema_version: int = SCHEMA_VERSION
    article_id: str
    reason: Literal["unsupported_language"] = Field(description="stable machine-readable reason code")
    language: str = Field(description="the language detected, ISO 639-1 ('fr', 'ru', 'zh'...)")
    detail: str = Field(description="what the detection counted, for a reader")
    content_key: str
    url: str | None = None
    source: str | None = None
    title: str | None = None
    origin: SourceRef | None = None


class DeadLetter(_Record):
    """Input that could not be processed, with why, the original bytes (up to a bound) and where they came
    from: `origin` (topic, partition, offset) fetches the whole record."""

    schema_version: int = SCHEMA_VERSION
    reason: str = Field(description="stable machine-readable reason code")
    detail: str
    origin: SourceRef
    key_b64: str | None = Field(default=None, description="the record's key (its first 1024 bytes)")
    value_b64: str = Field(
        description="the record's value, base64; only its first value_kept_bytes when value_truncated"
    )
    value_preview: str = Field(description="first 200 characters, decoded with replacement")
    failed_at: dt.datetime
    value_bytes: int | None = Field(default=None, description="size of the whole value")
    value_sha256: str | None = Field(default=None, description="SHA-256 of the whole value, hex")
    value_kept_bytes: int | None = Field(default=None, description="bytes of the value in value_b64")
    value_truncated: bool = Field(
        default=False, description="value_b64 holds only the first value_kept_bytes: fetch `origin`"
    )
    key_bytes: int | None = Field(default=None, description="size of the whole key (None: no key)")
    key_truncated: bool = False


class ArticleSeen(_Record):
    """Dedup state per content key: which article ids carried this text, and its fingerprints."""

    article_ids: list[str]
    bytes_hashes: list[str]
    simhash: str
    seen_at: float
    origins: list[str] = Field(
        default_factory=list,
        description="The raw records ('topic/partition/offset') these articles came from: the same record "
        "again is a replay (a crash, a rebalance), another one a re-send",
    )


class EventCandidate(_Record):
    """Internal: an event coded from one article, on its way to the event-dedup stage."""

    event: EventRecord
    mention: Mention


class EventStats(_Record):
    """How widely an event is reported (GDELT's NumMentions / NumSources), latest value per event_id."""

    schema_version: int = SCHEMA_VERSION
    event_id: str
    num_mentions: int = Field(description="Distinct articles that reported the event")
    num_sources: int = Field(description="Distinct sources (outlets) among them")
    num_articles: int = Field(default=0, description="Distinct articles counted (equals num_mentions)")
    sources: list[str] = Field(description="Up to 100 source names")
    article_ids: list[str] = Field(description="Up to 500 most recent article ids (for idempotent counting)")
    first_seen_at: dt.datetime
    last_seen_at: dt.datetime
