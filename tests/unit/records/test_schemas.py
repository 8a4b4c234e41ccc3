"""The JSON Schema files in schemas/ are exactly what the models generate."""

from __future__ import annotations

import orjson
import pytest

from stream.records.codec import dumps_model
from stream.records.models import EVENT_TYPES, EventRecord
from stream.records.schemagen import render_schemas
from tests.paths import ROOT

SCHEMAS = ROOT / "schemas"


@pytest.mark.parametrize("name", sorted(render_schemas()))
def test_schema_file_matches_model(name: str) -> None:
    path = SCHEMAS / name
    assert path.is_file(), f"{name} missing: run `newsevents schemas`"
    assert path.read_bytes() == render_schemas()[name], f"{name} drifted: run `newsevents schemas`"


def test_event_record_schema_lists_the_contract_fields() -> None:
    schema = orjson.loads(render_schemas()["event_record.schema.json"])
    contract = {
        "schema_version", "event_id", "article_id", "event_date", "event_type", "event_mode", "cameo_code",
        "quad_class", "goldstein", "actors", "recipients", "location", "sentence", "sentence_index", "url",
    }  # fmt: skip
    assert contract <= set(schema["properties"])
    assert set(schema["properties"]["event_type"]["enum"]) == set(EVENT_TYPES)


def test_cameo_code_keeps_leading_zeros_on_the_wire() -> None:
    record = EventRecord(
        event_id="e", article_id="a", event_date=None, event_type="CONSULT", cameo_code="041",
        quad_class=1, goldstein=1.0, actors=[], recipients=[], sentence="s", sentence_index=0,
    )  # fmt: skip
    assert orjson.loads(dumps_model(record))["cameo_code"] == "041"
