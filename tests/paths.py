"""Paths of the repository the tests read: its root, the gold files, the deploy files."""

from __future__ import annotations

from pathlib import Path

__all__ = ["DEPLOY", "GOLD", "ROOT"]

ROOT = Path(__file__).resolve().parent.parent
GOLD = ROOT / "tests" / "gold"
DEPLOY = ROOT / "deploy"
