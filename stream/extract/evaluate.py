"""Scoring the coder against gold sentences (format of PLOVER GSR-derived JSONL)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import asdict, dataclass, field
from typing import Any

from stream.extract.coder import code_article
from stream.records.models import Actor, EventRecord

__all__ = ["Score", "SentenceResult", "score_gold"]

_GOLD_DATE = dt.date(2000, 1, 1)  # the GSR sentences carry no date gold


@dataclass(frozen=True, slots=True)
class SentenceResult:
    id: str
    gold_type: str
    predicted_types: list[str]
    type_hit: bool
    gold_countries: list[str]
    predicted_countries: list[str]
    spurious: int


@dataclass(slots=True)
class Score:
    sentences: int = 0
    type_accuracy: float = 0.0
    country_precision: float = 0.0
    country_recall: float = 0.0
    country_f1: float = 0.0
    sector_accuracy: float = 0.0
    sector_pairs: int = 0
    spurious_per_sentence: float = 0.0
    per_type: dict[str, dict[str, int]] = field(default_factory=dict)
    results: list[SentenceResult] = field(default_factory=list)

    def summary(self) -> dict[str, Any]:
        data = asdict(self)
        data.pop("results")
        return data


def _countries(parties: Iterable[dict[str, Any]]) -> list[str]:
    return [p["country"] for p in parties if p.get("country") and p["country"] != "***"]


def _predicted(parties: Iterable[Actor]) -> list[Actor]:
    return [p for p in parties if p.country]


def _best_event(events: list[EventRecord], gold_type: str) -> EventRecord | None:
    matching = [e for e in events if e.event_type == gold_type]
    candidates = matching or events
    return candidates[0] if candidates else None


def score_gold(rows: Iterable[dict[str, Any]]) -> Score:
    """Event-type accuracy, actor-country P/R/F1 (actors + recipients), sector accuracy, spurious rate."""
    score = Score()
    hits = true_pos = predicted_total = gold_total = sector_ok = spurious = 0
    for row in rows:
        gold_type = row["event_type"]
        events = code_article(str(row["id"]), row["text"], _GOLD_DATE)
        best = _best_event(events, gold_type)
        type_hit = any(e.event_type == gold_type for e in events)
        hits += type_hit
        extra = len(events) - (1 if type_hit else 0)
        spurious += extra
        gold_parties = [
            p for p in (*row["actors"], *row["recipients"]) if p.get("country") not in (None, "***")
        ]
        gold_countries = {p["country"] for p in gold_parties}
        predicted = _predicted([*best.actors, *best.recipients]) if best else []
        predicted_countries = {p.country for p in predicted if p.country}
        matched = gold_countries & predicted_countries
        true_pos += len(matched)
        predicted_total += len(predicted_countries)
        gold_total += len(gold_countries)
        for country in matched:
            gold_sectors = {(p.get("sector") or "")[:3] for p in gold_parties if p["country"] == country}
            pred_sectors = {(p.sector or "") for p in predicted if p.country == country}
            if gold_sectors - {""}:
                score.sector_pairs += 1
                sector_ok += bool(gold_sectors & pred_sectors)
        counts = score.per_type.setdefault(gold_type, {"sentences": 0, "hits": 0})
        counts["sentences"] += 1
        counts["hits"] += type_hit
        score.results.append(
            SentenceResult(
                row["id"], gold_type, [e.event_type for e in events], type_hit,
                sorted(gold_countries), sorted(c for c in predicted_countries if c), extra,
            )
        )  # fmt: skip
        score.sentences += 1
    n = max(score.sentences, 1)
    score.type_accuracy = hits / n
    score.country_precision = true_pos / predicted_total if predicted_total else 0.0
    score.country_recall = true_pos / gold_total if gold_total else 0.0
    p, r = score.country_precision, score.country_recall
    score.country_f1 = 2 * p * r / (p + r) if p + r else 0.0
    score.sector_accuracy = sector_ok / score.sector_pairs if score.sector_pairs else 0.0
    score.spurious_per_sentence = spurious / n
    return score
