"""The embedded broker's needs are picked from the cluster id, never over what the user set."""

from __future__ import annotations

import pytest

from stream.config.brokers import EMBEDDED_SETTINGS, embedded_profile
from stream.config.settings import Settings


def test_on_the_embedded_broker_one_record_batches_and_a_short_fetch_wait_are_picked() -> None:
    adapted = embedded_profile(Settings(), "tansu_cluster")
    assert adapted.producer_max_batch_bytes == EMBEDDED_SETTINGS["producer_max_batch_bytes"] == 1
    assert adapted.fetch_max_wait_seconds == EMBEDDED_SETTINGS["fetch_max_wait_seconds"]


@pytest.mark.parametrize("cluster", ["MkU3OEVBNTcwNTJENDM2Qk", None, ""])
def test_on_another_cluster_the_settings_stay_as_configured(cluster: str | None) -> None:
    settings = Settings()
    assert embedded_profile(settings, cluster) is settings


def test_a_value_the_user_set_is_kept_on_the_embedded_broker(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("NEWSEVENTS_FETCH_MAX_WAIT_SECONDS", "0.5")
    adapted = embedded_profile(Settings(), "tansu_cluster")
    assert adapted.fetch_max_wait_seconds == 0.5
    assert adapted.producer_max_batch_bytes == 1
