"""Worker log set-up: Faust's producer-buffer notices shown only when the wait they report is long.

Faust warns "producer buffer full size N" whenever more than 100 sends made without waiting (table
changelog writes) are queued, pauses the input until 100 of them are sent, then logs at INFO how long
that took. Under normal load that is backpressure doing its job in tenths of a second (1,500 articles
produced at once to one worker on the embedded broker while its tables wrote through Faust: 24
warnings, every wait 0.26 s or less), and the warning carries no advice. Here both are dropped, and a
wait of `slow_seconds` or more becomes one warning that says what it means and where to look. (The
worker now publishes its table entries itself and waits for them: the same run gives none. This stays
for whatever still sends through Faust's buffer.)
"""

from __future__ import annotations

import logging
import re

__all__ = [
    "PRODUCER_LOGGER",
    "SLOW_FLUSH_SECONDS",
    "ProducerBufferNotices",
    "install_producer_buffer_notices",
]

PRODUCER_LOGGER = "faust.transport.producer"
SLOW_FLUSH_SECONDS = 5.0

_FULL = re.compile(r"producer buffer full size (\d+)")
_TOOK = re.compile(r"producer flush took ([0-9.eE+-]+)")


class ProducerBufferNotices(logging.Filter):
    """On Faust's producer logger: drops the buffer-full warning and the flush time that follows it,
    unless the flush took `slow_seconds` or more; other records pass from `level` up."""

    def __init__(self, level: int = logging.INFO, slow_seconds: float = SLOW_FLUSH_SECONDS) -> None:
        super().__init__()
        self.level = level
        self.slow_seconds = slow_seconds
        self._size: int | None = None

    def filter(self, record: logging.LogRecord) -> bool:
        message = record.getMessage()
        full = _FULL.fullmatch(message)
        if full is not None:
            self._size = int(full.group(1))
            return False
        took = _TOOK.fullmatch(message)
        if took is None:
            return record.levelno >= self.level
        seconds, size, self._size = float(took.group(1)), self._size, None
        if seconds < self.slow_seconds:
            return False
        queued = f"{size} sends" if size is not None else "sends"
        record.msg = (
            "producer buffer: %s (table changelog writes) waited %.1f s for the broker while the worker "
            "held back its input; a wait this long means the broker is slow to acknowledge: check its "
            "latency and load, and the worker's lag on /metrics"
        )
        record.args = (queued, seconds)
        record.levelno, record.levelname = logging.WARNING, "WARNING"
        return record.levelno >= self.level


def install_producer_buffer_notices(level: str) -> ProducerBufferNotices:
    """Put the filter on Faust's producer logger for a worker logging at `level` (a level name). The
    logger itself is set to INFO: the flush time comes at INFO and the filter decides what shows."""
    notices = ProducerBufferNotices(logging.getLevelNamesMapping()[level.upper()])
    logger = logging.getLogger(PRODUCER_LOGGER)
    logger.addFilter(notices)
    logger.setLevel(logging.INFO)
    return notices
