"""The wire dateline at the start of a story ("MOSCOW (Reuters) - "), shared by dedup and the coder."""

from __future__ import annotations

import re
from typing import Final

__all__ = ["DATELINE"]

# "MOSCOW (Reuters) - ", "KYIV, Feb 28 (AP) — ": a wire dateline at the start of a text; its city is
# where the story was filed, its date the filing date.
DATELINE: Final = re.compile(
    r"\A\s*(?P<city>[A-Z][A-Z .'-]{2,40})(?:,\s*[\w .]{3,20})?\s*\([\w .&-]{2,30}\)\s*[-—–:]\s*"
)
