"""Reading raw messages from files, directories, JSONL and stdin (for `produce` and `extract`)."""

from __future__ import annotations

import datetime as dt
import re
import sys
from collections.abc import Iterator
from pathlib import Path

__all__ = ["DatedInput", "RawInput", "read_dated_inputs", "read_inputs", "split_articles", "visible_files"]

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


# The plain-text header line: on stdin each one starts a new article.
_HEADER_LINE = re.compile(rb"^[ \t]*date[ \t]+\d{4}-\d{2}-\d{2}[ \t]*\r?$", re.MULTILINE)


def split_articles(data: bytes) -> list[bytes]:
    """Plain-text articles one after another, each from its `date YYYY-MM-DD` line to the next one's
    (text before the first header is a message of its own); blank pieces are dropped."""
    starts = [match.start() for match in _HEADER_LINE.finditer(data)]
    bounds = zip([0, *starts], [*starts, len(data)], strict=True)
    return [piece for start, end in bounds if (piece := data[start:end]).strip()]


def _from_stdin(data: bytes) -> Iterator[RawInput]:
    if _looks_like_jsonl(data):
        yield from _from_bytes("<stdin>", data, jsonl=True)
        return
    articles = split_articles(data)
    if len(articles) == 1:
        yield "<stdin>", articles[0]
        return
    for number, article in enumerate(articles, start=1):
        yield f"<stdin>#{number}", article


def visible_files(directory: Path) -> list[Path]:
    """The files under a directory, sorted, leaving out hidden ones (.DS_Store, anything under .git)."""
    return sorted(
        p
        for p in directory.rglob("*")
        if p.is_file() and not any(part.startswith(".") for part in p.relative_to(directory).parts)
    )


def _looks_like_jsonl(data: bytes) -> bool:
    lines = [line for line in data.splitlines() if line.strip()]
    return len(lines) > 1 and all(line.lstrip().startswith(b"{") for line in lines[:3])


def read_dated_inputs(paths: list[str]) -> Iterator[DatedInput]:
    """Each .jsonl line, each other file (hidden ones left out), or each stdin line (JSONL) / article
    (text, see split_articles) is one message, with its file's modification time (offline, the
    stand-in for a Kafka record's timestamp)."""
    for name in paths or ["-"]:
        if name == "-":
            data = sys.stdin.buffer.read()
            for label, value in _from_stdin(data):
                yield label, value, None
            continue
        path = Path(name)
        files = visible_files(path) if path.is_dir() else [path]
        for file in files:
            data = file.read_bytes()
            modified = dt.datetime.fromtimestamp(file.stat().st_mtime, dt.UTC)
            for label, value in _from_bytes(
                str(file), data, file.suffix == ".jsonl" or _looks_like_jsonl(data)
            ):
                yield label, value, modified


def read_inputs(paths: list[str]) -> Iterator[RawInput]:
    """read_dated_inputs without the times."""
    for label, value, _modified in read_dated_inputs(paths):
        yield label, value
