"""JSON Schema files in schemas/ generated from the pydantic models."""

from __future__ import annotations

from pathlib import Path

import orjson
from pydantic import BaseModel

from stream.records.models import (
    Article,
    DeadLetter,
    DuplicateNotice,
    EventRecord,
    Mention,
    RawArticle,
    SkippedArticle,
)

__all__ = ["SCHEMA_MODELS", "render_schemas", "write_schemas"]

SCHEMA_MODELS: dict[str, type[BaseModel]] = {
    "raw_article": RawArticle,
    "article": Article,
    "event_record": EventRecord,
    "mention": Mention,
    "duplicate_notice": DuplicateNotice,
    "skipped_article": SkippedArticle,
    "dead_letter": DeadLetter,
}


def render_schemas() -> dict[str, bytes]:
    """File name -> schema text (stable key order, trailing newline)."""
    out: dict[str, bytes] = {}
    for name, model in SCHEMA_MODELS.items():
        schema = {"$schema": "https://json-schema.org/draft/2020-12/schema", **model.model_json_schema()}
        out[f"{name}.schema.json"] = (
            orjson.dumps(schema, option=orjson.OPT_INDENT_2 | orjson.OPT_SORT_KEYS) + b"\n"
        )
    return out


def write_schemas(directory: Path) -> list[Path]:
    directory.mkdir(parents=True, exist_ok=True)
    written = []
    for name, text in render_schemas().items():
        path = directory / name
        path.write_bytes(text)
        written.append(path)
    return written
