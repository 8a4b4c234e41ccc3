"""`newsevents extract` codes files, JSONL and stdin offline: text lines, or JSON lines with --json."""

from __future__ import annotations

from pathlib import Path

import orjson
import pytest
from click.testing import CliRunner

from stream.cli import json_lines, main


def test_extract_seed_file_prints_event_lines(seed_path: Path) -> None:
    result = CliRunner().invoke(main, ["extract", "--json", str(seed_path)])
    assert result.exit_code == 0, result.output
    events = [orjson.loads(line) for line in result.output.splitlines()]
    assert any(e["event_type"] == "CONSULT" and e["event_mode"] == "phone" for e in events)
    assert all(e["schema_version"] == 1 for e in events)


def test_extract_jsonl_carries_ids_and_reports_bad_lines(tmp_path: Path) -> None:
    source = tmp_path / "in.jsonl"
    source.write_text(
        '{"id": "art-1", "published": "2022-03-02", "text": "Germany sent humanitarian aid to Ukraine."}\n'
        '{"id": "art-2", "title": "no text"}\n'
    )
    result = CliRunner().invoke(main, ["extract", "--json", str(source)])
    assert result.exit_code == 1  # one input failed, and says so
    lines = [line for line in result.stdout.splitlines() if line.startswith("{")]
    assert [orjson.loads(line)["article_id"] for line in lines] == ["art-1"]
    assert "missing_text" in result.stderr


def test_every_subcommand_has_help() -> None:
    for command in ("dev", "broker", "worker", "produce", "tail", "extract", "schemas", "settings"):
        result = CliRunner().invoke(main, [command, "--help"])
        assert result.exit_code == 0 and "Usage" in result.output


def test_extract_writes_json_lines_into_a_pipe_and_text_lines_when_asked(seed_path: Path) -> None:
    as_json = CliRunner().invoke(main, ["extract", "--json", str(seed_path)])
    piped = CliRunner().invoke(main, ["extract", str(seed_path)])  # CliRunner's output is no terminal
    assert piped.exit_code == 0, piped.output
    assert piped.output == as_json.output
    assert all(orjson.loads(line)["event_date"] == "2022-02-28" for line in piped.output.splitlines())
    as_text = CliRunner().invoke(main, ["extract", "--text", str(seed_path)])
    lines = as_text.output.splitlines()
    assert len(lines) == len(as_json.output.splitlines()) >= 2
    assert all(line.startswith("[extract] 2022-02-28 ") for line in lines)
    assert any(" CONSULT/phone cameo=041 " in line for line in lines)


@pytest.mark.parametrize(
    ("as_json", "as_text", "terminal", "expected"),
    [
        (False, False, True, False),  # a person at a terminal reads text
        (False, False, False, True),  # a pipe or a file gets JSON lines, as tools read them
        (True, False, True, True),
        (False, True, False, False),
    ],
)
def test_extract_output_form_follows_the_flags_then_the_terminal(
    as_json: bool, as_text: bool, terminal: bool, expected: bool
) -> None:
    assert json_lines(as_json, as_text, terminal) is expected


def test_extract_still_takes_the_old_pretty_flag(seed_path: Path) -> None:
    pretty = CliRunner().invoke(main, ["extract", "--pretty", str(seed_path)])
    assert pretty.exit_code == 0
    assert pretty.output == CliRunner().invoke(main, ["extract", "--text", str(seed_path)]).output


def test_extract_codes_each_of_several_articles_on_stdin(seed_bytes: bytes) -> None:
    second = b"date 2022-03-02\nGermany sent humanitarian aid to Ukraine.\n"
    result = CliRunner().invoke(main, ["extract", "--json", "-"], input=seed_bytes + b"\n" + second)
    assert result.exit_code == 0, result.output
    events = [orjson.loads(line) for line in result.stdout.splitlines()]
    assert {e["event_date"] for e in events} == {"2022-02-28", "2022-03-02"}
    assert len({e["article_id"] for e in events}) == 2


def test_extract_leaves_hidden_files_of_a_directory_out(tmp_path: Path, seed_bytes: bytes) -> None:
    (tmp_path / "article.txt").write_bytes(seed_bytes)
    (tmp_path / ".DS_Store").write_bytes(b"\x00\x00\x00\x01Bud1\x00")
    result = CliRunner().invoke(main, ["extract", str(tmp_path)])
    assert result.exit_code == 0, result.stderr
    assert result.stderr == ""
