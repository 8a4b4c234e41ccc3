"""The coder's work grows linearly with its input, counted, not timed: runs of every punctuation mark,
bracket, quote, capital, digit and whitespace, and mixes of them, at 100 KB and 1 MB.

Two counts, as neither sees all of the work: the lines of the coder's own Python that run (sys.settrace),
which miss what the regex engine does in C; and the instructions valgrind's callgrind counts, every one
of them but too slow to take for the whole coder on every run. So: lines for the whole coder; and, for
the splitter, whose patterns are the only ones that read a whole article, instructions. Every other
pattern reads one sentence, which the splitter cuts at MAX_SENTENCE_CHARS: what it costs there is bounded
by a constant, and the lines count how often it runs."""

from __future__ import annotations

import datetime as dt
import json
import os
import shutil
import string
import subprocess
import sys
import tempfile
from collections.abc import Callable
from pathlib import Path
from types import FrameType
from typing import Any

import pytest

import stream.extract
from stream.bench.extract import generate_articles
from stream.extract.coder import code_article
from stream.extract.text import MAX_SENTENCE_CHARS, normalize, split_sentences

DAY = dt.date(2022, 1, 1)
SMALL, LARGE = 100_000, 1_000_000
# Ten times the input may cost at most twelve times the work; work that grows with the square of the
# input costs a hundred times as much.
MAX_RATIO = 12

# Every ASCII punctuation mark (brackets, quotes and the sentence marks among them), the typographic
# quotes, dashes and spaces the normalizer rewrites, whitespace, capitals, letters and digits.
SINGLE = (*string.punctuation, *"\u201c\u201d\u2018\u2019\u00ab\u00bb\u2013\u2014\u00a0", *" \n\t\r", *"Aa1")
# Mixes: marks before spaces and openers, line breaks, captions, initials, abbreviations, quotes and
# brackets around capitals, commas, names and titles.
MIXES = (
    "\n\n", " \n", "\r\n", "AB", "Aa ", "A ", "a ", "1 ", "A-", "A-a ", " - ", ". ", "! ", "? ", "?!", '."',
    '." ', ".) ", "1.1", "A.A.", "A.A. ", "A. B. C. ", "U.S. ", '"U.S. ', "Mr. A ", "e.g. ", "(A) ", '"A" ',
    "'A' ", "[A] ", "((((", "A, ", ", ", "a, ", "1 of 1 A", "\u201cA\u201d ", "Russia and Ukraine ",
    "Russian President ", "Russia, ",
)  # fmt: skip
# Mixes that make a sentence (or a paragraph) every few characters, and an event reported in every
# sentence: over 100,000 of them per megabyte, several seconds of traced Python each.
DENSE = (". A", "a. B", "1. ", '!" A', "?) A", '. "A', "\n A", '\n"A', "A. ", "- Photo: a/b/c ")
EVENTS = ("Russia attacked Ukraine yesterday. ",)
UNITS = (*SINGLE, *MIXES, *(pytest.param(unit, marks=pytest.mark.slow) for unit in (*DENSE, *EVENTS)))

_CODER = str(Path(stream.extract.__file__).parent)


def _run(unit: str, size: int) -> str:
    return (unit * (size // len(unit) + 1))[:size]


def coder_lines(call: Callable[[], object]) -> int:
    """Lines of the coder's own modules (stream/extract) that `call` executes: sys.settrace's line
    events, a count that is the same on every machine and every run."""
    count = 0

    def local(frame: FrameType, event: str, arg: Any) -> Any:
        nonlocal count
        if event == "line":
            count += 1
        return local

    def calls(frame: FrameType, event: str, arg: Any) -> Any:
        return local if frame.f_code.co_filename.startswith(_CODER) else None

    previous = sys.gettrace()
    sys.settrace(calls)
    try:
        call()
    finally:
        sys.settrace(previous)
    return count


@pytest.fixture(scope="module", autouse=True)
def _lexicons_loaded() -> None:
    # Lexicons and patterns load on first use: that work is no part of any article's.
    for article in generate_articles(3):
        code_article("warm-up", article, DAY)


@pytest.mark.parametrize("unit", UNITS)
def test_coding_a_run_executes_coder_lines_linear_in_its_length(unit: str) -> None:
    # The large run first: what it leaves in the coder's caches can only make the small one cheaper.
    large = coder_lines(lambda: code_article("linear", _run(unit, LARGE), DAY))
    small = coder_lines(lambda: code_article("linear", _run(unit, SMALL), DAY))
    assert large <= MAX_RATIO * small, (small, large)


@pytest.mark.parametrize("unit", UNITS)
def test_every_sentence_of_a_run_is_short_so_patterns_on_sentences_read_bounded_text(unit: str) -> None:
    sentences = split_sentences(normalize(_run(unit, LARGE)))
    assert max((len(s.text) for s in sentences), default=0) <= MAX_SENTENCE_CHARS


# The regex engine runs the splitter's patterns in C, where no line is traced: callgrind counts every
# instruction instead, in one child for every unit, zeroed on entering getppid and dumped on leaving
# getpgrp around each split. Sizes go 500 and 5,000 characters, then 100 KB and 1 MB: work that grows
# with the square of the input shows at 5,000, before a megabyte could take hours.
_SPLIT_CHILD = """
import glob, json, os, re, sys
from stream.extract.text import normalize, split_sentences
units, out, bound = json.loads(sys.argv[1]), sys.argv[2], int(sys.argv[3])
totals = re.compile(r"^(?:totals|summary):\\s+(\\d+)", re.MULTILINE)

def instructions(text):
    os.getppid()
    split_sentences(normalize(text))
    os.getpgrp()
    (dump,) = glob.glob(out + ".*")
    with open(dump) as f:
        count = int(totals.search(f.read()).group(1))
    os.remove(dump)
    return count

for unit in units:
    counts = []
    for size in (500, 5_000, 100_000, 1_000_000):
        counts.append(instructions((unit * (size // len(unit) + 1))[:size]))
        if len(counts) % 2 == 0 and counts[-1] > bound * counts[-2]:
            break
    print(json.dumps([unit, counts]), flush=True)
"""
# Every single character above; the mixes that meet the splitter's patterns (marks before spaces, line
# breaks, captions, gallery counters); and sentences of forty letters ending in each way the boundary
# pattern reads one (mark, closing quote or bracket, space or line break, opener): the dense mixes' work
# with a twentieth as many sentences. (The splitter's Python, abbreviations included, is counted above.)
_SENTENCE = "A" * 40
_ENDINGS = (". ", '!" ', "?) ", '. "', '.\n"', ".\n\n", " - Photo: a/b ", ". 1 of 2 ")
SPLIT_MIXES = (". ", "?!", '." ', ".) ", "\n\n", " \n", "\r\n", " - ", "1 of 1 A", "- Photo: a/b/c ")
SPLIT_UNITS = (*SINGLE, *SPLIT_MIXES, *(_SENTENCE + end for end in _ENDINGS))


def split_instructions(units: tuple[str, ...]) -> dict[str, list[int]]:
    """Instructions callgrind counts for split_sentences(normalize(run)) at 500 and 5,000 characters,
    100 KB and 1 MB of each unit (only the first two where those already grow faster than the run)."""
    assert shutil.which("valgrind"), "valgrind is not installed (apt-get install valgrind; make prometheus)"
    with tempfile.TemporaryDirectory() as directory:
        out = str(Path(directory) / "callgrind.out")
        result = subprocess.run(
            [
                "valgrind",
                "--tool=callgrind",
                "--zero-before=getppid",
                "--dump-after=getpgrp",
                f"--callgrind-out-file={out}",
                sys.executable,
                "-c",
                _SPLIT_CHILD,
                json.dumps(units),
                out,
                str(MAX_RATIO),
            ],
            capture_output=True,
            text=True,
            cwd=Path(_CODER).parents[1],
            # String hashing is seeded per process; a fixed seed makes every count the same on every run.
            env={**os.environ, "PYTHONHASHSEED": "0"},
        )
    assert result.returncode == 0, result.stderr[-2000:]
    rows = [json.loads(line) for line in result.stdout.splitlines()]
    return {unit: counts for unit, counts in rows}


@pytest.mark.slow
def test_splitting_a_run_into_sentences_takes_instructions_linear_in_its_length() -> None:
    counts = split_instructions(SPLIT_UNITS)
    assert list(counts) == list(SPLIT_UNITS)
    superlinear = {
        unit: found
        for unit, found in counts.items()
        if len(found) < 4 or found[1] > MAX_RATIO * found[0] or found[3] > MAX_RATIO * found[2]
    }
    assert superlinear == {}, superlinear
