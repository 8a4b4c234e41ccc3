"""Health tied to progress on the real broker: alive while joining, unready while the broker answers none."""

from __future__ import annotations

import os
import signal
import time
import urllib.error
import urllib.request
from typing import Any

import orjson
import pytest

from stream.devtools.devrun import WorkerProcess
from tests.integration.conftest import BrokerFactory, SettingsFactory, WorkerFactory

pytestmark = pytest.mark.integration


def _get(worker: WorkerProcess, path: str) -> tuple[int | None, dict[str, Any]]:
    try:
        url = f"http://127.0.0.1:{worker.settings.web_port}{path}"
        with urllib.request.urlopen(url, timeout=3) as response:
            return response.status, orjson.loads(response.read())
    except urllib.error.HTTPError as error:
        return error.code, orjson.loads(error.read())
    except OSError:
        return None, {}  # no answer


def test_a_fresh_worker_is_alive_all_the_while_it_waits_for_its_assignment(
    broker_factory: BrokerFactory, settings_factory: SettingsFactory, worker_factory: WorkerFactory
) -> None:
    settings = settings_factory(broker_factory())  # a new group: the join takes its full ~8 s
    worker = worker_factory(settings=settings, ready=False)  # returns as soon as the web port is open
    alive: list[int | None] = []
    ready: list[int | None] = []
    deadline = time.monotonic() + 90
    while time.monotonic() < deadline and ready[-1:] != [200]:
        alive.append(_get(worker, "/healthz")[0])
        ready.append(_get(worker, "/readyz")[0])
        time.sleep(0.25)
    assert ready[-1] == 200
    assert ready.count(503) >= 8  # it did wait for its partitions for a while (2 s at the very least)
    assert set(alive) == {200}  # and was alive all along


def test_a_sigstopped_broker_turns_the_worker_unready_within_30_seconds_and_back_after_sigcont(
    broker_factory: BrokerFactory, settings_factory: SettingsFactory, worker_factory: WorkerFactory
) -> None:
    broker = broker_factory()
    settings = settings_factory(broker)
    worker = worker_factory(settings=settings, stop_timeout=20)
    assert _get(worker, "/readyz")[0] == 200
    assert broker.process is not None
    pid = broker.process.pid
    os.kill(pid, signal.SIGSTOP)  # the port stays open, no request is answered
    try:
        stopped = time.monotonic()
        status, body = _get(worker, "/readyz")
        while status != 503 and time.monotonic() - stopped < 60:
            time.sleep(0.5)
            status, body = _get(worker, "/readyz")
        unready_after = time.monotonic() - stopped
        alive = _get(worker, "/healthz")
    finally:
        os.kill(pid, signal.SIGCONT)
    assert status == 503 and "broker unreachable" in body["reasons"]
    assert unready_after < 30, f"unready only after {unready_after:.1f} s"
    assert alive[0] == 200  # a hung broker makes the worker unready, never dead
    deadline = time.monotonic() + 90
    while _get(worker, "/readyz")[0] != 200:
        assert time.monotonic() < deadline, f"not ready again after SIGCONT; log {worker.log_path}"
        time.sleep(0.5)
