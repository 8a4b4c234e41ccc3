"""One-line human-readable rendering of output records for `tail`, `dev` and `extract`."""

from __future__ import annotations

from typing import Any

__all__ = ["render_record"]


def _party(actor: dict[str, Any]) -> str:
    code = "/".join(x for x in (actor.get("country"), actor.get("sector")) if x) or "?"
    return f"{code} ({actor.get('text')})"


def render_record(topic: str, record: dict[str, Any]) -> str:
    """A compact line per record, by record kind."""
    if "event_type" in record:
        actors = ", ".join(_party(a) for a in record["actors"])
        recipients = ", ".join(_party(r) for r in record["recipients"]) or "-"
        mode = f"/{record['event_mode']}" if record.get("event_mode") else ""
        location = record.get("location")
        where = f" @ {location['name']}, {location['country']}" if location else ""
        return (
            f"[{topic}] {record.get('event_date')} {record['event_type']}{mode} "
            f"cameo={record['cameo_code']} q{record['quad_class']} g={record['goldstein']:+.1f} "
            f"{actors} -> {recipients}{where} | {record['sentence'][:100]}"
        )
    if "duplicate_of" in record:
        return f"[{topic}] duplicate {record['article_id']} of {record['duplicate_of']} ({record['kind']})"
    if "reason" in record:
        origin = record.get("origin", {})
        return (
            f"[{topic}] dead letter {record['reason']}: {record['detail'][:80]} "
            f"(from {origin.get('topic')}/{origin.get('partition')}@{origin.get('offset')})"
        )
    if "event_id" in record:
        return f"[{topic}] mention {record['event_id']} in {record['article_id']}"
    return f"[{topic}] {record}"
