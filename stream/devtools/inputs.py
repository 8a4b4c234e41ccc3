"""Reading raw messages from files, directories, JSONL and stdin (for `produce` and `extract`)."""

from __future__ import annotations

import datetime as dt
import sys
from collections.abc import Iterator
from pathlib import Path

__all__ = ["DatedInput", "RawInput", "read_dated_inputs", "read_inputs"]

RawInput = tuple[str, bytes]  # (where it came from, message value)
# (where it came from, message value, the file's modification time in UTC; None for stdin)
DatedInput = tuple[str, bytes, dt.datetime | None]


def _from_bytes(label: str, data: bytes, jsonl: bool) -> Iterator[RawInput]:
    if jsonl:
        for number, line in enumerate(data.splitlines(), start=1):
            if line.strip():
                yield f"{label}:{number}", line
    elif data.strip():
        yield label, data


def _looks_like_jsonl(data: bytes) -> bool:
    lines = [line for line in data.splitlines() if line.strip()]
    return len(lines) > 1 and all(line.lstrip().startswith(b"{") for line in lines[:3])


def read_dated_inputs(paths: list[str]) -> Iterator[DatedInput]:
    """Each .jsonl line, each other file, or each stdin line (JSONL) / whole stdin (text) is one message,
    with its file's modification time (offline, the stand-in for a Kafka record's timestamp)."""
    for name in paths or ["-"]:
        if name == "-":
            data = sys.stdin.buffer.read()
            for label, value in _from_bytes("<stdin>", data, _looks_like_jsonl(data)):
                yield label, value, None
            continue
        path = Path(name)
        files = sorted(p for p in path.rglob("*") if p.is_file()) if path.is_dir() else [path]
        for file in files:
            data = file.read_bytes()
            modified = dt.datetime.fromtimestamp(file.stat().st_mtime, dt.UTC)
            for label, value in _from_bytes(
                str(file), data, file.suffix == ".jsonl" or _looks_like_jsonl(data)
            ):
                yield label, value, modified


def read_inputs(paths: list[str]) -> Iterator[RawInput]:
    """Each .jsonl line, each other file, or each stdin line (JSONL) / whole stdin (text) is one message."""
    for label, value, _modified in read_dated_inputs(paths):
        yield label, value
