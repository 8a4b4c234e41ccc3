"""The bench's CPU accounting by role, on a /proc tree written here."""

from __future__ import annotations

import os
from pathlib import Path

from stream.bench.cpu import cpu_by_role, role_of, snapshot, stat_seconds

TICKS = os.sysconf("SC_CLK_TCK")


def _stat(pid: int, name: str, parent: int, user_ticks: int, system_ticks: int) -> str:
    # pid (comm) state ppid pgrp session tty tpgid flags minflt cminflt majflt cmajflt utime stime ...
    return f"{pid} ({name}) S {parent} 1 1 0 -1 0 0 0 0 0 {user_ticks} {system_ticks} 0 0 20 0 1 0\n"


def _process(proc: Path, pid: int, parent: int, cmdline: list[str], user: int, system: int) -> None:
    (proc / str(pid)).mkdir()
    (proc / str(pid) / "stat").write_text(_stat(pid, "py (x) y", parent, user, system))
    (proc / str(pid) / "cmdline").write_bytes(b"\0".join(arg.encode() for arg in cmdline) + b"\0")


def test_roles_are_told_by_command_line_the_coding_process_before_its_worker() -> None:
    assert role_of("/venv/bin/python -m stream.worker.coding 41 ") == "coding"
    assert role_of("/venv/bin/python -m stream worker --forwarder ") == "worker"
    assert role_of("/root/.calfkit/bin/tansu-v0.6.0 broker --listener-url tcp://x ") == "broker"
    assert role_of("/usr/bin/bash -c sleep 1") is None


def test_a_stat_line_is_read_after_the_last_parenthesis_of_the_process_name() -> None:
    assert stat_seconds(_stat(7, "a) b (c", 3, 250, 50), 100) == (3, 3.0)


def test_descendants_with_a_role_are_counted_and_a_process_started_between_snapshots_counts_whole(
    tmp_path: Path,
) -> None:
    _process(tmp_path, 10, 1, ["bench"], 0, 0)
    _process(tmp_path, 11, 10, ["tansu", "broker"], 2 * TICKS, TICKS)
    _process(tmp_path, 12, 10, ["python", "-m", "stream", "worker"], 4 * TICKS, 0)
    _process(tmp_path, 13, 12, ["python", "-m", "stream.worker.coding", "12"], TICKS, 0)
    _process(tmp_path, 20, 1, ["python", "-m", "stream", "worker"], 9 * TICKS, 0)  # not ours
    (tmp_path / "self").mkdir()
    before = snapshot(10, tmp_path)
    assert before == {11: ("broker", 3.0), 12: ("worker", 4.0), 13: ("coding", 1.0)}
    (tmp_path / "12" / "stat").write_text(_stat(12, "python", 10, 10 * TICKS, TICKS))
    _process(tmp_path, 14, 12, ["python", "-m", "stream.worker.coding", "12"], TICKS // 2, 0)
    after = snapshot(10, tmp_path)
    assert cpu_by_role(before, after) == {"broker": 0.0, "worker": 7.0, "coding": 0.5}
