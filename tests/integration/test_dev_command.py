"""`newsevents dev` (what `make demo` runs) and `newsevents broker` start, work and leave nothing behind."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
from pathlib import Path

import pytest

from stream.devtools.broker import wait_for_port
from tests.paths import ROOT

pytestmark = pytest.mark.integration


def _children_alive(pattern: str) -> list[str]:
    out = subprocess.run(["ps", "-eo", "pid,args"], capture_output=True, text=True, check=True).stdout
    return [line for line in out.splitlines() if pattern in line and "ps -eo" not in line]


def test_dev_prints_seed_events_and_exits_cleanly(tmp_path: Path) -> None:
    env = {**os.environ, "TMPDIR": str(tmp_path)}
    result = subprocess.run(
        [sys.executable, "-m", "stream", "dev", "--produce", str(ROOT / "seeds"), "--exit-when-done"],
        capture_output=True,
        text=True,
        timeout=240,
        env=env,
        cwd=ROOT,
    )
    assert result.returncode == 0, result.stderr
    lines = result.stdout.splitlines()
    assert any(
        "CONSULT" in line
        and "UKR/GOV" in line
        and "RUS/GOV" in line
        and "@ Gomel, BLR" in line
        and line.split()[1] == "2022-02-28"
        for line in lines
    ), result.stdout
    assert any("CONSULT/phone" in line and "BLR/GOV" in line and "-> UKR/GOV" in line for line in lines)
    assert "worker stopped (exit 0)" in result.stderr
    assert not _children_alive(str(tmp_path)), "a process started by dev is still running"


def test_dev_json_flag_prints_json_records(tmp_path: Path) -> None:
    result = subprocess.run(
        [
            sys.executable,
            "-m",
            "stream",
            "dev",
            "--produce",
            str(ROOT / "seeds"),
            "--exit-when-done",
            "--json",
        ],
        capture_output=True,
        text=True,
        timeout=240,
        env={**os.environ, "TMPDIR": str(tmp_path)},
        cwd=ROOT,
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip()
    assert all(line.startswith("{") for line in result.stdout.splitlines())


def test_broker_command_prints_bootstrap_and_stops_on_sigterm() -> None:
    with subprocess.Popen(
        [sys.executable, "-m", "stream", "broker"], stdout=subprocess.PIPE, text=True, cwd=ROOT
    ) as process:
        try:
            assert process.stdout is not None
            bootstrap = process.stdout.readline().strip()
            host, port = bootstrap.split(":")
            wait_for_port(host, int(port), timeout=10)
        finally:
            process.send_signal(signal.SIGTERM)
            assert process.wait(20) == 0
    assert not _children_alive(f"tcp://127.0.0.1:{port}")
