"""CPU seconds of this process's descendants by role (worker, coding process, broker), read from /proc."""

from __future__ import annotations

import os
from collections.abc import Mapping
from pathlib import Path
from typing import Final

__all__ = ["ROLES", "CpuSnapshot", "cpu_by_role", "role_of", "snapshot", "stat_seconds"]

#: (role, what its command line holds), the first that matches: a coding process's command line also
#: names the worker's module path.
ROLES: Final = (("coding", "stream.worker.coding"), ("worker", "stream worker"), ("broker", "tansu"))

#: pid -> (role, CPU seconds, user and system, so far)
CpuSnapshot = dict[int, tuple[str, float]]


def role_of(cmdline: str) -> str | None:
    """The bench role of a process by its command line (arguments joined by spaces); None: not one."""
    return next((role for role, marker in ROLES if marker in cmdline), None)


def stat_seconds(stat: str, ticks_per_second: int) -> tuple[int, float]:
    """(parent pid, user + system CPU seconds) from a /proc/PID/stat line (the name in parentheses may
    hold spaces and parentheses itself: the fields are read after its last ')')."""
    fields = stat[stat.rindex(")") + 2 :].split()
    return int(fields[1]), (int(fields[11]) + int(fields[12])) / ticks_per_second


def snapshot(root: int | None = None, proc: Path = Path("/proc")) -> CpuSnapshot:
    """CPU seconds so far of every descendant of `root` (this process by default) that has a role."""
    root = os.getpid() if root is None else root
    ticks = os.sysconf("SC_CLK_TCK")
    parents: dict[int, int] = {}
    seconds: dict[int, tuple[str | None, float]] = {}
    for entry in proc.iterdir():
        if not entry.name.isdigit():
            continue
        try:
            parent, cpu = stat_seconds((entry / "stat").read_text(), ticks)
            cmdline = (entry / "cmdline").read_bytes().replace(b"\0", b" ").decode(errors="replace")
        except (OSError, ValueError, IndexError):
            continue  # ended meanwhile
        parents[int(entry.name)] = parent
        seconds[int(entry.name)] = (role_of(cmdline), cpu)
    out: CpuSnapshot = {}
    frontier = [root]
    while frontier:
        parent = frontier.pop()
        for pid, its_parent in parents.items():
            if its_parent == parent and pid not in out:
                frontier.append(pid)
                role, cpu = seconds[pid]
                if role is not None:
                    out[pid] = (role, cpu)
    return out


def cpu_by_role(
    before: Mapping[int, tuple[str, float]], after: Mapping[int, tuple[str, float]]
) -> dict[str, float]:
    """CPU seconds each role used between two snapshots (a process started in between counts whole)."""
    used: dict[str, float] = {}
    for pid, (role, cpu) in after.items():
        earlier = before.get(pid)
        start = earlier[1] if earlier is not None and earlier[0] == role else 0.0
        used[role] = used.get(role, 0.0) + max(0.0, cpu - start)
    return used
