"""A real Prometheus scrapes a real worker; every dashboard panel's PromQL returns data."""

from __future__ import annotations

import math
import shutil
import subprocess
import time
import urllib.parse
import urllib.request
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import orjson
import pytest

from stream.config.settings import Settings
from stream.devtools.broker import free_port, wait_for_port
from stream.devtools.devrun import WorkerProcess
from tests.integration.conftest import WorkerFactory, produce
from tests.support import dashboard_module, wait_drained

pytestmark = pytest.mark.integration


@pytest.fixture
def worker(worker_factory: WorkerFactory) -> WorkerProcess:
    return worker_factory()


@pytest.fixture
def prometheus(worker: WorkerProcess, tmp_path: Path) -> Iterator[str]:
    binary = shutil.which("prometheus")
    assert binary, "prometheus missing: `make test` installs Debian's prometheus package"
    port = free_port()
    config = tmp_path / "prometheus.yml"
    config.write_text(
        "global: {scrape_interval: 1s, evaluation_interval: 1s}\n"
        "scrape_configs:\n"
        "  - job_name: newsevents\n"
        f"    static_configs: [{{targets: ['127.0.0.1:{worker.settings.web_port}']}}]\n"
    )
    with open(tmp_path / "prometheus.log", "wb") as log:
        process = subprocess.Popen(
            [
                binary, f"--config.file={config}", f"--storage.tsdb.path={tmp_path / 'tsdb'}",
                f"--web.listen-address=127.0.0.1:{port}",
            ],
            stdout=log, stderr=subprocess.STDOUT, start_new_session=True,
        )  # fmt: skip
    try:
        wait_for_port("127.0.0.1", port, 30, process)
        yield f"http://127.0.0.1:{port}"
    finally:
        process.terminate()
        process.wait(20)


def _query(base: str, expr: str) -> list[dict[str, Any]]:
    url = f"{base}/api/v1/query?" + urllib.parse.urlencode({"query": expr})
    with urllib.request.urlopen(url, timeout=10) as response:
        body = orjson.loads(response.read())
    assert body["status"] == "success", body
    result: list[dict[str, Any]] = body["data"]["result"]  # one {metric, value} a series
    return result


def _grafana(expr: str, job: str, instance: str) -> str:
    """A panel's PromQL with Grafana's variables replaced (job and instance go in as =~ regexes)."""
    return (
        expr.replace("$__rate_interval", "1m")
        .replace("$__range", "5m")
        .replace("$job", job)
        .replace("$instance", instance)
    )


def _label_values(base: str, label: str) -> list[str]:
    """What the dashboard's job / instance variable offers: label_values(newsevents_build_info, label)."""
    result = _query(base, f"group by ({label}) (newsevents_build_info)")
    return sorted(r["metric"][label] for r in result)


def test_every_dashboard_query_returns_data(
    settings: Settings, worker: WorkerProcess, prometheus: str, seed_bytes: bytes
) -> None:
    produce(settings, settings.topics.raw, [seed_bytes, seed_bytes, b"{not json"])
    wait_drained(worker, 3)
    # Rates need two scrapes after the counters moved; up must be 1 first.
    deadline = time.monotonic() + 60
    while not _query(prometheus, 'up{job="newsevents"} == 1'):
        assert time.monotonic() < deadline, "Prometheus never scraped the worker"
        time.sleep(1)
    time.sleep(5)

    module = dashboard_module()
    # As Grafana sends them with this worker picked: the job and instance variables' own queries offer
    # it, and every panel filtered by it has data (filtered by another instance, none has).
    instance = f"127.0.0.1:{worker.settings.web_port}"
    assert _label_values(prometheus, "job") == ["newsevents"]
    assert _label_values(prometheus, "instance") == [instance]
    empty: list[str] = []
    for title, unit, targets, _kind in module.PANELS:
        for legend, expr in targets:
            result = _query(prometheus, _grafana(expr, "newsevents", instance))
            if not result:
                empty.append(f"{title} / {legend}")
            if unit == "percentunit":  # NaN (0/0) when nothing moved within the rate window
                values = [float(r["value"][1]) for r in result]
                assert all(math.isnan(v) or 0 <= v <= 1 for v in values), (title, legend, values)
            assert not _query(prometheus, _grafana(expr, "newsevents", "127.0.0.1:1")), (title, legend)
    allowed = {
        f"{title} / {legend}"
        for title, _u, targets, _k in module.PANELS
        if title in module.MAY_BE_EMPTY
        for legend, _e in targets
    }
    assert sorted(set(empty) - allowed) == [], f"panels without data: {empty}"
    assert _query(prometheus, "sum(newsevents_ready)")[0]["value"][1] == "1"
