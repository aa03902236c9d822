"""Turn files and folders into articles made of passages.

``.md`` files: optional YAML front matter, then a Markdown body parsed by
markdown-it-py into blocks (heading, paragraph, list item, blockquote).
``.txt`` files: every non-blank line is a paragraph, as scrapers save them.
Every passage keeps its character span in the file's decoded text.

Files are untrusted: every file that cannot become an article (binary, empty,
too large, unreadable, of unknown encoding, a broken link) is reported as a
:class:`Problem` naming it, and the others still load. The decoded text is made
inert (:mod:`reader.sanitize`) before parsing, one character for one, so spans
stay offsets into the decoded text. Nothing here ever writes to a file.
"""

from __future__ import annotations

import codecs
import datetime as dt
import errno
import os
import re
import stat
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING
from urllib.parse import urlparse

from reader.cache import FILES, Cache, decode_file, encode_file, file_key
from reader.clean import headline_index
from reader.collector import cycle_collection_paused
from reader.model import Article, Corpus, Kind, Passage, Problem, Severity, passage_id, unique_name
from reader.sanitize import REPLACEMENT, inert

if TYPE_CHECKING:
    import yaml

    from reader.workers import Workers

# markdown-it-py, PyYAML and charset-normalizer are imported when a file is parsed, not when
# newsprism starts: files found in the cache need none of them.

ARTICLE_SUFFIXES = (".md", ".markdown", ".txt")
DEFAULT_MAX_BYTES = 20_000_000  # larger files are refused unread
PARALLEL_FILES = 200  # fewer files to parse are all parsed in this process (sharing would cost more)
FILES_PER_BATCH = 20  # files parsed by a worker per message (about 15 ms of work)
_UNPARSED_BYTES = 32_000_000  # files read and not parsed yet are parsed once they hold this much
_HEADLINE_SEARCH = 8  # how many first passages may repeat the front matter's title or be the H1
_NOT_ARTICLE = "skipped: not a .md or .txt article"
_NOT_REGULAR = "not a regular file (a device, named pipe or socket), so not read"

_FRONT_MATTER = re.compile(r"\A---[ \t]*\r?\n(.*?)^(?:---|\.\.\.)[ \t]*(?:\r?\n|\Z)", re.S | re.M)
# An opening "---" line followed by a "key:" line: front matter, even when it is never closed.
_OPEN_FRONT_MATTER = re.compile(r"\A---[ \t]*\r?\n[ \t]*[\w\"'][^:\n]*:(?:[ \t]|\r?\n|\Z)")

_BYTE_ORDER_MARKS = (  # UTF-32 first: its little-endian mark starts like UTF-16's
    (codecs.BOM_UTF32_LE, "utf-32", "UTF-32"),
    (codecs.BOM_UTF32_BE, "utf-32", "UTF-32"),
    (codecs.BOM_UTF8, "utf-8-sig", "UTF-8"),
    (codecs.BOM_UTF16_LE, "utf-16", "UTF-16"),
    (codecs.BOM_UTF16_BE, "utf-16", "UTF-16"),
)
# Control bytes that text files do not hold (tab, line breaks, form feed and ESC are kept).
_CONTROL_BYTES = bytes([*range(0x00, 0x09), *range(0x0E, 0x1B), *range(0x1C, 0x20), 0x7F])
_MAX_CONTROL_RATIO = 0.1
# Legacy encodings a web page can declare (the WHATWG Encoding Standard), as Python codecs.
_WEB_ENCODINGS = [
    "cp866", "iso8859_2", "iso8859_3", "iso8859_4", "iso8859_5", "iso8859_6", "iso8859_7",
    "iso8859_8", "iso8859_10", "iso8859_13", "iso8859_14", "iso8859_15", "iso8859_16",
    "koi8_r", "koi8_u", "mac_roman", "mac_cyrillic", "cp874", "cp1250", "cp1251", "cp1252",
    "cp1253", "cp1254", "cp1255", "cp1256", "cp1257", "cp1258", "gbk", "gb18030", "big5",
    "euc_jp", "iso2022_jp", "shift_jis", "euc_kr",
]
# Browsers read unlabelled Western pages as windows-1252; prefer it when it fits as well as the best.
_DEFAULT_WESTERN = "cp1252"
_MAX_CHAOS = 0.2  # charset-normalizer's "mess" above which a guess is not trusted
_CHAOS_TIE = 0.1  # how much worse windows-1252 may fit and still be preferred


class LoadError(Exception):
    """A file that cannot become an article; the message is shown to the user."""


def load(paths: Iterable[Path | str], max_bytes: int = DEFAULT_MAX_BYTES, cache: Cache | None = None,
         workers: Workers | None = None) -> Corpus:
    """Load every article under ``paths`` (files or folders, searched recursively).

    Files larger than ``max_bytes`` are refused without being read. With a ``cache``, a file
    parsed before (the same bytes) is taken from it, and new parses are kept in it. With
    ``PARALLEL_FILES`` files or more to parse, ``workers`` (see :mod:`reader.workers`) parse some of
    them. Articles and problems come in the order of the files, however they were parsed.
    """
    with cycle_collection_paused():
        return _load(paths, max_bytes, cache, workers)


def _load(paths: Iterable[Path | str], max_bytes: int, cache: Cache | None, workers: Workers | None) -> Corpus:
    found: list[Problem | _File] = []  # in file order
    unparsed: list[_File] = []  # read, not parsed yet
    unparsed_bytes = 0
    for path in discover(paths, found):
        try:
            data = _read_bytes(path, max_bytes)
        except LoadError as error:
            found.append(Problem(shown_path(path), str(error)))
            continue
        key = file_key(path, data) if cache is not None else None
        record = cache.get(FILES, key) if key is not None else None
        entry = _File(path, key, data, decode_file(record, path) if record is not None else None)
        found.append(entry)
        if entry.parsed is None:
            unparsed.append(entry)
            unparsed_bytes += len(data)
            if unparsed_bytes >= _UNPARSED_BYTES:
                _parse_files(unparsed, cache, workers)
                unparsed, unparsed_bytes = [], 0
    _parse_files(unparsed, cache, workers)
    corpus = Corpus()
    used_ids: set[str] = set()
    for entry in found:
        if isinstance(entry, Problem):
            corpus.problems.append(entry)
            continue
        if entry.error is not None:  # every other file is parsed by now
            corpus.problems.append(Problem(shown_path(entry.path), entry.error))
            continue
        article, warnings = entry.parsed
        corpus.problems.extend(warnings)
        article.id = unique_name(article.id, used_ids)
        for n, passage in enumerate(article.passages):
            passage.id = passage_id(article.id, n)
        corpus.articles.append(article)
    return corpus


@dataclass(slots=True)
class _File:
    """A file read by ``load``: its cache key, its bytes until parsed, then its article and warnings or
    why it cannot be read."""

    path: Path
    key: str | None
    data: bytes
    parsed: tuple[Article, list[Problem]] | None
    error: str | None = None


def _parse_files(files: list[_File], cache: Cache | None, workers: Workers | None) -> None:
    """Parse ``files`` (``parsed_file``), some by ``workers`` when there are ``PARALLEL_FILES`` or more;
    keep the parses in ``cache``, and drop the files' bytes."""
    if not files:
        return
    from reader.workers import share

    records = share(
        workers if len(files) >= PARALLEL_FILES else None,
        len(files),
        send=lambda n: (parsed_file, (files[n].path, files[n].data)),
        here=lambda n: parsed_file(files[n].path, files[n].data),
        batch=FILES_PER_BATCH,
    )
    for entry, record in zip(files, records):
        entry.data = b""
        if isinstance(record, str):
            entry.error = record
            continue
        entry.parsed = decode_file(record, entry.path)
        if cache is not None and entry.key is not None:
            cache.put(FILES, entry.key, record)


def parsed_file(path: Path, data: bytes) -> list | str:
    """The article in the bytes ``data`` of the file ``path`` with its warnings, as a cache record
    (see :func:`reader.cache.encode_file`), or why it cannot be read."""
    warnings: list[Problem] = []
    try:
        article = parse(path, _decoded_text(path, data, warnings), warnings)
    except LoadError as error:
        return str(error)
    return encode_file(article, warnings)


def shown_path(path: Path | str) -> str:
    """``path`` as text that is safe to show: file names are untrusted too."""
    return inert(str(path))


def discover(paths: Iterable[Path | str], problems: list[Problem] | list[Problem | _File]) -> Iterator[Path]:
    """Article files under ``paths`` in a stable order; anything else is reported in ``problems``.

    Folders are searched recursively, skipping hidden names. Symbolic links to
    folders are followed, but no folder is read twice, which ends link loops.
    """
    for given in paths:
        path = Path(given)
        if path.is_dir():
            for found, problem in sorted(_walk(path), key=lambda entry: entry[0]):
                if problem is None:
                    yield found
                else:
                    problems.append(problem)
            continue
        try:
            os.stat(path)
        except OSError as error:
            problems.append(_unreachable(path, error, Severity.ERROR))
            continue
        if path.suffix.lower() in ARTICLE_SUFFIXES:
            yield path
        else:
            problems.append(Problem(shown_path(path), _NOT_ARTICLE, Severity.SKIPPED))


def _walk(top: Path) -> Iterator[tuple[Path, Problem | None]]:
    """Every entry under the folder ``top``, with the problem that keeps it from being an article.

    The real folders are read first; then the symbolic links to folders, each
    unless it leads to a folder read already.
    """
    seen = {_identity(os.stat(top))}
    folders = [top]
    links: list[tuple[Path, tuple[int, int]]] = []
    while folders or links:
        if not folders:
            link, identity = links.pop(0)
            if identity in seen:
                yield link, _repeated_folder(link)
            else:
                seen.add(identity)
                folders.append(link)
            continue
        folder = folders.pop()
        try:
            with os.scandir(folder) as scan:
                entries = sorted(scan, key=lambda entry: entry.name)
        except OSError as error:
            yield folder, Problem(shown_path(folder), f"cannot open folder: {_reason(error)}")
            continue
        for entry in entries:
            if entry.name.startswith("."):
                continue
            path = Path(entry.path)
            try:
                info = os.stat(path)
            except OSError as error:
                yield path, _unreachable(path, error)
                continue
            if stat.S_ISDIR(info.st_mode):
                if entry.is_symlink():
                    links.append((path, _identity(info)))
                elif _identity(info) not in seen:
                    seen.add(_identity(info))
                    folders.append(path)
            elif path.suffix.lower() in ARTICLE_SUFFIXES:
                yield path, None
            else:
                yield path, Problem(shown_path(path), _NOT_ARTICLE, Severity.SKIPPED)


def _identity(info: os.stat_result) -> tuple[int, int]:
    return info.st_dev, info.st_ino


def _repeated_folder(link: Path) -> Problem:
    """The report for a link to a folder that is read already: a loop if it leads to a folder holding it."""
    target = Path(os.path.realpath(link))
    if Path(os.path.realpath(link.parent)).is_relative_to(target):
        message = f"symbolic link loop: leads back to {shown_path(target)}, which holds it; not followed"
    else:
        message = f"link to {shown_path(target)}, which is read already; not read twice"
    return Problem(shown_path(link), message, Severity.SKIPPED)


def _unreachable(path: Path, error: OSError, severity: Severity | None = None) -> Problem:
    """The report for a path ``os.stat`` failed on with ``error``: missing, a broken link, a link loop.

    Unless ``severity`` is given, it is an error for article files only.
    """
    if error.errno == errno.ENOENT and path.is_symlink():
        message = f"broken symbolic link: {shown_path(os.readlink(path))} does not exist"
    elif error.errno == errno.ELOOP:
        message = "symbolic link loop: the link never reaches a file"
    elif error.errno == errno.ENOENT:
        message = "not found"
    else:
        message = f"cannot read: {_reason(error)}"
    if severity is None:
        severity = Severity.ERROR if path.suffix.lower() in ARTICLE_SUFFIXES else Severity.SKIPPED
    return Problem(shown_path(path), message, severity)


def _reason(error: OSError) -> str:
    """An operating-system error in plain words, with what the user can do."""
    if isinstance(error, PermissionError):
        return "permission denied (check that you may read it)"
    if isinstance(error, FileNotFoundError):
        return "not found (was it moved or deleted?)"
    return (error.strerror or str(error)).lower()


def read_text(path: Path, problems: list[Problem] | None = None, *, max_bytes: int = DEFAULT_MAX_BYTES) -> str:
    """The decoded, inert text of ``path``; raises :class:`LoadError` for a file that holds no readable text.

    UTF-8 (with or without byte-order mark) and UTF-16/32 with a byte-order mark
    are read as such; mostly-UTF-8 text has its few bad bytes shown as U+FFFD
    (with a warning in ``problems``); other text is decoded by detection among
    the legacy encodings of the web, or refused.
    """
    return _decoded_text(path, _read_bytes(path, max_bytes), problems)


def _decoded_text(path: Path, data: bytes, problems: list[Problem] | None) -> str:
    """The decoded, inert text of the bytes ``data`` of ``path`` (see :func:`read_text`)."""
    text, warning = decode(data)
    if warning and problems is not None:
        problems.append(Problem(shown_path(path), warning, Severity.WARNING))
    return inert(text)


def _read_bytes(path: Path, max_bytes: int) -> bytes:
    """The bytes of the regular file ``path``, never more than ``max_bytes + 1`` of them."""
    try:
        regular = stat.S_ISREG(os.stat(path).st_mode)
    except OSError as error:
        raise LoadError(f"cannot read: {_reason(error)}") from error
    if not regular:
        raise LoadError(_NOT_REGULAR)
    # Non-blocking, so that a named pipe put in place of the file cannot make the open wait.
    flags = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0)
    try:
        descriptor = os.open(path, flags)
    except OSError as error:
        raise LoadError(f"cannot read: {_reason(error)}") from error
    with os.fdopen(descriptor, "rb") as file:
        info = os.fstat(descriptor)
        if not stat.S_ISREG(info.st_mode):
            raise LoadError(_NOT_REGULAR)
        if info.st_size > max_bytes:
            raise LoadError(f"too large to open: {_megabytes(info.st_size)} (the limit is {_megabytes(max_bytes)})")
        try:
            data = file.read(max_bytes + 1)
        except OSError as error:
            raise LoadError(f"cannot read: {_reason(error)}") from error
    if len(data) > max_bytes:
        raise LoadError(f"too large to open: more than {_megabytes(max_bytes)} (the limit)")
    return data


def _megabytes(size: int) -> str:
    return f"{size / 1_000_000:.1f} MB" if size >= 100_000 else f"{size:,} bytes"


def decode(data: bytes) -> tuple[str, str | None]:
    """The text ``data`` holds and a warning about it if some of it was lost; raises :class:`LoadError`."""
    if not data.strip():
        raise LoadError("empty file")
    text, warning = _decode(data)
    if not text.strip():
        raise LoadError("empty file (only blank space)")
    return text, warning


def _decode(data: bytes) -> tuple[str, str | None]:
    for mark, codec, name in _BYTE_ORDER_MARKS:
        if data.startswith(mark):
            try:
                return data.decode(codec), None
            except UnicodeDecodeError as error:
                raise LoadError(
                    f"not valid {name} text, though it starts with a {name} byte-order mark "
                    f"(bad bytes at offset {error.start})"
                ) from error
    if b"\x00" in data or len(data) - len(data.translate(None, _CONTROL_BYTES)) > _MAX_CONTROL_RATIO * len(data):
        raise LoadError("binary file, not text")
    try:
        return data.decode("utf-8"), None
    except UnicodeDecodeError:
        pass
    text = data.decode("utf-8", errors="replace")
    bad = text.count(REPLACEMENT) - data.count(REPLACEMENT.encode())
    good = len(text) - len(text.encode("ascii", errors="ignore")) - bad
    if good > bad:  # more valid multi-byte characters than bad bytes: UTF-8 with a few errors
        places = "1 place" if bad == 1 else f"{bad} places"
        return text, f"not valid UTF-8 in {places}, shown as {REPLACEMENT}"
    detected = _detect(data)
    if detected is None:
        raise LoadError(
            "unknown text encoding: not UTF-8, and no other encoding fits well; save it as UTF-8 to open it"
        )
    return detected, None


def _detect(data: bytes) -> str | None:
    """``data`` decoded in the legacy web encoding that fits it best, if one fits well enough."""
    from charset_normalizer import from_bytes

    guesses = [g for g in from_bytes(data, cp_isolation=_WEB_ENCODINGS) if g.chaos <= _MAX_CHAOS]
    if not guesses:
        return None
    best = min(g.chaos for g in guesses)
    tied = [g for g in guesses if g.chaos <= best + _CHAOS_TIE]
    western = [g for g in tied if _DEFAULT_WESTERN in g.could_be_from_charset]
    encoding = _DEFAULT_WESTERN if western else tied[0].encoding
    try:
        return data.decode(encoding)
    except UnicodeDecodeError:
        return None


def parse(path: Path, text: str, problems: list[Problem]) -> Article:
    """An article from the decoded ``text`` of ``path``."""
    if path.suffix.lower() == ".txt":
        return _parse_txt(path, text)
    return _parse_markdown(path, text, problems)


def _parse_txt(path: Path, text: str) -> Article:
    passages = []
    pos = 0
    for line in text.split("\n"):
        stripped = line.strip()
        if stripped:
            start = pos + len(line) - len(line.lstrip())
            end = pos + len(line.rstrip())
            passages.append(Passage("", Kind.PARAGRAPH, start, end, text[start:end]))
        pos += len(line) + 1
    title = None
    headline = headline_index([p.text for p in passages])
    if headline is not None:
        passages[headline].kind = Kind.TITLE
        title = passages[headline].text
    return Article(inert(path.stem), path, title, None, None, None, passages)


@dataclass(slots=True)
class _Meta:
    title: str | None = None
    title_given: bool = False
    source: str | None = None
    published: str | None = None
    url: str | None = None
    author: str | None = None
    source_note: str | None = None


def _parse_markdown(path: Path, text: str, problems: list[Problem]) -> Article:
    meta, body_start = _front_matter(path, text, problems)
    passages = list(_markdown_passages(text, body_start))
    title = meta.title
    headline = next(
        (
            i for i, p in enumerate(passages[:_HEADLINE_SEARCH])
            if (title and _normalise(p.text) == _normalise(title)) or (p.kind is Kind.HEADING and _is_h1(text, p))
        ),
        None,
    )
    if headline is None and not meta.title_given:
        headline = headline_index([p.text for p in passages])
    if headline is not None:
        passages[headline].kind = Kind.TITLE
        title = title or passages[headline].text
    return Article(
        inert(path.stem), path, title, meta.source, meta.published, meta.url, passages,
        source_note=meta.source_note, author=meta.author,
    )


# Front matter nesting deeper than this (as far as a quick count can tell) is read by PyYAML's
# Python parser, which stops at Python's recursion limit: LibYAML's overflows the C stack (a crash)
# at some tens of thousands of levels. Real front matter nests two or three levels.
_LIBYAML_DEPTH = 100
_INDENT = re.compile(r"^ {%d}" % _LIBYAML_DEPTH, re.MULTILINE)


@cache
def _metadata_loader(libyaml: bool) -> type[yaml.SafeLoader]:
    """YAML's safe loader, but a date or number Python cannot hold (2024-13-45, 5000 digits) stays text.

    With ``libyaml``, on LibYAML's parser if PyYAML was built with it (five times quicker than Python's).
    """
    import yaml

    safe = getattr(yaml, "CSafeLoader", yaml.SafeLoader) if libyaml else yaml.SafeLoader

    class MetadataLoader(safe):  # type: ignore[misc, valid-type]
        pass

    for tag, construct in (
        ("tag:yaml.org,2002:timestamp", yaml.SafeLoader.construct_yaml_timestamp),
        ("tag:yaml.org,2002:int", yaml.SafeLoader.construct_yaml_int),
    ):
        MetadataLoader.add_constructor(tag, _or_scalar(construct))
    return MetadataLoader


def _shallow(text: str) -> bool:
    """Whether YAML ``text`` surely nests less than ``_LIBYAML_DEPTH`` levels: it opens fewer flow
    collections than that and indents no line that far."""
    return text.count("[") + text.count("{") < _LIBYAML_DEPTH and not _INDENT.search(text)


def _or_scalar(construct):
    """``construct``, but a value it cannot build is kept as its text."""

    def construct_or_text(loader: yaml.SafeLoader, node: yaml.ScalarNode) -> object:
        try:
            return construct(loader, node)
        except ValueError:
            return loader.construct_scalar(node)

    return construct_or_text


def _front_matter(path: Path, text: str, problems: list[Problem]) -> tuple[_Meta, int]:
    """Metadata from YAML front matter (keys of common web clippers too) and where the body starts.

    Front matter that cannot be read is reported as a warning; the body still shows.
    """
    import yaml

    meta = _Meta()
    match = _FRONT_MATTER.match(text)
    if not match:
        if _OPEN_FRONT_MATTER.match(text):
            problems.append(Problem(
                shown_path(path),
                "malformed front matter (line 1): the '---' block is never closed by a '---' line, "
                "so it is shown as text",
                Severity.WARNING,
            ))
        return meta, 0

    def malformed(line: int, reason: str) -> tuple[_Meta, int]:
        problems.append(Problem(
            shown_path(path),
            f"malformed front matter (line {line}): {reason}; the article is shown without its metadata",
            Severity.WARNING,
        ))
        return meta, match.end()

    try:
        data = yaml.load(match.group(1), Loader=_metadata_loader(_shallow(match.group(1))))  # noqa: S506 - safe
    except yaml.MarkedYAMLError as error:
        mark = error.problem_mark or error.context_mark
        return malformed(mark.line + 2 if mark else 1, inert(error.problem or error.context or "not valid YAML"))
    except yaml.YAMLError:
        return malformed(1, "not valid YAML")
    except RecursionError:
        return malformed(1, "nested too deeply")
    if data is None:
        return meta, match.end()
    if not isinstance(data, dict):
        return malformed(2, f"expected 'key: value' lines, found {_yaml_kind(data)}")
    data = {str(k).lower(): v for k, v in data.items()}
    meta.title_given = "title" in data
    meta.title = _text(data.get("title"))
    url = _text(data.get("url")) or _text(data.get("link"))
    source = _text(data.get("source"))
    if source and _is_url(source):  # clippers write the page address as "source"
        url, source = url or source, None
    meta.url = url
    meta.source = source or _text(data.get("site")) or _text(data.get("publisher")) or _text(data.get("site_name"))
    meta.published = _iso_date(data.get("published", data.get("date", data.get("created"))))
    author = data.get("author", data.get("authors"))
    if isinstance(author, list):  # only its plain items: a nested list can be an alias bomb
        meta.author = ", ".join(filter(None, map(_text, author))) or None
    else:
        meta.author = _text(author)
    meta.source_note = _text(data.get("source_note"))
    return meta, match.end()


def _yaml_kind(data: object) -> str:
    return "a list" if isinstance(data, list) else f"a single value ({inert(str(data))[:40]!r})"


def _text(value: object) -> str | None:
    """A metadata value as inert text (YAML escapes such as ``\\e`` can make control characters)."""
    if value is None or isinstance(value, (dict, list, set)):
        return None
    value = inert(str(value)).strip()
    return value or None


def _is_url(value: str) -> bool:
    parsed = urlparse(value)
    return parsed.scheme in ("http", "https") and bool(parsed.netloc)


def _iso_date(value: object) -> str | None:
    if isinstance(value, dt.datetime):
        return value.date().isoformat()
    if isinstance(value, dt.date):
        return value.isoformat()
    value = _text(value)
    if value is None:
        return None
    try:
        return dt.datetime.fromisoformat(value.replace("Z", "+00:00")).date().isoformat()
    except ValueError:
        return value


def _normalise(text: str) -> str:
    return " ".join(text.casefold().lstrip("#").split())


def _is_h1(text: str, passage: Passage) -> bool:
    line_start = text.rfind("\n", 0, passage.start) + 1
    return text[line_start:passage.start].strip() == "#"


_CONTAINERS = {"blockquote_open": Kind.QUOTE, "list_item_open": Kind.LIST_ITEM}


@cache
def _markdown():
    """The Markdown parser. Passages need the blocks and their text, not their inline structure:
    inline parsing is skipped."""
    from markdown_it import MarkdownIt

    return MarkdownIt("commonmark").disable(["inline", "text_join"], ignoreInvalid=True)


def _markdown_passages(text: str, body_start: int) -> Iterator[Passage]:
    body = text[body_start:]
    line_starts = [0]
    for match in re.finditer("\n", body):
        line_starts.append(match.end())
    line_starts.append(len(body) + 1)

    def region(token_map: list[int]) -> tuple[int, int]:
        first, last = token_map
        return line_starts[first], line_starts[min(last, len(line_starts) - 1)] - 1

    containers: list[Kind] = []
    opening: Kind | None = None
    for token in _markdown().parse(body):
        if token.type in _CONTAINERS:
            containers.append(_CONTAINERS[token.type])
        elif token.type in ("blockquote_close", "list_item_close"):
            containers.pop()
        elif token.type == "heading_open":
            opening = Kind.HEADING
        elif token.type == "paragraph_open":
            opening = containers[-1] if containers else Kind.PARAGRAPH
        elif token.type == "inline" and opening is not None and token.map:
            yield _passage(body, body_start, region(token.map), token.content, opening)
            opening = None
        elif token.type in ("code_block", "fence", "html_block") and token.map:
            # Scraped text often has indented lines; they are prose, not code.
            yield _passage(body, body_start, region(token.map), token.content, Kind.PARAGRAPH)


def _passage(body: str, offset: int, region: tuple[int, int], content: str, kind: Kind) -> Passage:
    """A passage for ``content``, spanning where it stands in ``body[region]``."""
    start, end = region
    content = content.strip()
    exact = body.find(content, start, end + 1)
    if exact >= 0:
        start, end = exact, exact + len(content)
        content = body[start:end]
    else:
        lines = content.split("\n")
        first = body.find(lines[0], start, end + 1)
        last = body.rfind(lines[-1], start, end + 1)
        if first >= 0 and last >= first:
            start, end = first, last + len(lines[-1])
    return Passage("", kind, offset + start, offset + end, content)
