"""Settings come from NEWSEVENTS_* variables and never print secrets."""

from __future__ import annotations

from pathlib import Path

import pytest

from stream.config.kafka import client_options, faust_credentials
from stream.config.settings import ConfigError, Settings, known_variables, unknown_variables


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
    monkeypatch.setenv("NEWSEVENTS_SASL_USERNAME", "svc")
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


def _refusal(monkeypatch: pytest.MonkeyPatch, **variables: str) -> str:
    for name, value in variables.items():
        monkeypatch.setenv(name, value)
    with pytest.raises(ConfigError) as refused:
        Settings.load()
    return str(refused.value)


def test_a_store_without_scheme_is_refused_naming_the_variable_and_the_accepted_forms(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    message = _refusal(monkeypatch, NEWSEVENTS_STORE="rocksdb")
    assert message == (
        "NEWSEVENTS_STORE='rocksdb' is not a store URL: use memory:// or rocksdb:// (did you mean rocksdb://?)"
    )


def test_store_urls_of_both_kinds_are_accepted(monkeypatch: pytest.MonkeyPatch) -> None:
    for url in ("memory://", "rocksdb://"):
        monkeypatch.setenv("NEWSEVENTS_STORE", url)
        assert Settings.load().store == url


def test_an_unknown_log_level_is_refused_and_known_ones_are_normalised(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    message = _refusal(monkeypatch, NEWSEVENTS_LOG_LEVEL="verbose")
    assert message.startswith("NEWSEVENTS_LOG_LEVEL='verbose' is not a log level: use one of debug, info")
    monkeypatch.setenv("NEWSEVENTS_LOG_LEVEL", "WARN")
    assert Settings.load().log_level == "warning"


def test_an_empty_topic_name_is_refused_naming_its_variable(monkeypatch: pytest.MonkeyPatch) -> None:
    message = _refusal(monkeypatch, NEWSEVENTS_TOPICS__RAW="")
    assert message == "NEWSEVENTS_TOPICS__RAW is empty: every topic needs a name"


def test_a_topic_name_kafka_cannot_hold_is_refused(monkeypatch: pytest.MonkeyPatch) -> None:
    message = _refusal(monkeypatch, NEWSEVENTS_TOPICS__DLQ="dead letters")
    assert message.startswith("NEWSEVENTS_TOPICS__DLQ='dead letters' is not a Kafka topic name")


def test_two_topics_of_one_name_are_refused_naming_both_variables(monkeypatch: pytest.MonkeyPatch) -> None:
    message = _refusal(monkeypatch, NEWSEVENTS_TOPICS__CONFLICT="events.diplomatic")
    assert message == (
        "NEWSEVENTS_TOPICS__DIPLOMATIC and NEWSEVENTS_TOPICS__CONFLICT name the same topic: "
        "every topic needs its own name"
    )


def test_sasl_without_credentials_is_refused_naming_what_is_missing(monkeypatch: pytest.MonkeyPatch) -> None:
    message = _refusal(monkeypatch, NEWSEVENTS_SECURITY_PROTOCOL="sasl_ssl", NEWSEVENTS_SASL_USERNAME="svc")
    assert message == "NEWSEVENTS_SECURITY_PROTOCOL=SASL_SSL needs NEWSEVENTS_SASL_PASSWORD"


def test_a_missing_ssl_file_is_refused_naming_the_path(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    missing = tmp_path / "ca.pem"
    message = _refusal(monkeypatch, NEWSEVENTS_SECURITY_PROTOCOL="SSL", NEWSEVENTS_SSL_CAFILE=str(missing))
    assert message == f"NEWSEVENTS_SSL_CAFILE={missing}: no such file"


def test_an_empty_optional_variable_means_unset(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("NEWSEVENTS_SSL_CAFILE", "")
    monkeypatch.setenv("NEWSEVENTS_SASL_MECHANISM", "")
    settings = Settings.load()
    assert settings.ssl_cafile is None and settings.sasl_mechanism is None


def test_type_errors_name_the_variable_not_the_field(monkeypatch: pytest.MonkeyPatch) -> None:
    message = _refusal(monkeypatch, NEWSEVENTS_PARTITIONS="four", NEWSEVENTS_WEB_PORT="70000")
    assert message.splitlines() == [
        "NEWSEVENTS_PARTITIONS='four': input should be a valid integer, unable to parse string as an integer",
        "NEWSEVENTS_WEB_PORT='70000': input should be less than or equal to 65535",
    ]


def test_bootstrap_servers_with_a_scheme_or_a_bad_port_are_refused(monkeypatch: pytest.MonkeyPatch) -> None:
    message = _refusal(monkeypatch, NEWSEVENTS_BOOTSTRAP_SERVERS="kafka://k1:9092")
    assert message.startswith(
        "NEWSEVENTS_BOOTSTRAP_SERVERS='kafka://k1:9092': 'kafka://k1:9092' has a URL scheme"
    )
    message = _refusal(monkeypatch, NEWSEVENTS_BOOTSTRAP_SERVERS="k1:9092,k2:port")
    assert "'k2:port' has no valid port" in message
    monkeypatch.setenv("NEWSEVENTS_BOOTSTRAP_SERVERS", " k1:9092 , [::1]:9093,k3")
    assert Settings.load().bootstrap_servers == "k1:9092,[::1]:9093,k3"


def test_a_command_line_override_wins_and_its_errors_name_the_option(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("NEWSEVENTS_BOOTSTRAP_SERVERS", "from-env:9092")
    assert Settings.load(bootstrap_servers="from-option:9092").bootstrap_servers == "from-option:9092"
    assert Settings.load(bootstrap_servers=None).bootstrap_servers == "from-env:9092"
    with pytest.raises(ConfigError, match=r"^--bootstrap-servers='h:x': 'h:x' has no valid port"):
        Settings.load(bootstrap_servers="h:x")


def test_errors_never_echo_a_secret() -> None:
    with pytest.raises(ConfigError) as refused:
        Settings.load(sasl_password=["hunter2-secret"])
    assert str(refused.value) == "--sasl-password: input should be a valid string"


def test_unparsable_json_names_the_variable(monkeypatch: pytest.MonkeyPatch) -> None:
    message = _refusal(monkeypatch, NEWSEVENTS_TOPICS="news.raw")
    assert message.startswith("NEWSEVENTS_TOPICS: not valid JSON")


def test_a_missing_secrets_directory_is_named(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    message = _refusal(monkeypatch, NEWSEVENTS_SECRETS_DIR=str(tmp_path / "nowhere"))
    assert message == f"NEWSEVENTS_SECRETS_DIR={tmp_path / 'nowhere'}: no such directory"


def test_unknown_variables_are_warned_about_with_the_nearest_name() -> None:
    environ = {
        "NEWSEVENTS_BOOTSTRAP_SERVER": "k1:9092",
        "NEWSEVENTS_TOPICS__RAWW": "x",
        "NEWSEVENTS_ZZZZ": "1",
        "NEWSEVENTS_PARTITIONS": "4",
        "newsevents_log_level": "info",
        "NEWSEVENTS_SECRETS_DIR": "/run/secrets",
        "PATH": "/usr/bin",
    }
    assert unknown_variables(environ) == [
        "NEWSEVENTS_BOOTSTRAP_SERVER is not a setting and is ignored; "
        "did you mean NEWSEVENTS_BOOTSTRAP_SERVERS?",
        "NEWSEVENTS_TOPICS__RAWW is not a setting and is ignored; did you mean NEWSEVENTS_TOPICS__RAW?",
        "NEWSEVENTS_ZZZZ is not a setting and is ignored; `newsevents settings` lists them all",
    ]


def test_every_field_has_a_known_variable() -> None:
    known = set(known_variables())
    assert {"NEWSEVENTS_BOOTSTRAP_SERVERS", "NEWSEVENTS_TOPICS__DLQ", "NEWSEVENTS_SSL_KEY_PASSWORD"} <= known
    assert (
        len([n for n in known if not n.startswith("NEWSEVENTS_TOPICS__")]) == len(Settings.model_fields) + 3
    )


def test_credentials_for_another_protocol_are_warned_about(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("NEWSEVENTS_SASL_USERNAME", "svc")
    assert Settings.load().unused_settings() == [
        "NEWSEVENTS_SASL_USERNAME not used: NEWSEVENTS_SECURITY_PROTOCOL is PLAINTEXT"
    ]


def test_settings_list_as_variables_with_secrets_masked() -> None:
    variables = dict(Settings(sasl_password="hunter2-secret").as_variables())
    assert variables["NEWSEVENTS_TOPICS__RAW"] == "news.raw"
    assert variables["NEWSEVENTS_SASL_PASSWORD"] == "**********"
    assert variables["NEWSEVENTS_SSL_CAFILE"] == ""


def test_a_ca_file_that_is_no_certificate_is_named(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    garbage = tmp_path / "ca.pem"
    garbage.write_text("not a certificate")
    monkeypatch.setenv("NEWSEVENTS_SECURITY_PROTOCOL", "SSL")
    monkeypatch.setenv("NEWSEVENTS_SSL_CAFILE", str(garbage))
    with pytest.raises(ConfigError, match=rf"^NEWSEVENTS_SSL_CAFILE={garbage}: not a CA certificate file \("):
        client_options(Settings.load())
