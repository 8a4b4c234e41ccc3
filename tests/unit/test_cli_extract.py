"""`newsevents extract` codes files and JSONL offline, keeping a given id as article_id."""

from __future__ import annotations

from pathlib import Path

import orjson
from click.testing import CliRunner

from stream.cli import main


def test_extract_seed_file_prints_event_lines(seed_path: Path) -> None:
    result = CliRunner().invoke(main, ["extract", str(seed_path)])
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
    result = CliRunner().invoke(main, ["extract", str(source)])
    assert result.exit_code == 1  # one input failed, and says so
    lines = [line for line in result.stdout.splitlines() if line.startswith("{")]
    assert [orjson.loads(line)["article_id"] for line in lines] == ["art-1"]
    assert "missing_text" in result.stderr


def test_every_subcommand_has_help() -> None:
    for command in ("dev", "broker", "worker", "produce", "tail", "extract", "schemas", "settings"):
        result = CliRunner().invoke(main, [command, "--help"])
        assert result.exit_code == 0 and "Usage" in result.output
