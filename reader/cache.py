"""The analysis cache: what analysing unchanged files gave last time, kept in the user cache directory.

Every record is keyed by a hash of what its result depends on, so a hit always equals a fresh
analysis: a parsed file (kind ``files``) by the file's bytes and whether it is read as plain text
or Markdown; the analysis results by their inputs (see :mod:`reader.analysis` for its kinds: per
article, per story and for the whole corpus). Changing one file thus parses, cleans and scans that
file again, redoes the steps that cross articles, and links again the story it belongs to.

Storage: all keys live under :func:`analyser_version`, a hash of newsprism's analysis code and
data and of the installed packages, so any change to them makes a fresh cache. The records of one
kind for one set of opened paths are kept together in one file (a *pack*: one read at start, one
write per analysis instead of one per article), written with :func:`reader.atomic.write_atomic`.
A pack starts with a line naming the format, its kind and a hash of the rest, then holds a line
per record: its key and the record as JSON (a safe format: nothing in it is executed). A pack that is missing, damaged, partial or of another
version is ignored and rebuilt, never an error; records no longer used are dropped when their
pack is rewritten, and packs unused for ``STALE_DAYS`` are deleted.
"""

from __future__ import annotations

import hashlib
import json
import os
import sys
import time
from collections.abc import Iterable, Sequence
from functools import cache as memoise
from pathlib import Path
from typing import Any

from reader import paths
from reader.atomic import write_atomic
from reader.model import Article, Kind, Passage, Problem, Severity
from reader.sanitize import inert

FORMAT = 2  # of the pack files; bump on any change to how records are written
STALE_DAYS = 30
_MAGIC = b"newsprism-cache"
_PACKAGE = Path(__file__).resolve().parent


@memoise
def analyser_version() -> str:
    """A hash of everything analysis results depend on: ``FORMAT``, newsprism's code and data (all of
    the package but the user interface) and the installed packages' versions.

    ``reader.analysis.VERSION`` is part of the code: bump it to drop every cache by hand. The
    packages are known by their ``*.dist-info`` folders on ``sys.path`` (a name and a version each:
    reading them is far quicker than ``importlib.metadata``); upgrading any package drops the cache.
    """
    digest = hashlib.blake2b(f"{FORMAT}".encode(), digest_size=12)
    sources = sorted(p for p in _PACKAGE.rglob("*") if p.is_file() and p.suffix in (".py", ".txt", ".tsv")
                     and "tui" not in p.relative_to(_PACKAGE).parts)
    for source in sources:
        digest.update(str(source.relative_to(_PACKAGE)).encode() + b"\0" + source.read_bytes() + b"\0")
    for installed in sorted(_installed_packages()):
        digest.update(installed.encode() + b"\0")
    return digest.hexdigest()


def _installed_packages() -> set[str]:
    """The ``name-version.dist-info`` folder names on ``sys.path``."""
    found = set()
    for entry in sys.path:
        try:
            found.update(name for name in os.listdir(entry or ".") if name.endswith(".dist-info"))
        except OSError:
            continue
    return found


def content_key(*parts: str | bytes) -> str:
    """A short hash of ``parts`` (strings are taken as UTF-8), for record keys."""
    digest = hashlib.blake2b(digest_size=16)
    for part in parts:
        digest.update(part.encode("utf-8", "surrogatepass") if isinstance(part, str) else part)
        digest.update(b"\x1e")
    return digest.hexdigest()


class Cache:
    """The records of one set of opened paths, read lazily from their packs and written by :meth:`flush`.

    ``scope`` names the set of paths (a hash of their absolute forms); ``folder`` defaults to
    :func:`reader.paths.user_cache_dir`. Records are kept as their JSON text and decoded when asked
    for, one by one: a pack is read without decoding the records no one needs, and in many short
    steps rather than one long one that would hold up the reader's other thread.
    """

    def __init__(self, opened: Sequence[Path | str], folder: Path | None = None) -> None:
        self.folder = (folder if folder is not None else paths.user_cache_dir()) / f"v-{analyser_version()}"
        self.scope = content_key(*sorted(os.path.abspath(p) for p in opened))
        self._packs: dict[str, dict[str, bytes]] = {}  # kind -> key -> record as JSON, as read
        self._used: dict[str, dict[str, bytes]] = {}  # kind -> key -> record as JSON, read or put in this run
        self._changed: set[str] = set()

    def get(self, kind: str, key: str) -> Any | None:
        """The record of ``kind`` kept under ``key``, or None."""
        text = self._pack(kind).get(key)
        if text is None:
            return None
        try:
            record = json.loads(text)
        except ValueError:
            return None
        self._used.setdefault(kind, {})[key] = text
        return record

    def put(self, kind: str, key: str, record: Any) -> None:
        """Keep ``record`` (made of JSON types) under ``key`` until :meth:`flush`."""
        self._pack(kind)
        text = json.dumps(record, ensure_ascii=False, separators=(",", ":")).encode("utf-8", "surrogatepass")
        self._used.setdefault(kind, {})[key] = text
        self._changed.add(kind)

    def flush(self, kinds: Iterable[str] | None = None) -> None:
        """Write the packs of ``kinds`` (every kind used if None) that gained or lost records.

        A pack keeps the records used in this run, so files that left the folder leave the cache.
        Failing to write is not an error: the cache is only a shortcut.
        """
        for kind in list(self._used) if kinds is None else kinds:
            used = self._used.get(kind, {})
            if kind not in self._changed and used.keys() == self._packs.get(kind, {}).keys():
                continue
            body = b"\n".join(key.encode() + b"\t" + text for key, text in used.items())
            header = b" ".join((_MAGIC, str(FORMAT).encode(), kind.encode(), _checksum(body)))
            try:
                write_atomic(self._path(kind), header + b"\n" + body)
            except OSError:
                continue
            self._packs[kind] = used
            self._changed.discard(kind)
        _prune(self.folder.parent)

    def _path(self, kind: str) -> Path:
        return self.folder / f"{self.scope}.{kind}.pack"

    def _pack(self, kind: str) -> dict[str, bytes]:
        pack = self._packs.get(kind)
        if pack is None:
            pack = self._packs[kind] = _read_pack(self._path(kind), kind)
        return pack


def _checksum(body: bytes) -> bytes:
    return hashlib.blake2b(body, digest_size=16).hexdigest().encode()


def _read_pack(path: Path, kind: str) -> dict[str, bytes]:
    """The records of a pack file as JSON text by key; none if it is missing, damaged, partial or not a pack of ``kind``.

    A pack is a header line (format, kind and a checksum of the rest), then one line per record: its
    key, a tab and the record as JSON.
    """
    try:
        data = path.read_bytes()
    except OSError:
        return {}
    header, _, body = data.partition(b"\n")
    if header.split(b" ") != [_MAGIC, str(FORMAT).encode(), kind.encode(), _checksum(body)]:
        return {}
    records = {}
    for line in body.split(b"\n") if body else ():
        key, tab, text = line.partition(b"\t")
        if not tab:
            return {}
        records[key.decode("ascii", "replace")] = text
    return records


def _prune(top: Path) -> None:
    """Delete packs not written for ``STALE_DAYS`` (of any version), and version folders left empty."""
    cutoff = time.time() - STALE_DAYS * 86400
    try:
        folders = [f for f in top.iterdir() if f.is_dir() and f.name.startswith("v-")]
    except OSError:
        return
    for folder in folders:
        try:
            for pack in folder.iterdir():
                if pack.stat().st_mtime < cutoff:
                    pack.unlink()
            folder.rmdir()  # only succeeds when empty
        except OSError:
            continue


# -- parsed files -------------------------------------------------------------------------------

FILES = "files"
_KINDS = {kind.value: kind for kind in Kind}  # quicker than Kind(value)


def file_key(path: Path, data: bytes) -> str:
    """The key of a file's parse: the hash of its bytes and how it is read (plain text or Markdown)."""
    return content_key(data, "txt" if path.suffix.lower() == ".txt" else "md")


def encode_file(article: Article, warnings: Sequence[Problem]) -> list:
    """A parsed article and its load warnings as a record (the id and path come from the file)."""
    return [
        article.title, article.source, article.published, article.url, article.author, article.source_note,
        [[p.kind.value, p.start, p.end, p.text] for p in article.passages],
        [[w.message, w.severity.value] for w in warnings],
    ]


def decode_file(record: Any, path: Path) -> tuple[Article, list[Problem]] | None:
    """The article and warnings ``record`` holds for the file ``path``, or None if it is malformed."""
    try:
        title, source, published, url, author, note, passages, warnings = record
        article = Article(
            inert(path.stem), path, title, source, published, url,
            [Passage("", _KINDS[kind], start, end, text) for kind, start, end, text in passages],
            source_note=note, author=author,
        )
        shown = inert(str(path))
        return article, [Problem(shown, message, Severity(severity)) for message, severity in warnings]
    except (TypeError, ValueError, KeyError):
        return None
