"""The compiled coder: never runs in place of an edited source, and codes exactly what the sources do."""

from __future__ import annotations

import datetime as dt
import importlib
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from stream.bench.extract import generate_articles
from stream.extract.coder import code_article
from stream.extract.native import (
    CODER_MODULES,
    SOURCES_FILE,
    check_compiled_sources,
    compiled_modules,
    pure_copy,
    source_digests,
    stale_modules,
)
from tests.paths import ROOT

SUFFIX = ".cpython-311-x86_64-linux-gnu.so"


def _built(directory: Path, sources: dict[str, str]) -> None:
    """A fake in-place build: sources, their compiled files and the record of what was compiled."""
    for name, text in sources.items():
        (directory / f"{name}.py").write_text(text)
        (directory / f"{name}{SUFFIX}").write_bytes(b"\0")
    digests = source_digests(directory, list(sources))
    (directory / SOURCES_FILE).write_text(json.dumps(digests))


def test_a_source_edited_after_the_build_is_stale(tmp_path: Path) -> None:
    _built(tmp_path, {"hits": "A = 1\n", "roles": "B = 2\n"})
    assert stale_modules(tmp_path) == []
    (tmp_path / "roles.py").write_text("B = 3\n")
    assert stale_modules(tmp_path) == ["roles"]
    with pytest.raises(ImportError, match="roles"):
        check_compiled_sources(tmp_path)


def test_removed_compiled_files_or_no_build_record_mean_nothing_is_stale(tmp_path: Path) -> None:
    _built(tmp_path, {"hits": "A = 1\n"})
    (tmp_path / "hits.py").write_text("A = 2\n")
    (tmp_path / f"hits{SUFFIX}").unlink()  # `make pure`: the edited source runs as it is
    assert stale_modules(tmp_path) == []
    (tmp_path / SOURCES_FILE).unlink()
    check_compiled_sources(tmp_path)


def test_the_tests_run_the_coder_make_built() -> None:
    expected = os.environ.get("NEWSEVENTS_EXPECT_COMPILED")
    if expected is None:
        pytest.skip("run through `make test`, which says whether the compiled coder was built")
    for name in CODER_MODULES:
        importlib.import_module(f"stream.extract.{name}")
    assert compiled_modules() == (sorted(CODER_MODULES) if expected == "1" else [])


_PURE_DUMP = """
import datetime as dt, json, sys
from stream.extract.coder import code_article
from stream.extract.native import compiled_modules
texts = json.load(sys.stdin)
day = dt.date(2022, 2, 28)
out = [e.model_dump(mode="json") for i, t in enumerate(texts) for e in code_article(str(i), t, day)]
print(json.dumps({"compiled": compiled_modules(), "events": out}))
"""


def test_compiled_and_pure_coders_code_identical_events(tmp_path: Path) -> None:
    if not compiled_modules():
        pytest.skip("the coder is not compiled here: the pure sources are what runs")
    gold = ROOT / "tests" / "gold" / "plover_gsr_dev.jsonl"
    texts = generate_articles(200, seed=23) + [
        json.loads(line)["text"] for line in gold.read_text().splitlines()
    ]
    texts += [path.read_text() for path in sorted((ROOT / "seeds").iterdir())]
    done = subprocess.run(
        [sys.executable, "-c", _PURE_DUMP],
        input=json.dumps(texts),
        env={**os.environ, "PYTHONPATH": str(pure_copy(tmp_path))},
        cwd=tmp_path,
        capture_output=True,
        text=True,
        check=True,
    )
    pure = json.loads(done.stdout)
    assert pure["compiled"] == []
    here = [
        e.model_dump(mode="json")
        for i, t in enumerate(texts)
        for e in code_article(str(i), t, dt.date(2022, 2, 28))
    ]
    assert len(here) > 2500
    assert pure["events"] == here
