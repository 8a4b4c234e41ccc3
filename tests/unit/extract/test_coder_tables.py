"""Every row of the coder's shared sentence tables is read by a test of one of the modules that use them."""

from __future__ import annotations

import importlib

import pytest

from tests.tables import table_checks

#: Each shared table and the test modules (in this package) whose tests read its rows.
READERS = {
    "coder_classes.jsonl": (
        "test_trigger_classes",
        "test_accusations_in_other_words",
        "test_release_of_persons",
        "test_sanctions_and_verdicts",
        "test_leaving_a_body",
        "test_announced_retreats",
        "test_forces_moved",
        "test_concessions_made",
        "test_protest_in_other_words",
        "test_links_resumed",
        "test_joint_operations",
        "test_protest_by_officials",
        "test_triggers_money_returns_threats",
    ),
    "coder_quiet.jsonl": (
        "test_sports_reports",
        "test_past_acts",
        "test_ordnance_and_storm_alerts",
        "test_ordinary_crime",
        "test_nature_harm",
        "test_market_attacks",
        "test_disaster_reports",
        "test_business_reports",
    ),
}


@pytest.mark.parametrize("table", sorted(READERS))
def test_every_row_of_a_shared_table_is_read_by_a_test(table: str) -> None:
    for module in READERS[table]:
        importlib.import_module(f"{__package__}.{module}")  # its tables are read as it is imported
    named, read = table_checks(table)
    assert named == read, f"rows whose check no test reads: {sorted(map(str, named - read))}"
