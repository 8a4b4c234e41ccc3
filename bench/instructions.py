"""Instructions the event coder executes per generated article, counted by valgrind's callgrind.

Deterministic where wall-clock rates are not: the same build and corpus give the same count whatever the
machine's speed or load, so sessions on different machines compare by it. Two runs generate the same
articles and load the lexicons; only one codes them, so the difference is the coder's own cost.

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

# The coding run is `bench extract`'s own loop (after its warm-up article); the other codes only that
# warm-up article.
_CHILD = """
import datetime as dt, sys
from stream.bench.extract import generate_articles, run_extract_bench
from stream.extract.coder import code_article
from stream.extract.native import compiled_modules
count, code = int(sys.argv[1]), sys.argv[2] == "1"
articles, published = generate_articles(count), dt.date(2022, 2, 28)
if code:
    run_extract_bench(articles, published)
else:
    code_article("warm-up", articles[0], published)
print(",".join(compiled_modules()) or "-")
"""
_TOTALS = re.compile(r"^(?:totals|summary):\s+(\d+)", re.MULTILINE)


def count_instructions(articles: int, code: bool) -> tuple[int, str]:
    """Instructions of one child run (generate, load, warm up, and code the articles if `code`)."""
    with tempfile.TemporaryDirectory() as directory:
        out = Path(directory) / "callgrind.out"
        result = subprocess.run(
            [
                "valgrind",
                "--tool=callgrind",
                f"--callgrind-out-file={out}",
                sys.executable,
                "-c",
                _CHILD,
                str(articles),
                "1" if code else "0",
            ],
            capture_output=True,
            text=True,
            check=True,
            cwd=Path(__file__).resolve().parents[1],
            # String hashing is seeded per process; a fixed seed makes dict and set work, and so the
            # count, the same on every run.
            env={**os.environ, "PYTHONHASHSEED": "0"},
        )
        found = _TOTALS.search(out.read_text())
        if found is None:
            raise RuntimeError(f"no instruction total in callgrind's output: {result.stderr[-500:]}")
        return int(found.group(1)), result.stdout.strip()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=200)
    args = parser.parse_args()
    if shutil.which("valgrind") is None:
        sys.exit("valgrind is not installed (apt-get install valgrind)")
    base, compiled = count_instructions(args.articles, code=False)
    total, _ = count_instructions(args.articles, code=True)
    print(f"articles                   {args.articles}")
    print(f"compiled modules           {compiled}")
    print(f"instructions per article   {(total - base) / args.articles / 1e6:.2f} M")


if __name__ == "__main__":
    main()
