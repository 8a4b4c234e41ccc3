"""Through ingest and the coder: "on Monday" in an article of Tuesday 1 December 2026 is 30 November in
every `published` form, and an article with no readable date is coded with its fallback date, never null."""

from __future__ import annotations

import datetime as dt
import os
from pathlib import Path

import orjson
import pytest
from click.testing import CliRunner

from stream.cli import main
from stream.config.settings import TopicNames
from stream.extract import extract_events
from stream.ingest.stage import ingest
from stream.records.models import Article, EventRecord, SourceRef
from tests.unit.ingest.test_published import FORMS

TOPICS = TopicNames()
TEXT = "Indonesia rejected a proposal by Australia on Monday."
MONDAY = dt.date(2026, 11, 30)
TUESDAY_MS = int(dt.datetime(2026, 12, 1, 12, tzinfo=dt.UTC).timestamp() * 1000)


def _events(fields: dict[str, object], timestamp_ms: int | None = TUESDAY_MS) -> list[EventRecord]:
    origin = SourceRef(topic=TOPICS.raw, partition=0, offset=1, timestamp_ms=timestamp_ms)
    out = ingest(TOPICS, orjson.dumps({"text": TEXT, **fields}), None, origin)
    assert out.topic == TOPICS.articles, out.value[:300]
    events = extract_events(Article.model_validate(orjson.loads(out.value)))
    assert [e.event_type for e in events] == ["REJECT"]
    return events


@pytest.mark.parametrize("value", [v for v, _ in FORMS], ids=[str(v) for v, _ in FORMS])
def test_on_monday_is_30_november_in_every_published_form(value: object) -> None:
    (event,) = _events({"published": value}, timestamp_ms=None)
    assert (event.event_date, event.date_source) == (MONDAY, "published")


@pytest.mark.parametrize("fields", [{}, {"published": "in the small hours"}, {"published": 0}])
def test_an_article_without_a_readable_date_is_dated_by_its_record(fields: dict[str, object]) -> None:
    (event,) = _events(fields)
    assert (event.event_date, event.date_source) == (MONDAY, "record_timestamp")


def test_undated_articles_of_different_days_stay_different_events() -> None:
    # A null date used to give two launches of different days one event_id.
    (first,) = _events({})
    (later,) = _events({}, timestamp_ms=TUESDAY_MS + 7 * 86_400_000)
    assert first.event_id != later.event_id
    assert later.event_date == MONDAY + dt.timedelta(days=7)


def test_offline_extract_dates_an_undated_file_by_its_modification_time(tmp_path: Path) -> None:
    source = tmp_path / "undated.json"
    source.write_text(orjson.dumps({"text": TEXT, "published": "soon"}).decode())
    tuesday = dt.datetime(2026, 12, 1, 12, tzinfo=dt.UTC).timestamp()
    os.utime(source, (tuesday, tuesday))
    result = CliRunner().invoke(main, ["extract", "--json", str(source)])
    assert result.exit_code == 0, result.output
    (event,) = [orjson.loads(line) for line in result.stdout.splitlines()]
    assert (event["event_date"], event["date_source"]) == ("2026-11-30", "file")
    assert "'soon' not read" in result.stderr and "RFC 2822" in result.stderr and "(file)" in result.stderr
