"""Optional compiled build of the event coder (mypyc, `NEWSEVENTS_COMPILE=1`); metadata: pyproject.toml."""

from __future__ import annotations

import importlib.util
import json
import os
from pathlib import Path

from setuptools import Extension, setup


def _compiled_coder() -> list[Extension]:
    if os.environ.get("NEWSEVENTS_COMPILE") != "1":
        return []
    from mypyc.build import mypycify

    directory = Path("stream/extract")
    spec = importlib.util.spec_from_file_location("native", directory / "native.py")
    assert spec is not None and spec.loader is not None
    native = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(native)  # by path: importing the package would load the coder itself
    # Which sources were compiled, so the package refuses a compiled module whose source has changed.
    digests = native.source_digests(directory, native.CODER_MODULES)
    (directory / native.SOURCES_FILE).write_text(json.dumps(digests, indent=1, sort_keys=True) + "\n")
    return mypycify(
        [f"stream/extract/{name}.py" for name in native.CODER_MODULES],
        group_name="stream.extract._native",
        opt_level="3",
    )


setup(ext_modules=_compiled_coder())
