"""Decoding and validating raw news messages (seed plain-text form or JSON) into Articles."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from typing import Final

from pydantic import ValidationError

from stream.ingest.hashing import content_hash
from stream.records.codec import loads
from stream.records.models import Article, RawArticle, SourceRef

__all__ = ["MAX_MESSAGE_BYTES", "ParseFailure", "decode_text", "parse_raw"]

MAX_MESSAGE_BYTES: Final = 1_048_576
_SEED_HEADER = re.compile(r"\A\s*date\s+(\S+)[ \t]*(?:\r?\n)?")
_ISO_DATE = re.compile(r"\A\d{4}-\d{2}-\d{2}\Z")
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")


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
    stamp = match.group(1)
    if not _ISO_DATE.match(stamp):
        return ParseFailure("invalid_date", f"date header {stamp[:40]!r} is not YYYY-MM-DD")
    try:
        published = dt.date.fromisoformat(stamp)
    except ValueError as exc:
        return ParseFailure("invalid_date", str(exc))
    return RawArticle(published=published, text=text[match.end() :])


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


def parse_raw(data: bytes, origin: SourceRef | None = None) -> Article | ParseFailure:
    """Turn one raw Kafka value into an Article, or say precisely why not."""
    if not data or not data.strip():
        return ParseFailure("empty_message", "message value is empty")
    if len(data) > MAX_MESSAGE_BYTES:
        return ParseFailure("too_large", f"{len(data)} bytes > {MAX_MESSAGE_BYTES}")
    text = decode_text(data)
    if isinstance(text, ParseFailure):
        return text
    head = text.lstrip()[:8]
    if head.startswith(("{", "[")) or head[:1].isdigit() or head.startswith(('"', "null", "true")):
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
    published = raw.published.date() if isinstance(raw.published, dt.datetime) else raw.published
    return Article(
        article_id=raw.id or digest,
        content_hash=digest,
        url=raw.url,
        source=raw.source,
        published=published,
        title=raw.title,
        text=body,
        origin=origin,
    )
