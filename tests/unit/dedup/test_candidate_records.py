"""The event stage reads its own candidates without rebuilding the models: the same bytes as the models."""

from __future__ import annotations

import datetime as dt

import orjson
import pytest
from pydantic import ValidationError

from stream.bench.extract import generate_articles
from stream.config.settings import TopicNames
from stream.dedup.events import CandidateRecord, code_candidates, read_candidate, timestamp_json
from stream.dedup.events import _as_written as as_written
from stream.records.codec import dumps_model
from stream.records.models import Article, EventCandidate

TOPICS = TopicNames()
MOMENTS = [
    dt.datetime(2026, 12, 1, 21, 52, 41, 123456, tzinfo=dt.UTC),
    dt.datetime(2022, 2, 28, 12, tzinfo=dt.UTC),
    dt.datetime(2024, 5, 1, 0, 0, 0, 500, tzinfo=dt.UTC),
]


def _candidate_values(count: int) -> list[bytes]:
    values = []
    for index, text in enumerate(generate_articles(count, seed=4)):
        article = Article(
            article_id=f"a{index}", content_hash="h", published=dt.date(2022, 2, 28), text=text, source="wire"
        )
        values += [out.value for out in code_candidates(TOPICS, article)[1]]
    return values


def test_a_candidate_as_written_reads_back_to_the_bytes_the_models_would_publish() -> None:
    values = _candidate_values(60)
    assert len(values) > 200
    for number, value in enumerate(values):
        model = EventCandidate.model_validate_json(value)
        record = read_candidate(orjson.loads(value))
        assert as_written(orjson.loads(value)) is not None  # taken as written, not validated again
        assert record == CandidateRecord.of(model)
        moment = MOMENTS[number % len(MOMENTS)]
        expected = dumps_model(model.event.model_copy(update={"first_seen_at": moment}))
        assert record.first_report(timestamp_json(moment)) == expected
        assert record.mention_value() == dumps_model(model.mention)
        assert (record.event_id, record.article_id, record.source) == (
            model.event.event_id,
            model.mention.article_id,
            model.mention.source,
        )
        assert record.conflict == (model.event.quad_class == 4)


def test_a_candidate_not_as_this_version_writes_it_is_validated_and_a_malformed_one_refused() -> None:
    data = orjson.loads(_candidate_values(3)[0])
    older = {**data, "event": {**data["event"], "schema_version": 0}}
    assert as_written(older) is None
    assert read_candidate(older).event_id == data["event"]["event_id"]  # read through the model
    text_quad = {**data, "event": {**data["event"], "quad_class": "4"}}
    assert as_written(text_quad) is None
    mismatched = {**data, "mention": {**data["mention"], "event_id": "another"}}
    assert as_written(mismatched) is None
    for malformed in (
        {**data, "event": {key: v for key, v in data["event"].items() if key != "event_id"}},
        {**data, "extra": 1},
        {"event": data["event"]},
        [data],
    ):
        assert as_written(malformed) is None
        with pytest.raises(ValidationError):
            read_candidate(malformed)
