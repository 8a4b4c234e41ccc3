"""Faust's producer-buffer notices: silent while the wait is short, one warning with advice when long."""

from __future__ import annotations

import logging

import pytest

from stream.config.logs import PRODUCER_LOGGER, ProducerBufferNotices, install_producer_buffer_notices


class _Capture(logging.Handler):
    def __init__(self) -> None:
        super().__init__()
        self.records: list[logging.LogRecord] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.records.append(record)


@pytest.fixture
def producer_log() -> tuple[logging.Logger, _Capture]:
    logger = logging.getLogger(f"{PRODUCER_LOGGER}.test")
    logger.propagate = False
    logger.setLevel(logging.DEBUG)
    capture = _Capture()
    logger.addHandler(capture)
    logger.addFilter(ProducerBufferNotices(logging.INFO, slow_seconds=5.0))
    return logger, capture


def test_a_short_wait_on_a_full_buffer_logs_nothing(producer_log: tuple[logging.Logger, _Capture]) -> None:
    logger, capture = producer_log
    for size, took in ((101, 0.16), (258, 0.26)):
        logger.warning(f"producer buffer full size {size}")
        logger.info(f"producer flush took {took}")
    assert capture.records == []


def test_a_long_wait_is_one_warning_saying_what_to_check(
    producer_log: tuple[logging.Logger, _Capture],
) -> None:
    logger, capture = producer_log
    logger.warning("producer buffer full size 340")
    logger.info("producer flush took 7.25")
    [record] = capture.records
    assert record.levelno == logging.WARNING
    assert record.getMessage().startswith("producer buffer: 340 sends (table changelog writes) waited 7.2 s")
    assert "check its latency and load" in record.getMessage()


def test_other_records_pass_from_the_workers_level() -> None:
    notices = ProducerBufferNotices(logging.WARNING)
    info = logging.LogRecord(PRODUCER_LOGGER, logging.INFO, __file__, 1, "something else", None, None)
    error = logging.LogRecord(PRODUCER_LOGGER, logging.ERROR, __file__, 1, "send failed", None, None)
    assert not notices.filter(info)
    assert notices.filter(error)


def test_installing_sets_the_producer_logger_to_info_so_flush_times_reach_the_filter() -> None:
    logger = logging.getLogger(PRODUCER_LOGGER)
    level, filters = logger.level, list(logger.filters)
    try:
        notices = install_producer_buffer_notices("warning")
        assert logger.level == logging.INFO
        assert notices in logger.filters and notices.level == logging.WARNING
    finally:
        logger.setLevel(level)
        logger.filters[:] = filters
