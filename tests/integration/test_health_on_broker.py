"""/healthz and /readyz on a real worker: stalled agent -> unready and back; broker gone -> unready, alive."""

from __future__ import annotations

import time
import urllib.error
import urllib.request
from pathlib import Path

import orjson
import pytest

from stream.config.settings import Settings
from stream.devtools.broker import EmbeddedBroker
from stream.devtools.devrun import WorkerProcess
from tests.integration.conftest import produce

pytestmark = pytest.mark.integration


def _get(port: int, path: str) -> tuple[int, dict[str, object]]:
    try:
        with urllib.request.urlopen(f"http://127.0.0.1:{port}{path}", timeout=5) as response:
            return response.status, orjson.loads(response.read())
    except urllib.error.HTTPError as error:
        return error.code, orjson.loads(error.read())


def _wait_status(port: int, path: str, status: int, timeout: float) -> dict[str, object]:
    deadline = time.monotonic() + timeout
    last: tuple[int, dict[str, object]] = (0, {})
    while time.monotonic() < deadline:
        last = _get(port, path)
        if last[0] == status:
            return last[1]
        time.sleep(0.5)
    raise AssertionError(f"{path} stayed {last} instead of {status}")


def test_stalled_agent_makes_worker_unready_until_it_recovers_and_broker_loss_too(
    broker: EmbeddedBroker, settings: Settings, tmp_path: Path, seed_bytes: bytes
) -> None:
    pause = tmp_path / "pause"
    worker = WorkerProcess(
        settings,
        tmp_path / "worker.log",
        extra_env={"NEWSEVENTS_PAUSE_FILE": str(pause), "NEWSEVENTS_STALL_SECONDS": "3"},
    )
    port = settings.web_port
    try:
        worker.wait_web(60)
        assert _wait_status(port, "/readyz", 200, 60) == {"status": "ok", "reasons": []}
        assert _get(port, "/healthz") == (200, {"status": "ok", "reasons": []})

        pause.touch()  # the agents stop making progress, as a poisoned hook would
        produce(settings, settings.topics.raw, [seed_bytes])
        body = _wait_status(port, "/readyz", 503, 30)
        assert any("no progress on news.raw" in reason for reason in body["reasons"])  # type: ignore[union-attr]
        assert _get(port, "/healthz")[0] == 200  # stalled is unready, not dead

        pause.unlink()
        assert _wait_status(port, "/readyz", 200, 30)["status"] == "ok"

        broker.stop()  # the broker goes away: unready, but the worker keeps running
        body = _wait_status(port, "/readyz", 503, 30)
        assert "broker unreachable" in body["reasons"]  # type: ignore[operator]
        time.sleep(2)
        assert worker.process.poll() is None
        assert _get(port, "/healthz")[0] == 200
    finally:
        worker.stop(timeout=20)
