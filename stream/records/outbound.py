"""What a stage produces: one record to send, or a dead letter carrying a failed input and its reason."""

from __future__ import annotations

import base64
import datetime as dt
import hashlib
from dataclasses import dataclass
from typing import Final

from stream.config.settings import Settings, TopicNames
from stream.records.codec import dumps_model
from stream.records.models import Article, DeadLetter, SourceRef

__all__ = [
    "DEFAULT_VALUE_KEPT_BYTES",
    "KEY_KEPT_BYTES",
    "RECORD_OVERHEAD_BYTES",
    "Outbound",
    "dead_letter",
    "fit_article",
    "record_size",
]

#: What a dead letter keeps of a failed input's value unless told otherwise (the setting's default).
DEFAULT_VALUE_KEPT_BYTES: Final[int] = Settings.model_fields["dead_letter_max_value_bytes"].default
#: What a dead letter keeps of a failed input's key.
KEY_KEPT_BYTES: Final = 1024
#: A record's framing besides its key and value, rounded up (aiokafka estimates at most 82 bytes + varints).
RECORD_OVERHEAD_BYTES: Final = 512
_DETAIL_CHARS: Final = 2000
_PREVIEW_BYTES: Final = 200
# A cut text ends at a space when one is this near the cut, so the coder meets no half word.
_WORD_BACKOFF_CHARS: Final = 200


@dataclass(frozen=True, slots=True)
class Outbound:
    """One record to produce."""

    topic: str
    key: bytes
    value: bytes
    label: str | None = None  # the dead-letter reason or duplicate kind, for metrics


def record_size(out: Outbound) -> int:
    """An upper bound on the bytes the record takes in a produce request."""
    return len(out.key) + len(out.value) + RECORD_OVERHEAD_BYTES


def _b64(data: bytes) -> str:
    return base64.b64encode(data).decode()


def dead_letter(
    topics: TopicNames,
    reason: str,
    detail: str,
    origin: SourceRef,
    key: bytes | None,
    value: bytes,
    max_value_bytes: int = DEFAULT_VALUE_KEPT_BYTES,
) -> Outbound:
    """A dead letter that always fits a record: at most `max_value_bytes` of the value (plus its whole size
    and SHA-256) and KEY_KEPT_BYTES of the key; `origin` is the way back to the whole record."""
    kept = value[: max(0, max_value_bytes)]
    letter = DeadLetter(
        reason=reason,
        detail=detail[:_DETAIL_CHARS],
        origin=origin,
        key_b64=_b64(key[:KEY_KEPT_BYTES]) if key is not None else None,
        value_b64=_b64(kept),
        value_preview=value[:_PREVIEW_BYTES].decode("utf-8", errors="replace"),
        failed_at=dt.datetime.now(dt.UTC),
        value_bytes=len(value),
        value_sha256=hashlib.sha256(value).hexdigest(),
        value_kept_bytes=len(kept),
        value_truncated=len(kept) < len(value),
        key_bytes=len(key) if key is not None else None,
        key_truncated=key is not None and len(key) > KEY_KEPT_BYTES,
    )
    dlq_key = f"{origin.topic}/{origin.partition}/{origin.offset}".encode()
    return Outbound(topics.dlq, dlq_key, dumps_model(letter), label=reason)


def _cut_text(whole: bytes, keep: int) -> str:
    text = whole[:keep].decode("utf-8", errors="ignore")  # a character cut in two is dropped
    space = text.rfind(" ", max(0, len(text) - _WORD_BACKOFF_CHARS))
    return text[:space] if space > 0 else text


def fit_article(out: Outbound, max_record_bytes: int) -> Outbound:
    """An article record that fits `max_record_bytes`: unchanged when it does, else with its text cut (at
    a space near the limit) and `truncated_from_bytes` set to the whole text's UTF-8 size. A record still
    too large with no text left (a huge title) is returned as it is: its send dead-letters the input."""
    if record_size(out) <= max_record_bytes:
        return out
    article = Article.model_validate_json(out.value)
    whole = article.text.encode()
    keep = len(whole)
    # Each text byte costs at least one byte of JSON, so cutting the excess nearly always fits at once;
    # a cut at a space, or escapes, can leave a little over: cut again.
    while record_size(out) > max_record_bytes and keep > 0:
        keep = max(0, keep - (record_size(out) - max_record_bytes) - 64)
        cut = article.model_copy(update={"text": _cut_text(whole, keep), "truncated_from_bytes": len(whole)})
        out = Outbound(out.topic, out.key, dumps_model(cut), out.label)
    return out
