"""The settings that bound records, coding and probes: defaults, and limits a dead letter could not keep."""

from __future__ import annotations

import pytest

from stream.config.settings import ConfigError, Settings


def test_the_defaults_bound_records_to_a_million_bytes_and_coding_to_two_seconds() -> None:
    settings = Settings()
    assert settings.producer_max_request_bytes == 1_000_000
    assert settings.dead_letter_max_value_bytes == 262_144
    assert settings.coding_budget_seconds == 2.0
    assert settings.broker_probe_seconds == 5.0


def test_a_dead_letter_cap_that_cannot_fit_the_request_size_is_refused_naming_both_variables(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setenv("NEWSEVENTS_DEAD_LETTER_MAX_VALUE_BYTES", "800000")
    with pytest.raises(ConfigError) as error:
        Settings.load()
    assert str(error.value).startswith(
        "NEWSEVENTS_DEAD_LETTER_MAX_VALUE_BYTES=800000 does not fit "
        "NEWSEVENTS_PRODUCER_MAX_REQUEST_BYTES=1000000"
    )
    monkeypatch.setenv("NEWSEVENTS_PRODUCER_MAX_REQUEST_BYTES", "2000000")
    assert Settings.load().dead_letter_max_value_bytes == 800_000  # a larger request size takes it


@pytest.mark.parametrize(
    ("variable", "value"),
    [
        ("NEWSEVENTS_PRODUCER_MAX_REQUEST_BYTES", "1000"),
        ("NEWSEVENTS_CODING_BUDGET_SECONDS", "0"),
        ("NEWSEVENTS_BROKER_PROBE_SECONDS", "-1"),
    ],
)
def test_bounds_below_what_can_work_are_refused(
    monkeypatch: pytest.MonkeyPatch, variable: str, value: str
) -> None:
    monkeypatch.setenv(variable, value)
    with pytest.raises(ConfigError, match=variable):
        Settings.load()
