"""Raw inputs for `produce` and `extract`: hidden files left out, plain-text articles on stdin split."""

from __future__ import annotations

import io
from pathlib import Path

import pytest

from stream.devtools.inputs import read_inputs, split_articles, visible_files

ONE = b"date 2022-03-01\nGermany sent humanitarian aid to Ukraine.\n"
TWO = b"date 2022-03-02\nFrance condemned the attack.\n"


def test_directories_are_read_without_hidden_files(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_bytes(ONE)
    (tmp_path / ".DS_Store").write_bytes(b"\x00\x01Bud1")
    (tmp_path / ".git").mkdir()
    (tmp_path / ".git" / "HEAD").write_bytes(b"ref: refs/heads/main\n")
    (tmp_path / "more").mkdir()
    (tmp_path / "more" / "b.txt").write_bytes(TWO)
    assert visible_files(tmp_path) == [tmp_path / "a.txt", tmp_path / "more" / "b.txt"]
    assert [label for label, _ in read_inputs([str(tmp_path)])] == [
        str(tmp_path / "a.txt"),
        str(tmp_path / "more" / "b.txt"),
    ]


def test_a_hidden_file_named_on_its_own_is_still_read(tmp_path: Path) -> None:
    hidden = tmp_path / ".article.txt"
    hidden.write_bytes(ONE)
    assert list(read_inputs([str(hidden)])) == [(str(hidden), ONE)]


def _stdin(monkeypatch: pytest.MonkeyPatch, data: bytes) -> None:
    monkeypatch.setattr("sys.stdin", io.TextIOWrapper(io.BytesIO(data)))


def test_several_plain_text_articles_on_stdin_are_several_messages(monkeypatch: pytest.MonkeyPatch) -> None:
    _stdin(monkeypatch, ONE + b"\n" + TWO)
    assert list(read_inputs(["-"])) == [("<stdin>#1", ONE + b"\n"), ("<stdin>#2", TWO)]


def test_one_article_on_stdin_is_one_message(monkeypatch: pytest.MonkeyPatch) -> None:
    _stdin(monkeypatch, ONE)
    assert list(read_inputs(["-"])) == [("<stdin>", ONE)]


def test_jsonl_on_stdin_is_still_one_message_a_line(monkeypatch: pytest.MonkeyPatch) -> None:
    _stdin(monkeypatch, b'{"text": "a"}\n{"text": "b"}\n')
    assert [label for label, _ in read_inputs(["-"])] == ["<stdin>:1", "<stdin>:2"]


def test_only_a_whole_date_line_starts_an_article() -> None:
    text = (
        b"Preamble.\ndate 2022-03-01\nIt was a date 2022-03-04 line.\n"
        b"  date 2022-03-02  \r\nMore.\ndate 2022-3-3\n"
    )
    assert split_articles(text) == [
        b"Preamble.\n",
        b"date 2022-03-01\nIt was a date 2022-03-04 line.\n",
        b"  date 2022-03-02  \r\nMore.\ndate 2022-3-3\n",
    ]
    assert split_articles(b"\n \n") == []
