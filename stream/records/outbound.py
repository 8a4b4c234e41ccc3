"""What a stage produces: one record to send, or a dead letter carrying a failed input and its reason."""

from __future__ import annotations

import base64
import datetime as dt
from dataclasses import dataclass

from stream.config.settings import TopicNames
from stream.records.codec import dumps_model
from stream.records.models import DeadLetter, SourceRef

__all__ = ["Outbound", "dead_letter"]


@dataclass(frozen=True, slots=True)
class Outbound:
    """One record to produce."""

    topic: str
    key: bytes
    value: bytes
    label: str | None = None  # the dead-letter reason or duplicate kind, for metrics


def dead_letter(
    topics: TopicNames, reason: str, detail: str, origin: SourceRef, key: bytes | None, value: bytes
) -> Outbound:
    letter = DeadLetter(
        reason=reason,
        detail=detail[:2000],
        origin=origin,
        key_b64=base64.b64encode(key).decode() if key is not None else None,
        value_b64=base64.b64encode(value).decode(),
        value_preview=value[:200].decode("utf-8", errors="replace"),
        failed_at=dt.datetime.now(dt.UTC),
    )
    dlq_key = f"{origin.topic}/{origin.partition}/{origin.offset}".encode()
    return Outbound(topics.dlq, dlq_key, dumps_model(letter), label=reason)
