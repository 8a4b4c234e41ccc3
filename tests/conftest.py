"""Shared test fixtures: paths to the repository's seeds and gold files."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.paths import ROOT


@pytest.fixture(scope="session")
def seed_path() -> Path:
    return ROOT / "seeds" / "000_39fda9b7190812f2.txt"


@pytest.fixture(scope="session")
def seed_bytes(seed_path: Path) -> bytes:
    return seed_path.read_bytes()
