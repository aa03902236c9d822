"""The newsprism command as a user or a script calls it."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from reader import __version__
from reader.cli import main
from tests.conftest import SEEDS

ROOT = Path(__file__).parent.parent


def test_version(capsys):
    with pytest.raises(SystemExit) as exit_:
        main(["--version"])
    assert exit_.value.code == 0
    assert capsys.readouterr().out.strip() == f"newsprism {__version__}"


def test_help_mentions_export(capsys):
    with pytest.raises(SystemExit):
        main(["--help"])
    out = capsys.readouterr().out
    assert "PATH" in out and "export" in out


def test_export_without_paths_is_the_bundled_story(capsys):
    assert main(["export", "--format", "json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert len(data["articles"]) == 5
    assert {a["source"] for a in data["articles"]} >= {"CNBC", "PYMNTS", "Parentology"}


def test_export_of_folders_is_recursive_and_reports_other_files(tmp_path: Path, capsys):
    (tmp_path / "b" / "deep").mkdir(parents=True)
    (tmp_path / "b" / "deep" / "two.md").write_text("---\ntitle: Two\n---\nText two.\n", encoding="utf-8")
    (tmp_path / "a.txt").write_text("One\nText one.\n", encoding="utf-8")
    (tmp_path / "notes.pdf").write_bytes(b"%PDF-1.4")
    assert main(["export", str(tmp_path)]) == 0
    data = json.loads(capsys.readouterr().out)
    assert [a["title"] for a in data["articles"]] == ["One", "Two"]
    assert [Path(p["path"]).name for p in data["problems"]] == ["notes.pdf"]


def test_export_exit_status_says_a_file_failed(tmp_path: Path, capsys):
    (tmp_path / "good.txt").write_text("Title\nText.\n", encoding="utf-8")
    (tmp_path / "bad.txt").write_bytes(b"\x00\x01\x02binary\x00\x03" * 50)
    assert main(["export", str(tmp_path)]) == 1
    captured = capsys.readouterr()
    data = json.loads(captured.out)
    assert len(data["articles"]) == 1
    assert "bad.txt" in captured.err


def test_python_dash_m_reader_exports_the_seeds():
    run = subprocess.run([sys.executable, "-m", "reader", "export", "--format", "json", *map(str, SEEDS)],
                         capture_output=True, text=True, cwd=ROOT, check=True)
    assert len(json.loads(run.stdout)["articles"]) == 5
