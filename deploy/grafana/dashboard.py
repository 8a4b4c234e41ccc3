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
#: Every series a panel reads is selected by the dashboard's job and instance variables.
SELECTOR = 'job=~"$job", instance=~"$instance"'
#: Rates of things counted one by one: Grafana's count unit (1.2K records/s), not HTTP's reqps.
RECORDS, EVENTS, KEYS = "count:records/s", "count:events/s", "count:keys/s"


def m(metric: str, matchers: str = "") -> str:
    """`metric{job=~"$job", instance=~"$instance"[, matchers]}`."""
    return f"{metric}{{{SELECTOR}{', ' + matchers if matchers else ''}}}"


def rate(metric: str, matchers: str = "") -> str:
    return f"rate({m(metric, matchers)}[{RI}])"


# The duplicate ratios divide like by like, so neither exceeds 100 %: duplicate articles among the
# articles processed (one outcome each), duplicate event candidates among the candidates the event stage
# decided on (each is either published or a duplicate). Per-event duplicates over per-article counts did.
# A duplicate series exists only once a duplicate was seen: until then the ratio is 0, not "no data".
DUPLICATE_ARTICLES = f"""(sum({rate("newsevents_articles_total", 'outcome="duplicate"')}) or vector(0))"""
DUPLICATE_EVENTS = f"""(sum({rate("newsevents_duplicates_total", 'layer="event"')}) or vector(0))"""

# (title, unit, [(legend, expr)], kind)
PANELS: list[tuple[str, str, list[tuple[str, str]], str]] = [
    ("Ready workers", "none", [("ready", f"sum({m('newsevents_ready')})")], "stat"),
    ("Partitions assigned", "none", [("{{instance}}", f"sum by (instance) ({m('newsevents_partitions_assigned')})")], "stat"),
    ("Throughput in (records/s)", RECORDS, [("{{topic}}", f"sum by (topic) ({rate('newsevents_messages_consumed_total')})")], "timeseries"),
    ("Throughput out (records/s)", RECORDS, [
        ("events", f"sum({rate('newsevents_events_published_total')})"),
        ("mentions", f"sum({rate('newsevents_mentions_published_total')})"),
        ("duplicates", f"sum({rate('newsevents_duplicates_total')})"),
        ("dead letters", f"sum({rate('newsevents_dead_letters_total')})"),
    ], "timeseries"),
    ("Events by type (events/s)", EVENTS, [("{{event_type}}", f"sum by (event_type) ({rate('newsevents_events_published_total')})")], "timeseries"),
    ("Events by quad class (events/s)", EVENTS, [("quad {{quad_class}}", f"sum by (quad_class) ({rate('newsevents_events_published_total')})")], "timeseries"),
    ("Duplicate ratio by layer", "percentunit", [
        ("article", f"{DUPLICATE_ARTICLES} / sum({rate('newsevents_articles_total')})"),
        ("event", f"{DUPLICATE_EVENTS} / (sum({rate('newsevents_events_published_total')}) + {DUPLICATE_EVENTS})"),
    ], "timeseries"),
    ("Dead letters by reason (records/s)", RECORDS, [("{{reason}}", f"sum by (reason) ({rate('newsevents_dead_letters_total')})")], "timeseries"),
    ("Article processing latency", "s", [
        (f"p{q}", f"histogram_quantile(0.{q}, sum by (le) ({rate('newsevents_article_processing_seconds_bucket')}))")
        for q in (50, 95, 99)
    ], "timeseries"),
    ("Stage latency p99", "s", [("{{stage}}", f"histogram_quantile(0.99, sum by (le, stage) ({rate('newsevents_stage_seconds_bucket')}))")], "timeseries"),
    ("End-to-end lag (produce to publish)", "s", [
        (f"p{q}", f"histogram_quantile(0.{q}, sum by (le) ({rate('newsevents_end_to_end_lag_seconds_bucket')}))")
        for q in (50, 99)
    ], "timeseries"),
    ("Consumer lag by partition (records)", "none", [("{{topic}}[{{partition}}]", f"sum by (topic, partition) ({m('newsevents_consumer_lag_records')})")], "timeseries"),
    ("Dedup state entries", "none", [
        ("{{instance}} {{table}}", f"sum by (instance, table) ({m('newsevents_dedup_state_entries')})"),
        ("bound", f"max({m('newsevents_dedup_state_max_entries')})"),
    ], "timeseries"),
    ("Dedup state evictions (keys/s)", KEYS, [("{{table}}", f"sum by (table) ({rate('newsevents_dedup_state_evictions_total')})")], "timeseries"),
    ("Rebalances", "none", [("{{instance}}", f"sum by (instance) (increase({m('newsevents_rebalances_total')}[$__range]))")], "stat"),
    ("Last commit age", "s", [("{{instance}}", f"max by (instance) ({m('newsevents_last_commit_age_seconds')})")], "timeseries"),
    ("Build", "none", [("{{version}} schema {{schema_version}}", f"max by (version, schema_version) ({m('newsevents_build_info')})")], "stat"),
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


INSTANCES = 'label_values(newsevents_build_info{job=~"$job"}, instance)'


def _variable(name: str, query: str, *, all_: bool) -> dict[str, Any]:
    """A query variable over the workers' build_info series (every worker exports it from the start)."""
    variable: dict[str, Any] = {
        "name": name,
        "label": name,
        "type": "query",
        "datasource": DATASOURCE,
        "query": query,
        "definition": query,
        "refresh": 2,  # on time-range change: new workers appear
        "sort": 1,
        "includeAll": all_,
        "multi": all_,
    }
    if all_:
        # `All` as a regex, not the list of the values seen when the variable was last refreshed.
        variable["allValue"] = ".*"
        variable["current"] = {"text": "All", "value": "$__all"}
    return variable


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
                _variable("job", "label_values(newsevents_build_info, job)", all_=False),
                _variable("instance", INSTANCES, all_=True),
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
