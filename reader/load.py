"""Turn files and folders into articles made of passages.

``.md`` files: optional YAML front matter, then a Markdown body parsed by
markdown-it-py into blocks (heading, paragraph, list item, blockquote).
``.txt`` files: every non-blank line is a paragraph, as scrapers save them.
Every passage keeps its character span in the file's decoded text.
"""

from __future__ import annotations

import datetime as dt
import os
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlparse

import yaml
from markdown_it import MarkdownIt

from reader.model import Article, Corpus, Kind, Passage, Problem, Severity

ARTICLE_SUFFIXES = (".md", ".markdown", ".txt")
_NOT_ARTICLE = "skipped: not a .md or .txt article"

_MARKDOWN = MarkdownIt("commonmark")
_FRONT_MATTER = re.compile(r"\A---[ \t]*\r?\n(.*?)^(?:---|\.\.\.)[ \t]*(?:\r?\n|\Z)", re.S | re.M)
_CLOSING_PUNCTUATION = ".,:;"


class LoadError(Exception):
    """A file that cannot become an article; the message is shown to the user."""


def load(paths: Iterable[Path | str]) -> Corpus:
    """Load every article under ``paths`` (files or folders, searched recursively)."""
    corpus = Corpus()
    used_ids: set[str] = set()
    for path in discover(paths, corpus.problems):
        try:
            text = read_text(path)
            article = parse(path, text, corpus.problems)
        except LoadError as error:
            corpus.problems.append(Problem(str(path), str(error)))
            continue
        article.id = _unique(article.id, used_ids)
        for n, passage in enumerate(article.passages):
            passage.id = f"{article.id}:{n}"
        corpus.articles.append(article)
    return corpus


def discover(paths: Iterable[Path | str], problems: list[Problem]) -> Iterator[Path]:
    """Article files under ``paths`` in a stable order; anything else is reported."""
    for given in paths:
        path = Path(given)
        if path.is_dir():
            for found in sorted(_walk(path)):
                if found.suffix.lower() in ARTICLE_SUFFIXES:
                    yield found
                else:
                    problems.append(Problem(str(found), _NOT_ARTICLE, Severity.SKIPPED))
        elif path.is_file():
            if path.suffix.lower() in ARTICLE_SUFFIXES:
                yield path
            else:
                problems.append(Problem(str(path), _NOT_ARTICLE, Severity.SKIPPED))
        else:
            problems.append(Problem(str(path), "not found"))


def _walk(folder: Path) -> Iterator[Path]:
    """Files under ``folder``, skipping hidden files and folders."""
    for root, dirs, files in os.walk(folder):
        dirs[:] = [d for d in dirs if not d.startswith(".")]
        for name in files:
            if not name.startswith("."):
                yield Path(root, name)


def read_text(path: Path) -> str:
    """The decoded text of ``path``: UTF-8, with or without a byte-order mark."""
    try:
        data = path.read_bytes()
    except OSError as error:
        raise LoadError(f"cannot read: {error.strerror or error}") from error
    if not data.strip():
        raise LoadError("empty file")
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        raise LoadError(f"not UTF-8 text (invalid byte at offset {error.start})") from error


def parse(path: Path, text: str, problems: list[Problem]) -> Article:
    """An article from the decoded ``text`` of ``path``."""
    if path.suffix.lower() == ".txt":
        return _parse_txt(path, text)
    return _parse_markdown(path, text, problems)


def looks_like_headline(line: str) -> bool:
    """Whether a first line reads as a headline: short, with no closing full stop."""
    line = line.strip()
    words = line.split()
    return (
        0 < len(words) <= 20
        and len(line) <= 160
        and any(ch.isalpha() for ch in line)
        and line.rstrip("\"'”’)»")[-1:] not in _CLOSING_PUNCTUATION
    )


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
    if len(passages) > 1 and looks_like_headline(passages[0].text):
        passages[0].kind = Kind.TITLE
        title = passages[0].text
    return Article(path.stem, path, title, None, None, None, passages)


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
    if passages:
        first = passages[0]
        same = title and _normalise(first.text) == _normalise(title)
        guessed = not meta.title_given and looks_like_headline(first.text) and len(passages) > 1
        if same or guessed or (first.kind is Kind.HEADING and _is_h1(text, first)):
            first.kind = Kind.TITLE
            title = title or first.text
    return Article(
        path.stem, path, title, meta.source, meta.published, meta.url, passages,
        source_note=meta.source_note, author=meta.author,
    )


def _front_matter(path: Path, text: str, problems: list[Problem]) -> tuple[_Meta, int]:
    """Metadata from YAML front matter (keys of common web clippers too) and where the body starts."""
    meta = _Meta()
    match = _FRONT_MATTER.match(text)
    if not match:
        return meta, 0
    try:
        data = yaml.safe_load(match.group(1))
    except yaml.YAMLError as error:
        where = getattr(error, "problem_mark", None)
        line = f" (line {where.line + 2})" if where else ""
        problems.append(Problem(str(path), f"malformed front matter{line}: the body is shown without it", Severity.WARNING))
        return meta, match.end()
    if data is None:
        return meta, match.end()
    if not isinstance(data, dict):
        problems.append(Problem(str(path), "malformed front matter: not a mapping of keys to values", Severity.WARNING))
        return meta, match.end()
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
    meta.author = ", ".join(map(str, author)) if isinstance(author, list) else _text(author)
    meta.source_note = _text(data.get("source_note"))
    return meta, match.end()


def _text(value: object) -> str | None:
    if value is None or isinstance(value, (dict, list)):
        return None
    value = str(value).strip()
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
    for token in _MARKDOWN.parse(body):
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


def _unique(candidate: str, used: set[str]) -> str:
    name, n = candidate, 1
    while name in used:
        n += 1
        name = f"{candidate}-{n}"
    used.add(name)
    return name
