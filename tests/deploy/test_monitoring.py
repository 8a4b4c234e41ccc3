"""Prometheus config, alert rules and their unit tests pass promtool; the dashboard JSON is up to date."""

from __future__ import annotations

import json
import shutil
import subprocess

import pytest

from tests.paths import DEPLOY
from tests.support import dashboard_module


def _promtool(*args: str) -> subprocess.CompletedProcess[str]:
    promtool = shutil.which("promtool")
    assert promtool, "promtool missing: `make test` installs Debian's prometheus package"
    return subprocess.run(
        [promtool, *args], capture_output=True, text=True, cwd=DEPLOY / "prometheus", check=False
    )


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
    rules = (DEPLOY / "prometheus" / "alerts.yml").read_text()
    tests = (DEPLOY / "prometheus" / "alerts_test.yml").read_text()
    names = [
        line.split(":", 1)[1].strip() for line in rules.splitlines() if line.strip().startswith("- alert:")
    ]
    assert len(names) == 7
    for name in names:
        block = tests.split(f"alertname: {name}")
        assert len(block) >= 3, f"{name} needs a firing and a silent test case"
        assert any(part.lstrip().startswith("exp_alerts: []") for part in block[1:]), (
            f"{name}: no silent case"
        )
        assert any("exp_labels" in part.split("alertname:")[0] for part in block[1:]), (
            f"{name}: no firing case"
        )


def test_dashboard_json_matches_its_builder() -> None:
    module = dashboard_module()
    assert (DEPLOY / "grafana" / "dashboards" / "newsevents.json").read_text() == module.render()


def test_dashboard_covers_what_operators_watch() -> None:
    dashboard = json.loads((DEPLOY / "grafana" / "dashboards" / "newsevents.json").read_text())
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
