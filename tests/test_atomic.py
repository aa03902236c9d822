"""Atomic writes: readers and concurrent writers never see a torn file; a failed write leaves the old one."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from reader.atomic import write_atomic

# Each writer rewrites the file many times with a payload of its own size, so a torn
# write (a mix of two payloads, or a short one) would not parse or would not check out.
WRITER = """
import json, sys
from reader.atomic import write_atomic
name, path, size = sys.argv[1], sys.argv[2], int(sys.argv[3])
for n in range(200):
    write_atomic(path, json.dumps({"writer": name, "n": n, "fill": name * size}))
"""


def check_whole(text: str) -> None:
    record = json.loads(text)
    assert record["fill"] == record["writer"] * {"a": 200_000, "b": 3_000}[record["writer"]]


def test_two_processes_writing_at_once_never_leave_a_corrupt_file(tmp_path):
    target = tmp_path / "state" / "feedback.json"
    write_atomic(target, json.dumps({"writer": "b", "n": -1, "fill": "b" * 3_000}))
    root = str(Path(__file__).parent.parent)
    env = {**os.environ, "PYTHONPATH": root}
    writers = [
        subprocess.Popen([sys.executable, "-c", WRITER, name, str(target), str(size)], env=env)
        for name, size in (("a", 200_000), ("b", 3_000))
    ]
    reads = 0
    while any(w.poll() is None for w in writers):
        check_whole(target.read_text(encoding="utf-8"))
        reads += 1
    assert [w.wait() for w in writers] == [0, 0]
    check_whole(target.read_text(encoding="utf-8"))
    assert reads > 0
    assert sorted(p.name for p in target.parent.iterdir()) == ["feedback.json"]  # no temporary file left


def test_a_failed_write_leaves_the_old_file_and_no_temporary(tmp_path, monkeypatch):
    target = tmp_path / "cache.json"
    write_atomic(target, '{"old": true}')

    def disk_full(_descriptor):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "fsync", disk_full)
    with pytest.raises(OSError, match="No space left"):
        write_atomic(target, '{"new": true}')
    assert target.read_text(encoding="utf-8") == '{"old": true}'
    assert [p.name for p in tmp_path.iterdir()] == ["cache.json"]


def test_writes_text_or_bytes_and_creates_the_folder(tmp_path):
    write_atomic(tmp_path / "a" / "b" / "config.toml", "théme = 'dark'\n")
    write_atomic(tmp_path / "blob.bin", b"\x00\x01")
    assert (tmp_path / "a" / "b" / "config.toml").read_text(encoding="utf-8") == "théme = 'dark'\n"
    assert (tmp_path / "blob.bin").read_bytes() == b"\x00\x01"


@pytest.mark.skipif(os.name != "posix", reason="POSIX file modes")
def test_a_replaced_file_keeps_its_mode(tmp_path):
    target = tmp_path / "config.toml"
    target.write_text("old", encoding="utf-8")
    target.chmod(0o640)
    write_atomic(target, "new")
    assert target.stat().st_mode & 0o777 == 0o640
