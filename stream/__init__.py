"""newsevents: raw news in Kafka to deduplicated PLOVER/CAMEO diplomatic-event records."""

from __future__ import annotations

__all__ = ["SCHEMA_VERSION", "__version__"]

__version__ = "0.1.0"
#: Version of the records published on the output topics; bump on breaking field changes.
SCHEMA_VERSION = 1
