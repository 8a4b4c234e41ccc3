"""Prometheus config, alert rules and their unit tests pass promtool; every alert has a runbook section;
the dashboard JSON is up to date, filters by job and instance, and its ratios stay within 100 %."""

from __future__ import annotations

import json
import re
import shutil
import subprocess
from pathlib import Path
from typing import Any

import pytest
import yaml

from tests.paths import DEPLOY, ROOT
from tests.support import dashboard_module

RUNBOOK = ROOT / "docs" / "runbook.md"


def _promtool(*args: str, cwd: Path = DEPLOY / "prometheus") -> subprocess.CompletedProcess[str]:
    promtool = shutil.which("promtool")
    assert promtool, "promtool missing: `make test` installs Debian's prometheus package"
    return subprocess.run([promtool, *args], capture_output=True, text=True, cwd=cwd, check=False)


def _rules() -> list[dict[str, Any]]:
    groups = yaml.safe_load((DEPLOY / "prometheus" / "alerts.yml").read_text())["groups"]
    return [rule for group in groups for rule in group["rules"]]


def _dashboard() -> dict[str, Any]:
    return json.loads((DEPLOY / "grafana" / "dashboards" / "newsevents.json").read_text())  # type: ignore[no-any-return]


def _anchors(markdown: str) -> set[str]:
    """GitHub's heading anchors: lower case, punctuation dropped, spaces to hyphens."""
    headings = re.findall(r"^#{1,6}\s+(.+?)\s*$", markdown, re.MULTILINE)
    return {re.sub(r"[^\w\- ]", "", h.strip().lower()).replace(" ", "-") for h in headings}


@pytest.mark.parametrize(
    "args",
    [
        ("check", "config", "prometheus.yml"),
        ("check", "rules", "alerts.yml"),
        ("test", "rules", "alerts_test.yml"),
    ],
    ids=["check-config", "check-rules", "test-rules"],
)
def test_promtool_accepts(args: tuple[str, ...]) -> None:
    result = _promtool(*args)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "SUCCESS" in result.stdout + result.stderr


def test_every_alert_has_a_firing_and_a_silent_case() -> None:
    tests = (DEPLOY / "prometheus" / "alerts_test.yml").read_text()
    names = [rule["alert"] for rule in _rules()]
    assert len(names) == 8
    for name in names:
        block = tests.split(f"alertname: {name}\n")
        assert len(block) >= 3, f"{name} needs a firing and a silent test case"
        assert any(part.lstrip().startswith("exp_alerts: []") for part in block[1:]), (
            f"{name}: no silent case"
        )
        assert any("exp_labels" in part.split("alertname:")[0] for part in block[1:]), (
            f"{name}: no firing case"
        )


def test_alert_severities_are_critical_or_warning() -> None:
    severities = {rule["alert"]: rule["labels"]["severity"] for rule in _rules()}
    assert set(severities.values()) == {"critical", "warning"}, severities
    assert severities["NewseventsWorkerDown"] == "critical"
    assert severities["NewseventsNoWorkerUp"] == "critical"


def test_every_alert_links_to_its_runbook_section() -> None:
    anchors = _anchors(RUNBOOK.read_text())
    for rule in _rules():
        url = rule["annotations"]["runbook_url"]
        path, _, anchor = url.partition("#")
        assert path == "docs/runbook.md" and (ROOT / path).is_file(), url
        assert anchor == rule["alert"].lower(), url
        assert anchor in anchors, f"{rule['alert']}: docs/runbook.md has no section #{anchor}"


def test_runbook_sections_say_what_it_means_what_to_look_at_and_what_to_do() -> None:
    text = RUNBOOK.read_text()
    for rule in _rules():
        section = text.split(f"## {rule['alert']}\n", 1)
        assert len(section) == 2, rule["alert"]
        body = section[1].split("\n## ", 1)[0]
        for part in ("**Means:**", "**Look at:**", "**Do:**"):
            assert part in body, f"{rule['alert']}: no {part}"


def test_an_alert_fires_when_no_worker_is_up_at_all() -> None:
    exprs = {rule["alert"]: " ".join(rule["expr"].split()) for rule in _rules()}
    assert exprs["NewseventsNoWorkerUp"] == 'absent(up{job="newsevents"} == 1)'


def test_no_alert_depends_on_a_topic_name() -> None:
    for rule in _rules():
        assert "topic=" not in rule["expr"], f"{rule['alert']} hard-codes a topic: {rule['expr']}"


def test_dashboard_json_matches_its_builder() -> None:
    module = dashboard_module()
    assert (DEPLOY / "grafana" / "dashboards" / "newsevents.json").read_text() == module.render()


def test_dashboard_covers_what_operators_watch() -> None:
    dashboard = _dashboard()
    exprs = " ".join(t["expr"] for p in dashboard["panels"] for t in p["targets"])
    for metric in (
        "newsevents_messages_consumed_total", "newsevents_events_published_total",
        "newsevents_duplicates_total",
        "newsevents_dead_letters_total", "newsevents_article_processing_seconds_bucket",
        "newsevents_end_to_end_lag_seconds_bucket", "newsevents_consumer_lag_records",
        "newsevents_dedup_state_entries", "newsevents_ready", "newsevents_rebalances_total",
    ):  # fmt: skip
        assert metric in exprs, metric
    assert dashboard["schemaVersion"] >= 39
    provisioning = (DEPLOY / "grafana" / "provisioning" / "datasources" / "prometheus.yml").read_text()
    assert "type: prometheus" in provisioning


def test_every_panel_query_is_filtered_by_job_and_instance() -> None:
    dashboard = _dashboard()
    variables = {v["name"]: v for v in dashboard["templating"]["list"]}
    assert variables["job"]["type"] == variables["instance"]["type"] == "query"
    assert "$job" in variables["instance"]["query"]
    for panel in dashboard["panels"]:
        for target in panel["targets"]:
            selectors = re.findall(r"\bnewsevents_\w+(\{[^}]*\})?", target["expr"])
            assert selectors, target["expr"]
            for labels in selectors:
                assert labels.startswith('{job=~"$job", instance=~"$instance"'), (
                    panel["title"],
                    target["expr"],
                )


def test_rate_panels_count_records_not_http_requests() -> None:
    for panel in _dashboard()["panels"]:
        unit = panel["fieldConfig"]["defaults"]["unit"]
        assert unit != "reqps", panel["title"]
        per_second = re.search(r"\((\w+)/s\)$", panel["title"])
        if per_second:
            assert unit == f"count:{per_second.group(1)}/s", (panel["title"], unit)


def test_duplicate_ratios_stay_within_100_percent_when_articles_have_many_events(tmp_path: Path) -> None:
    """8 articles a minute (2 of them duplicates) coding 15 events each: 90 published, 30 duplicate
    events a minute. Per-event duplicates over articles would read 375 %; like by like reads 25 % each."""
    module = dashboard_module()
    (panel,) = [p for p in module.PANELS if p[0] == "Duplicate ratio by layer"]
    assert panel[1] == "percentunit"
    labels = 'job="newsevents", instance="w1:6066"'
    series = {
        f'newsevents_articles_total{{{labels}, outcome="new"}}': "0+6x20",
        f'newsevents_articles_total{{{labels}, outcome="duplicate"}}': "0+2x20",
        f'newsevents_duplicates_total{{{labels}, layer="article", kind="exact"}}': "0+2x20",
        f'newsevents_events_published_total{{{labels}, event_type="CONSULT", quad_class="1"}}': "0+90x20",
        f'newsevents_duplicates_total{{{labels}, layer="event", kind="event"}}': "0+30x20",
    }
    tests = {
        "tests": [
            {
                "interval": "1m",
                "input_series": [{"series": s, "values": v} for s, v in series.items()],
                "promql_expr_test": [
                    {
                        "expr": _substitute(expr, "newsevents", ".*"),
                        "eval_time": "15m",
                        "exp_samples": [{"labels": "{}", "value": 0.25}],
                    }
                    for _legend, expr in panel[2]
                ],
            }
        ]
    }
    (tmp_path / "ratio_test.yml").write_text(yaml.safe_dump(tests))
    result = _promtool("test", "rules", "ratio_test.yml", cwd=tmp_path)
    assert result.returncode == 0, result.stdout + result.stderr


def _substitute(expr: str, job: str, instance: str) -> str:
    """What Grafana sends: its variables replaced."""
    return (
        expr.replace("$__rate_interval", "5m")
        .replace("$__range", "5m")
        .replace("$job", job)
        .replace("$instance", instance)
    )
