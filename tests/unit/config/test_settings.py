"""Settings come from NEWSEVENTS_* variables and never print secrets."""

from __future__ import annotations

from pathlib import Path

import pytest

from stream.config.kafka import client_options, faust_credentials
from stream.config.settings import Settings


def test_env_prefix_and_nested_topics(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("NEWSEVENTS_BOOTSTRAP_SERVERS", "k1:9092,k2:9092")
    monkeypatch.setenv("NEWSEVENTS_TOPICS__RAW", "custom.raw")
    monkeypatch.setenv("NEWSEVENTS_PARTITIONS", "8")
    settings = Settings()
    assert settings.topics.raw == "custom.raw"
    assert settings.partitions == 8
    assert settings.broker_url() == "kafka://k1:9092;kafka://k2:9092"


def test_secrets_are_masked_everywhere(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("NEWSEVENTS_SECURITY_PROTOCOL", "SASL_PLAINTEXT")
    monkeypatch.setenv("NEWSEVENTS_SASL_MECHANISM", "SCRAM-SHA-512")
    monkeypatch.setenv("NEWSEVENTS_SASL_USERNAME", "svc")
    monkeypatch.setenv("NEWSEVENTS_SASL_PASSWORD", "hunter2-secret")
    settings = Settings()
    assert "hunter2-secret" not in repr(settings)
    assert "hunter2-secret" not in str(settings.masked_dump())
    options = client_options(settings)
    assert options["sasl_plain_password"] == "hunter2-secret"
    assert options["sasl_mechanism"] == "SCRAM-SHA-512"


def test_invalid_values_are_refused(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("NEWSEVENTS_PARTITIONS", "0")
    with pytest.raises(ValueError, match="partitions"):
        Settings()


def test_secrets_can_come_from_files(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    (tmp_path / "NEWSEVENTS_SASL_PASSWORD").write_text("from-a-file")
    monkeypatch.setenv("NEWSEVENTS_SECRETS_DIR", str(tmp_path))
    monkeypatch.setenv("NEWSEVENTS_SECURITY_PROTOCOL", "SASL_SSL")
    settings = Settings.load()
    assert settings.sasl_password is not None
    assert settings.sasl_password.get_secret_value() == "from-a-file"
    assert "from-a-file" not in str(settings.masked_dump())


def test_ssl_settings_build_a_tls_context(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("NEWSEVENTS_SECURITY_PROTOCOL", "SSL")
    options = client_options(Settings())
    assert options["security_protocol"] == "SSL"
    assert options["ssl_context"].verify_mode.name == "CERT_REQUIRED"
    assert faust_credentials(Settings()) is not None
