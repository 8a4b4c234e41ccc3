"""Whether the coder runs compiled (mypyc) and a guard against compiled modules older than their source."""

from __future__ import annotations

import hashlib
import importlib.machinery
import json
import shutil
import sys
from pathlib import Path

__all__ = [
    "CODER_MODULES",
    "SOURCES_FILE",
    "check_compiled_sources",
    "compiled_modules",
    "source_digests",
    "stale_modules",
]

# The coder's pure modules, compiled as one group into C extensions next to their sources by
# `NEWSEVENTS_COMPILE=1 python setup.py build_ext --inplace` (`make native`). The .py files stay the
# reference: without the build, or without a C compiler, they run as they are, with the same output.
CODER_MODULES: tuple[str, ...] = (
    "actors",
    "coder",
    "dates",
    "filters",
    "gazetteer",
    "hits",
    "identity",
    "lexicon",
    "people",
    "places",
    "roles",
    "stories",
    "taxonomy",
    "text",
    "toponyms",
    "verbs",
)
# Written next to the sources by an in-place compiled build (setup.py): module -> digest of its source.
SOURCES_FILE = "_native_sources.json"


def source_digests(directory: Path, modules: list[str] | tuple[str, ...]) -> dict[str, str]:
    return {name: hashlib.sha256((directory / f"{name}.py").read_bytes()).hexdigest() for name in modules}


def stale_modules(directory: Path) -> list[str]:
    """Modules whose source changed since the in-place compiled build: the compiled copy would run
    instead of the edited source. Empty without an in-place build (pure Python, or an installed wheel)."""
    recorded_file = directory / SOURCES_FILE
    if not recorded_file.is_file():
        return []
    recorded: dict[str, str] = json.loads(recorded_file.read_text())
    built = [name for name in recorded if any(directory.glob(f"{name}.*.so"))]
    current = source_digests(directory, [name for name in built if (directory / f"{name}.py").is_file()])
    return sorted(name for name in built if current.get(name) != recorded[name])


def check_compiled_sources(directory: Path) -> None:
    stale = stale_modules(directory)
    if stale:
        raise ImportError(
            f"compiled coder modules older than their source: {', '.join(stale)}; rebuild them with "
            "`make native` or remove them with `make pure`"
        )


def compiled_modules() -> list[str]:
    """The coder modules loaded from C extensions (compiled by mypyc), by short name."""
    suffixes = tuple(importlib.machinery.EXTENSION_SUFFIXES)
    prefix = "stream.extract."
    return sorted(
        name.removeprefix(prefix)
        for name, module in list(sys.modules.items())
        if name.startswith(prefix)
        and not name.endswith("__mypyc")  # the group's shared runtime, not a coder module
        and str(getattr(module, "__file__", "") or "").endswith(suffixes)
    )


def pure_copy(destination: Path) -> Path:
    """The package's Python sources alone, copied under `destination`: a process with `destination`
    first on PYTHONPATH runs the pure-Python coder even where the compiled one is built."""
    package = Path(__file__).resolve().parents[1]
    shutil.copytree(package, destination / package.name, ignore=shutil.ignore_patterns("*.so", "__pycache__"))
    return destination
