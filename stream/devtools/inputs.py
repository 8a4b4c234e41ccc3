"""Reading raw messages from files, directories, JSONL and stdin (for `produce` and `extract`)."""

from __future__ import annotations

import sys
from collections.abc import Iterator
from pathlib import Path

__all__ = ["RawInput", "read_inputs"]

RawInput = tuple[str, bytes]  # (where it came from, message value)


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


def read_inputs(paths: list[str]) -> Iterator[RawInput]:
    """Each .jsonl line, each other file, or each stdin line (JSONL) / whole stdin (text) is one message."""
    for name in paths or ["-"]:
        if name == "-":
            data = sys.stdin.buffer.read()
            yield from _from_bytes("<stdin>", data, _looks_like_jsonl(data))
            continue
        path = Path(name)
        files = sorted(p for p in path.rglob("*") if p.is_file()) if path.is_dir() else [path]
        for file in files:
            data = file.read_bytes()
            yield from _from_bytes(str(file), data, file.suffix == ".jsonl" or _looks_like_jsonl(data))
