"""A user's configuration and connection mistakes: one line naming the variable, option or path, exit 2
for usage and configuration, 1 for a broker that is not there, a traceback only with --debug."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from stream.devtools.broker import free_port
from tests.paths import ROOT


def _newsevents(
    *args: str, env: dict[str, str] | None = None, timeout: float = 60
) -> subprocess.CompletedProcess[str]:
    clean = {k: v for k, v in os.environ.items() if not k.upper().startswith("NEWSEVENTS_")}
    return subprocess.run(
        [sys.executable, "-m", "stream", *args],
        cwd=ROOT,
        env={**clean, **(env or {})},
        capture_output=True,
        text=True,
        timeout=timeout,
        stdin=subprocess.DEVNULL,
    )


@pytest.mark.parametrize(
    ("variable", "value", "line"),
    [
        (
            "NEWSEVENTS_STORE",
            "rocksdb",
            "NEWSEVENTS_STORE='rocksdb' is not a store URL: use memory:// or rocksdb:// (did you mean rocksdb://?)",
        ),
        (
            "NEWSEVENTS_LOG_LEVEL",
            "verbose",
            "NEWSEVENTS_LOG_LEVEL='verbose' is not a log level: use one of "
            "debug, info, warning, error, critical",
        ),
        ("NEWSEVENTS_TOPICS__RAW", "", "NEWSEVENTS_TOPICS__RAW is empty: every topic needs a name"),
        (
            "NEWSEVENTS_PARTITIONS",
            "four",
            "NEWSEVENTS_PARTITIONS='four': input should be a valid integer, "
            "unable to parse string as an integer",
        ),
    ],
)
def test_a_bad_setting_stops_the_worker_in_one_line_with_exit_2(variable: str, value: str, line: str) -> None:
    done = _newsevents("worker", env={variable: value})
    assert (done.returncode, done.stderr) == (2, f"newsevents: {line}\n")


def test_a_missing_ssl_ca_file_is_named_before_any_connection(tmp_path: Path) -> None:
    missing = tmp_path / "ca.pem"
    env = {"NEWSEVENTS_SECURITY_PROTOCOL": "SSL", "NEWSEVENTS_SSL_CAFILE": str(missing)}
    done = _newsevents("tail", "events.diplomatic", env=env)
    assert (done.returncode, done.stderr) == (
        2,
        f"newsevents: NEWSEVENTS_SSL_CAFILE={missing}: no such file\n",
    )


def test_debug_shows_the_traceback() -> None:
    done = _newsevents("--debug", "settings", env={"NEWSEVENTS_STORE": "rocksdb"})
    assert done.returncode == 1
    assert "Traceback (most recent call last)" in done.stderr
    assert done.stderr.rstrip().endswith(
        "ConfigError: NEWSEVENTS_STORE='rocksdb' is not a store URL: use memory:// or rocksdb:// "
        "(did you mean rocksdb://?)"
    )


def test_a_misspelt_variable_is_warned_about_with_the_nearest_name() -> None:
    done = _newsevents("settings", env={"NEWSEVENTS_BOOTSTRAP_SERVER": "k1:9092"})
    assert done.returncode == 0
    assert done.stderr == (
        "newsevents: warning: NEWSEVENTS_BOOTSTRAP_SERVER is not a setting and is ignored; "
        "did you mean NEWSEVENTS_BOOTSTRAP_SERVERS?\n"
    )
    assert "NEWSEVENTS_BOOTSTRAP_SERVERS=127.0.0.1:9092" in done.stdout.splitlines()


@pytest.mark.parametrize("command", [["worker"], ["produce", "seeds/"], ["tail", "events.diplomatic"]])
def test_a_wrong_bootstrap_address_is_one_line_naming_the_variable_and_the_address(
    command: list[str],
) -> None:
    address = f"127.0.0.1:{free_port()}"
    done = _newsevents(*command, env={"NEWSEVENTS_BOOTSTRAP_SERVERS": address})
    assert done.returncode == 1
    variable = f"NEWSEVENTS_BOOTSTRAP_SERVERS={address}"
    assert done.stderr == f"newsevents: no Kafka broker at {variable} ({address}: connection refused)\n"


def test_the_bootstrap_servers_option_overrides_the_variable_and_is_named() -> None:
    address = f"127.0.0.1:{free_port()}"
    done = _newsevents(
        "produce", "seeds/", "--bootstrap-servers", address, env={"NEWSEVENTS_BOOTSTRAP_SERVERS": "k9:9092"}
    )
    assert done.returncode == 1
    assert done.stderr == (
        f"newsevents: no Kafka broker at --bootstrap-servers={address} ({address}: connection refused)\n"
    )


@pytest.mark.parametrize("command", ["produce", "extract"])
def test_a_missing_input_path_is_one_line_naming_it_with_exit_2(command: str, tmp_path: Path) -> None:
    missing = tmp_path / "articles"
    done = _newsevents(command, str(missing))
    assert (done.returncode, done.stderr) == (2, f"newsevents: {missing}: no such file or directory\n")
