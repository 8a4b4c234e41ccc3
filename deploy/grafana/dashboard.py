"""Builds deploy/grafana/dashboards/newsevents.json (Grafana 11 schema) from the panel list below.

Run `python deploy/grafana/dashboard.py` after editing; a test fails when the JSON file drifts.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

OUT = Path(__file__).resolve().parent / "dashboards" / "newsevents.json"
RI = "$__rate_interval"
DATASOURCE = {"type": "prometheus", "uid": "${datasource}"}

# (title, unit, [(legend, expr)], kind)
PANELS: list[tuple[str, str, list[tuple[str, str]], str]] = [
    ("Ready workers", "none", [("ready", "sum(newsevents_ready)")], "stat"),
    ("Partitions assigned", "none", [("{{instance}}", "sum by (instance) (newsevents_partitions_assigned)")], "stat"),
    ("Throughput in (records/s)", "reqps", [("{{topic}}", f"sum by (topic) (rate(newsevents_messages_consumed_total[{RI}]))")], "timeseries"),
    ("Throughput out (records/s)", "reqps", [
        ("events", f"sum(rate(newsevents_events_published_total[{RI}]))"),
        ("mentions", f"sum(rate(newsevents_mentions_published_total[{RI}]))"),
        ("duplicates", f"sum(rate(newsevents_duplicates_total[{RI}]))"),
        ("dead letters", f"sum(rate(newsevents_dead_letters_total[{RI}]))"),
    ], "timeseries"),
    ("Events by type (events/s)", "reqps", [("{{event_type}}", f"sum by (event_type) (rate(newsevents_events_published_total[{RI}]))")], "timeseries"),
    ("Events by quad class (events/s)", "reqps", [("quad {{quad_class}}", f"sum by (quad_class) (rate(newsevents_events_published_total[{RI}]))")], "timeseries"),
    ("Duplicate ratio by layer", "percentunit", [(
        "{{layer}}",
        f"sum by (layer) (rate(newsevents_duplicates_total[{RI}])) / ignoring(layer) group_left sum(rate(newsevents_articles_total[{RI}]))",
    )], "timeseries"),
    ("Dead letters by reason (records/s)", "reqps", [("{{reason}}", f"sum by (reason) (rate(newsevents_dead_letters_total[{RI}]))")], "timeseries"),
    ("Article processing latency", "s", [
        (f"p{q}", f"histogram_quantile(0.{q}, sum by (le) (rate(newsevents_article_processing_seconds_bucket[{RI}])))")
        for q in (50, 95, 99)
    ], "timeseries"),
    ("Stage latency p99", "s", [("{{stage}}", f"histogram_quantile(0.99, sum by (le, stage) (rate(newsevents_stage_seconds_bucket[{RI}])))")], "timeseries"),
    ("End-to-end lag (produce to publish)", "s", [
        (f"p{q}", f"histogram_quantile(0.{q}, sum by (le) (rate(newsevents_end_to_end_lag_seconds_bucket[{RI}])))")
        for q in (50, 99)
    ], "timeseries"),
    ("Consumer lag by partition (records)", "none", [("{{topic}}[{{partition}}]", "sum by (topic, partition) (newsevents_consumer_lag_records)")], "timeseries"),
    ("Dedup state entries", "none", [
        ("{{instance}} {{table}}", "sum by (instance, table) (newsevents_dedup_state_entries)"),
        ("bound", "max(newsevents_dedup_state_max_entries)"),
    ], "timeseries"),
    ("Dedup state evictions (keys/s)", "reqps", [("{{table}}", f"sum by (table) (rate(newsevents_dedup_state_evictions_total[{RI}]))")], "timeseries"),
    ("Rebalances", "none", [("{{instance}}", "sum by (instance) (increase(newsevents_rebalances_total[$__range]))")], "stat"),
    ("Last commit age", "s", [("{{instance}}", "max by (instance) (newsevents_last_commit_age_seconds)")], "timeseries"),
    ("Build", "none", [("{{version}} schema {{schema_version}}", "max by (version, schema_version) (newsevents_build_info)")], "stat"),
]  # fmt: skip

#: Panels that may legitimately show no data, with the reason (checked by the Prometheus test).
MAY_BE_EMPTY = {
    "Dedup state evictions (keys/s)": "no key is evicted until a table reaches its bound",
}


def _panel(index: int, title: str, unit: str, targets: list[tuple[str, str]], kind: str) -> dict[str, Any]:
    width = 6 if kind == "stat" else 12
    return {
        "id": index + 1,
        "type": kind,
        "title": title,
        "datasource": DATASOURCE,
        "gridPos": {"h": 8 if kind != "stat" else 4, "w": width, "x": (index * width) % 24, "y": index * 4},
        "fieldConfig": {"defaults": {"unit": unit}, "overrides": []},
        "options": {"legend": {"displayMode": "list", "placement": "bottom", "showLegend": True}},
        "targets": [
            {"refId": chr(ord("A") + i), "datasource": DATASOURCE, "expr": expr, "legendFormat": legend}
            for i, (legend, expr) in enumerate(targets)
        ],
    }


def build() -> dict[str, Any]:
    return {
        "uid": "newsevents",
        "title": "newsevents",
        "tags": ["newsevents", "kafka", "faust"],
        "schemaVersion": 39,
        "version": 1,
        "editable": True,
        "time": {"from": "now-1h", "to": "now"},
        "refresh": "30s",
        "timezone": "utc",
        "templating": {
            "list": [
                {"name": "datasource", "type": "datasource", "query": "prometheus", "label": "Prometheus"},
            ]
        },
        "annotations": {"list": []},
        "panels": [_panel(i, *panel) for i, panel in enumerate(PANELS)],
    }


def render() -> str:
    return json.dumps(build(), indent=2, sort_keys=True) + "\n"


if __name__ == "__main__":
    OUT.write_text(render())
    print(OUT)
