"""``newsprism clean FILE...``: the articles' text without scraper leftovers, for pipelines."""

from __future__ import annotations

from pathlib import Path

import pytest

from reader.cli import main

FIRST = """Ferry company cuts island sailings

By Jane Doe

The ferry company said on Tuesday that it would cut its winter timetable by a third because of rising fuel costs.

Passengers on the island route will have two sailings a day instead of three from November, the company said.

Share this:
Source link
"""
SECOND = """Councillors said the decision would cut islanders off from jobs and hospitals on the mainland.
Talks with the regional government about a subsidy broke down last month, according to people familiar with them.
Leave a Reply
Please enter your comment!
"""


def test_prints_each_article_title_first_without_leftovers(tmp_path: Path, capsys):
    (tmp_path / "a.txt").write_text(FIRST, encoding="utf-8")
    (tmp_path / "b.txt").write_text(SECOND, encoding="utf-8")
    assert main(["clean", str(tmp_path / "a.txt"), str(tmp_path / "b.txt")]) == 0
    first, second = capsys.readouterr().out.split("\n\n")
    assert first.split("\n") == [
        "Ferry company cuts island sailings",
        "The ferry company said on Tuesday that it would cut its winter timetable by a third because of rising fuel costs.",
        "Passengers on the island route will have two sailings a day instead of three from November, the company said.",
    ]
    assert second.rstrip("\n").split("\n") == SECOND.split("\n")[:2]  # no title to print: the text starts at once


def test_exit_status_says_a_file_failed(tmp_path: Path, capsys):
    (tmp_path / "good.txt").write_text(FIRST, encoding="utf-8")
    (tmp_path / "bad.txt").write_bytes(b"\x00\x01\x02binary\x00\x03" * 50)
    assert main(["clean", str(tmp_path / "good.txt"), str(tmp_path / "bad.txt")]) == 1
    captured = capsys.readouterr()
    assert captured.out.startswith("Ferry company cuts island sailings\n")
    assert "bad.txt" in captured.err


def test_needs_a_file(capsys):
    with pytest.raises(SystemExit) as exit_:
        main(["clean"])
    assert exit_.value.code == 2
    assert "FILE" in capsys.readouterr().err
