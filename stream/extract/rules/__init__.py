"""The coder's rules as data: the field's dictionaries converted to validated rows (docs/rules.md)."""

from __future__ import annotations

__all__: list[str] = []
