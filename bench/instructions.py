"""Instructions the event coder executes per generated article, counted by valgrind's callgrind.

Deterministic where wall-clock rates are not: the same build and corpus give the same count whatever the
machine's speed or load, so sessions on different machines compare by it. One run generates the articles,
loads the lexicons and codes a warm-up article; callgrind dumps its counters at each edge of the coding
loop, so the middle dump is the coder's own cost.

    .venv/bin/python bench/instructions.py --articles 200      # needs valgrind (Debian package)
"""

from __future__ import annotations

import argparse
import os
import re
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

__all__ = ["count_instructions", "main"]

# `bench extract`'s own loop; `os.getppid` is the edge marker: a libc call nothing else in the run makes,
# so `--dump-before=getppid` splits the counts at the loop's bounds (the run checks there are two).
_CHILD = """
import datetime as dt, os, sys
from stream.bench.extract import generate_articles, run_extract_bench
from stream.extract.native import compiled_modules
articles = generate_articles(int(sys.argv[1]))
run_extract_bench(articles, dt.date(2022, 2, 28), at_loop_edges=os.getppid)
print(",".join(compiled_modules()) or "-")
"""
_EDGE = "getppid"
_TOTALS = re.compile(r"^(?:totals|summary):\s+(\d+)", re.MULTILINE)


def count_instructions(articles: int) -> tuple[int, str]:
    """Instructions of coding `articles` generated articles (after the load and a warm-up article), and
    which coder modules ran compiled."""
    with tempfile.TemporaryDirectory() as directory:
        out = Path(directory) / "callgrind.out"
        result = subprocess.run(
            [
                "valgrind",
                "--tool=callgrind",
                f"--callgrind-out-file={out}",
                f"--dump-before={_EDGE}",
                sys.executable,
                "-c",
                _CHILD,
                str(articles),
            ],
            capture_output=True,
            text=True,
            check=True,
            cwd=Path(__file__).resolve().parents[1],
            # String hashing is seeded per process; a fixed seed makes dict and set work, and so the
            # count, the same on every run.
            env={**os.environ, "PYTHONHASHSEED": "0"},
        )
        # Dumps .1 (up to the loop) and .2 (the loop); the file without a suffix is the exit's.
        dumps = sorted(Path(directory).glob("callgrind.out.*"), key=lambda p: int(p.suffix[1:]))
        if len(dumps) != 2:
            raise RuntimeError(f"expected 2 dumps at {_EDGE}, found {len(dumps)}: {result.stderr[-500:]}")
        found = _TOTALS.search(dumps[1].read_text())
        if found is None:
            raise RuntimeError(f"no instruction total in callgrind's output: {result.stderr[-500:]}")
        return int(found.group(1)), result.stdout.strip()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=200)
    args = parser.parse_args()
    if shutil.which("valgrind") is None:
        sys.exit("valgrind is not installed (apt-get install valgrind)")
    total, compiled = count_instructions(args.articles)
    print(f"articles                   {args.articles}")
    print(f"compiled modules           {compiled}")
    print(f"instructions per article   {total / args.articles / 1e6:.2f} M")


if __name__ == "__main__":
    main()
