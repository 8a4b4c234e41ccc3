"""The README stays a user's page: short, no development diary, every linked file there."""

from __future__ import annotations

import re

from tests.paths import ROOT

README = ROOT / "README.md"


def test_readme_is_at_most_250_lines() -> None:
    assert len(README.read_text().splitlines()) <= 250


def test_readme_holds_no_development_diary() -> None:
    text = README.read_text()
    for diary in (
        r"\bthis session\b",
        r"\bthis machine\b",
        r"\bissue #\d",
        r"\.\./shared",
        r"\b[0-9a-f]{7,40}\b commit",
    ):
        assert not re.search(diary, text, re.IGNORECASE), diary


def test_every_file_the_readme_links_exists() -> None:
    links = re.findall(r"\]\(([^)#]+)(?:#[^)]*)?\)", README.read_text())
    assert links
    missing = [link for link in links if not link.startswith("http") and not (ROOT / link).exists()]
    assert missing == []
