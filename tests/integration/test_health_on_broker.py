"""/healthz and /readyz on a real worker: stalled agent -> unready and back; broker gone -> unready, alive."""

from __future__ import annotations

import time
import urllib.error
import urllib.request
from pathlib import Path
from typing import Any

import orjson
import pytest

from stream.config.settings import Settings
from stream.devtools.broker import EmbeddedBroker
from tests.integration.conftest import WorkerFactory, produce

pytestmark = pytest.mark.integration


def _get(port: int, path: str) -> tuple[int, dict[str, Any]]:
    try:
        with urllib.request.urlopen(f"http://127.0.0.1:{port}{path}", timeout=5) as response:
            return response.status, orjson.loads(response.read())
    except urllib.error.HTTPError as error:
        return error.code, orjson.loads(error.read())


def _wait_status(port: int, path: str, status: int, timeout: float) -> dict[str, Any]:
    deadline = time.monotonic() + timeout
    last: tuple[int, dict[str, Any]] = (0, {})
    while time.monotonic() < deadline:
        last = _get(port, path)
        if last[0] == status:
            return last[1]
        time.sleep(0.5)
    raise AssertionError(f"{path} stayed {last} instead of {status}")


def test_stalled_agent_makes_worker_unready_until_it_recovers_and_broker_loss_too(
    broker: EmbeddedBroker,
    settings: Settings,
    worker_factory: WorkerFactory,
    tmp_path: Path,
    seed_bytes: bytes,
) -> None:
    pause = tmp_path / "pause"
    worker = worker_factory(
        extra_env={"NEWSEVENTS_PAUSE_FILE": str(pause), "NEWSEVENTS_STALL_SECONDS": "3"},
        ready=False,  # becoming ready is the first thing this test checks
        stop_timeout=20,  # the broker is gone by then: no clean leave to wait for
    )
    port = worker.settings.web_port
    assert _wait_status(port, "/readyz", 200, 60) == {"status": "ok", "reasons": []}
    assert _get(port, "/healthz") == (200, {"status": "ok", "reasons": []})

    pause.touch()  # the agents stop making progress, as a poisoned hook would
    produce(settings, settings.topics.raw, [seed_bytes])
    body = _wait_status(port, "/readyz", 503, 30)
    assert any("no progress on news.raw" in reason for reason in body["reasons"])
    assert _get(port, "/healthz")[0] == 200  # stalled is unready, not dead

    pause.unlink()
    assert _wait_status(port, "/readyz", 200, 30)["status"] == "ok"

    broker.stop()  # the broker goes away: unready, but the worker keeps running
    body = _wait_status(port, "/readyz", 503, 30)
    assert "broker unreachable" in body["reasons"]
    time.sleep(2)
    assert worker.process.poll() is None
    assert _get(port, "/healthz")[0] == 200
