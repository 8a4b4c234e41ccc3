"""Helpers shared by test modules: waiting for a worker to drain, loading the dashboard builder."""

from __future__ import annotations

import importlib.util
import time
from types import ModuleType

import orjson

from stream.devtools.devrun import WorkerProcess, pipeline_drained
from tests.paths import ROOT


def wait_drained(worker: WorkerProcess, produced: int, timeout: float = 90) -> None:
    """Until the worker's metrics show every produced record through both stages."""
    deadline = time.monotonic() + timeout
    while not pipeline_drained(worker.metrics_url, produced, worker.settings.topics.candidates):
        assert worker.process.poll() is None, f"worker died; log {worker.log_path}"
        assert time.monotonic() < deadline, f"worker did not drain; log {worker.log_path}"
        time.sleep(0.5)


def dashboard_module() -> ModuleType:
    """deploy/grafana/dashboard.py (not a package module) loaded by path."""
    spec = importlib.util.spec_from_file_location("dashboard", ROOT / "deploy" / "grafana" / "dashboard.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


_COUNTRIES = (
    "Russia", "Ukraine", "France", "Germany", "China", "Japan", "Iran", "Israel", "Turkey", "Egypt",
    "Brazil", "India", "Pakistan", "Nigeria", "Kenya", "Poland", "Spain", "Italy", "Mexico", "Canada",
)  # fmt: skip
_CITIES = ("Geneva", "Vienna", "Istanbul", "Cairo", "Nairobi", "Warsaw", "Minsk", "Doha", "Lagos", "Delhi")


def distinct_event_articles(count: int, offset: int = 0) -> list[bytes]:
    """JSON raw messages, each reporting one event no other message reports (distinct fingerprints)."""
    pairs = [(a, b) for i, a in enumerate(_COUNTRIES) for b in _COUNTRIES[i + 1 :]]  # 190 unordered
    out = []
    for n in range(offset, offset + count):
        a, b = pairs[n % len(pairs)]
        city = _CITIES[(n // len(pairs)) % len(_CITIES)]
        day = 1 + (n // (len(pairs) * len(_CITIES))) % 28
        text = f"{a} and {b} held talks in {city} on February {day}, officials said. Report number {n}."
        out.append(
            orjson.dumps(
                {"id": f"art-{n}", "source": f"outlet-{n % 7}", "published": "2022-03-01", "text": text}
            )
        )
    return out


def wait_ready(worker: WorkerProcess, timeout: float = 90) -> None:
    """Until /readyz answers 200: partitions assigned, recovery done, broker reachable."""
    import urllib.error
    import urllib.request

    deadline = time.monotonic() + timeout
    while True:
        assert worker.process.poll() is None, f"worker died; log {worker.log_path}"
        try:
            with urllib.request.urlopen(f"http://127.0.0.1:{worker.settings.web_port}/readyz", timeout=5):
                return
        except (urllib.error.URLError, OSError):
            pass
        assert time.monotonic() < deadline, f"worker never ready; log {worker.log_path}"
        time.sleep(0.5)


def consumed(worker: WorkerProcess) -> float:
    """Records this worker process has consumed so far, all topics."""
    from stream.devtools.devrun import read_counters

    return sum(
        v
        for (n, _lab), v in read_counters(worker.metrics_url).items()
        if n == "newsevents_messages_consumed_total"
    )
