"""The CLI's output conventions: text by default, JSON lines with --json, --bootstrap-servers wherever
Kafka is talked to, and a hint instead of a silent wait on a terminal's stdin."""

from __future__ import annotations

import os
import pty
import subprocess
import sys
from pathlib import Path

import orjson
import pytest
from click.testing import CliRunner

from stream.cli import main
from tests.paths import ROOT


def test_settings_print_one_variable_a_line_and_json_with_the_flag() -> None:
    text = CliRunner().invoke(main, ["settings"], env={"NEWSEVENTS_PARTITIONS": "8"})
    assert text.exit_code == 0, text.output
    lines = text.stdout.splitlines()
    assert "NEWSEVENTS_PARTITIONS=8" in lines and "NEWSEVENTS_TOPICS__RAW=news.raw" in lines
    as_json = CliRunner().invoke(main, ["settings", "--json"], env={"NEWSEVENTS_PARTITIONS": "8"})
    assert orjson.loads(as_json.stdout)["partitions"] == 8


def test_schemas_print_paths_and_json_lines_with_the_flag(tmp_path: Path) -> None:
    text = CliRunner().invoke(main, ["schemas", "--dir", str(tmp_path / "a")])
    as_json = CliRunner().invoke(main, ["schemas", "--dir", str(tmp_path / "b"), "--json"])
    assert text.exit_code == as_json.exit_code == 0
    written = [orjson.loads(line)["written"] for line in as_json.stdout.splitlines()]
    assert [Path(p).name for p in written] == [Path(p).name for p in text.stdout.splitlines()]
    assert written and all(Path(p).is_file() for p in written)


@pytest.mark.parametrize("command", ["worker", "produce", "tail"])
def test_commands_that_talk_to_kafka_take_bootstrap_servers(command: str) -> None:
    help_text = " ".join(CliRunner().invoke(main, [command, "--help"]).output.split())
    assert "--bootstrap-servers HOST:PORT[,...]" in help_text
    assert "(overrides NEWSEVENTS_BOOTSTRAP_SERVERS)" in help_text


@pytest.mark.parametrize(
    "command", ["dev", "broker", "produce", "tail", "extract", "evaluate", "settings", "schemas"]
)
def test_commands_that_print_take_json(command: str) -> None:
    assert "--json" in CliRunner().invoke(main, [command, "--help"]).output


def _on_a_terminal(*args: str) -> tuple[int, str]:
    """Run `newsevents ARGS` with a pseudo-terminal as stdin (nothing typed); returns (exit code, stderr)."""
    controller, terminal = pty.openpty()
    try:
        env = {k: v for k, v in os.environ.items() if not k.startswith("NEWSEVENTS_")}
        done = subprocess.run(
            [sys.executable, "-m", "stream", *args],
            cwd=ROOT,
            env=env,
            stdin=terminal,
            capture_output=True,
            text=True,
            timeout=60,
        )
    finally:
        os.close(terminal)
        os.close(controller)
    return done.returncode, done.stderr


@pytest.mark.parametrize("command", ["produce", "extract"])
def test_no_input_on_a_terminal_is_a_hint_not_a_silent_wait(command: str) -> None:
    code, stderr = _on_a_terminal(command)
    assert code == 2
    assert stderr == (
        f"newsevents: no input: give files or directories (`newsevents {command} seeds/`), "
        "or '-' to read stdin\n"
    )
