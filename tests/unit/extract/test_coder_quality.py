"""Coder quality on gold data and silence on non-political text (linear time: test_linear_time.py)."""

from __future__ import annotations

import datetime as dt

import orjson
import pytest

from stream.bench.extract import generate_articles
from stream.extract.coder import code_article, event_fingerprint
from stream.extract.evaluate import Score, score_gold
from stream.extract.lexicon import triggers
from stream.extract.taxonomy import MODES_BY_TYPE
from tests.paths import GOLD


@pytest.fixture(scope="module")
def dev_score() -> Score:
    rows = [orjson.loads(line) for line in (GOLD / "plover_gsr_dev.jsonl").read_bytes().splitlines()]
    return score_gold(rows)


def test_event_type_accuracy_meets_target(dev_score: Score) -> None:
    assert dev_score.type_accuracy >= 0.80


def test_spurious_events_stay_under_target(dev_score: Score) -> None:
    assert dev_score.spurious_per_sentence <= 0.30


def test_actor_country_f1_meets_target(dev_score: Score) -> None:
    assert dev_score.country_f1 >= 0.90
    assert dev_score.country_precision >= 0.90


def _negative_sentences() -> list[str]:
    lines = (GOLD / "negative_sentences.txt").read_text().splitlines()
    return [line for line in lines if line.strip() and not line.startswith("#")]


def test_there_are_at_least_fifty_negative_sentences() -> None:
    assert len(_negative_sentences()) >= 50


@pytest.mark.parametrize("sentence", _negative_sentences())
def test_non_political_sentence_codes_nothing(sentence: str) -> None:
    events = code_article("negative", sentence, dt.date(2022, 3, 2))
    assert events == [], [(e.event_type, e.trigger) for e in events]


def test_every_trigger_mode_is_in_the_plover_manual() -> None:
    unknown = [
        (t.event_type, t.mode)
        for t in triggers()
        if t.mode and t.mode not in MODES_BY_TYPE.get(t.event_type, ())
    ]
    assert unknown == []


def test_every_coded_event_carries_a_plover_mode_for_its_type() -> None:
    # Modality and folding change an event's type ("vowed to fight" -> THREATEN): the mode must follow.
    rows = [orjson.loads(line) for line in (GOLD / "plover_gsr_dev.jsonl").read_bytes().splitlines()]
    texts = [row["text"] for row in rows] + generate_articles(200, seed=5)
    events = [e for text in texts for e in code_article("m", text, dt.date(2024, 1, 1))]
    assert len(events) > 1000
    wrong = {(e.event_type, e.event_mode) for e in events if e.event_mode is not None} - {
        (event_type, mode) for event_type, modes in MODES_BY_TYPE.items() for mode in modes
    }
    assert wrong == set()


def test_public_fingerprint_of_a_coded_event_is_its_event_id() -> None:
    day = dt.date(2024, 1, 1)
    events = [e for text in generate_articles(100, seed=13) for e in code_article("m", text, day)]
    assert len(events) > 500
    for e in events:
        assert event_fingerprint(e) == e.event_id
