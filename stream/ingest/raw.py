"""Decoding and validating raw news messages (seed plain-text form or JSON) into Articles."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from typing import Final

from pydantic import ValidationError

from stream.ingest.hashing import content_hash
from stream.ingest.published import dateline_date, parse_published
from stream.records.codec import dumps, loads
from stream.records.models import Article, DateSource, RawArticle, SourceRef

__all__ = ["MAX_MESSAGE_BYTES", "FallbackDate", "ParseFailure", "decode_text", "fallback_date", "parse_raw"]

MAX_MESSAGE_BYTES: Final = 1_048_576
# "date 2022-02-28" then the text; the stamp is read like a JSON `published` value.
_SEED_HEADER = re.compile(r"\A\s*date\s+(\d\S*)[ \t]*(?:\r?\n)?")
_JSON_START: Final = ("{", "[", '"', "-", "null", "true", "false")
_UNREAD_KEPT: Final = 100
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")


@dataclass(frozen=True, slots=True)
class FallbackDate:
    """The date an article gets when its own is missing or unreadable, and where that date came from."""

    day: dt.date
    source: DateSource


def fallback_date(origin: SourceRef | None) -> FallbackDate:
    """The Kafka record's timestamp (UTC day), else today's date at ingest."""
    if origin is not None and origin.timestamp_ms is not None and origin.timestamp_ms > 0:
        try:
            stamp = dt.datetime.fromtimestamp(origin.timestamp_ms / 1000, dt.UTC)
        except (OverflowError, ValueError, OSError):
            pass  # a timestamp no calendar holds: the time of ingest instead
        else:
            return FallbackDate(stamp.date(), "record_timestamp")
    return FallbackDate(dt.datetime.now(dt.UTC).date(), "ingest_time")


@dataclass(frozen=True, slots=True)
class ParseFailure:
    """Why a raw message was rejected; `reason` is a stable code used as a metric label."""

    reason: str
    detail: str


def decode_text(data: bytes) -> str | ParseFailure:
    """UTF-8 (BOM tolerated), else Windows-1252; binary content is refused."""
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        try:
            text = data.decode("cp1252")
        except UnicodeDecodeError as exc:
            return ParseFailure("undecodable", f"neither UTF-8 nor Windows-1252: {exc.reason}")
    controls = len(_CONTROL.findall(text))
    if controls and controls > max(2, len(text) // 100):
        return ParseFailure("binary_content", f"{controls} control characters in {len(text)}")
    return text


def _parse_seed(text: str) -> RawArticle | ParseFailure:
    match = _SEED_HEADER.match(text)
    if match is None:  # pragma: no cover - guarded by the caller
        return ParseFailure("unrecognized_format", "no 'date' header")
    return RawArticle(published=match.group(1), text=text[match.end() :])


def _parse_json(text: str) -> RawArticle | ParseFailure:
    try:
        obj = loads(text)
    except ValueError as exc:
        return ParseFailure("invalid_json", str(exc))
    if not isinstance(obj, dict):
        return ParseFailure("json_not_object", f"top-level JSON is {type(obj).__name__}, not an object")
    if isinstance(obj.get("id"), int):
        obj["id"] = str(obj["id"])
    try:
        return RawArticle.model_validate(obj)
    except ValidationError as exc:
        fields = ", ".join(".".join(str(p) for p in err["loc"]) for err in exc.errors())
        return ParseFailure("invalid_fields", f"invalid field(s): {fields}")


def _dated(published: object, text: str, fallback: FallbackDate) -> tuple[dt.date, DateSource, str | None]:
    """The article's date, where it came from, and the `published` value it could not read (if any)."""
    read = parse_published(published)
    if read is not None:
        return (read.date() if isinstance(read, dt.datetime) else read), "published", None
    unread = None
    if published is not None and not (isinstance(published, str) and not published.strip()):
        unread = (published if isinstance(published, str) else dumps(published).decode())[:_UNREAD_KEPT]
    from_dateline = dateline_date(text, fallback.day)
    if from_dateline is not None:
        return from_dateline, "dateline", unread
    return fallback.day, fallback.source, unread


def parse_raw(
    data: bytes, origin: SourceRef | None = None, fallback: FallbackDate | None = None
) -> Article | ParseFailure:
    """Turn one raw Kafka value into an Article, or say precisely why not. A missing or unreadable
    `published` never rejects it: the dateline's date, else `fallback` (by default the record's
    timestamp, see `fallback_date`) dates it."""
    if not data or not data.strip():
        return ParseFailure("empty_message", "message value is empty")
    if len(data) > MAX_MESSAGE_BYTES:
        return ParseFailure("too_large", f"{len(data)} bytes > {MAX_MESSAGE_BYTES}")
    text = decode_text(data)
    if isinstance(text, ParseFailure):
        return text
    head = text.lstrip()[:8]
    if head[:1].isdigit() or head.startswith(_JSON_START):  # a JSON scalar is refused as not an object
        raw = _parse_json(text)
    elif _SEED_HEADER.match(text):
        raw = _parse_seed(text)
    else:
        return ParseFailure(
            "unrecognized_format",
            "expected a JSON object or the plain-text form 'date YYYY-MM-DD <text>'",
        )
    if isinstance(raw, ParseFailure):
        return raw
    body = (raw.text or raw.body or "").strip()
    if not body:
        return ParseFailure("missing_text", "no non-empty 'text' or 'body' field")
    digest = content_hash(body)
    published, date_source, unread = _dated(raw.published, body, fallback or fallback_date(origin))
    return Article(
        article_id=raw.id or digest,
        content_hash=digest,
        url=raw.url,
        source=raw.source,
        published=published,
        date_source=date_source,
        published_unread=unread,
        title=raw.title,
        text=body,
        origin=origin,
    )
