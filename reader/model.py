"""The document model: articles made of passages, annotated by layers of spans.

As in spaCy, the text is never changed: every annotation is a span over the
unchanged passage text (entities), a verdict on the whole passage
(boilerplate), or a pointer to another passage (links). Loading fills the
articles and passages; each analysis fills one layer.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import StrEnum
from functools import cached_property
from pathlib import Path


class Kind(StrEnum):
    """What a passage is in its article's structure."""

    TITLE = "title"
    HEADING = "heading"
    PARAGRAPH = "paragraph"
    LIST_ITEM = "list_item"
    QUOTE = "quote"


def unique_name(candidate: str, used: set[str]) -> str:
    """``candidate``, or ``candidate-2``, ``-3``... if taken; the name returned is added to ``used``."""
    name, n = candidate, 1
    while name in used:
        n += 1
        name = f"{candidate}-{n}"
    used.add(name)
    return name


def passage_id(article_id: str, index: int) -> str:
    """The id of an article's ``index``-th passage: unique across the open articles."""
    return f"{article_id}:{index}"


def article_id_of(passage_id: str) -> str:
    """The id of the article a passage id belongs to."""
    return passage_id.rsplit(":", 1)[0]


@dataclass(frozen=True, slots=True)
class Entity:
    """A named-entity mention: ``text[start:end]`` of its passage."""

    start: int
    end: int
    label: str  # PERSON, ORG, PLACE, DATE, ...
    key: str  # one key per real-world entity across the open articles


@dataclass(frozen=True, slots=True)
class Link:
    """Evidence that another passage reports the same thing."""

    to: str  # passage id
    score: float  # in [0, 1]
    why: tuple[str, ...]


@dataclass(slots=True)
class Passage:
    """One block of an article; ``start``/``end`` are offsets into the file's decoded text."""

    id: str
    kind: Kind
    start: int
    end: int
    text: str
    boilerplate: str | None = None  # None: article text; else the reason it was removed
    entities: list[Entity] = field(default_factory=list)
    links: list[Link] = field(default_factory=list)

    @property
    def kept(self) -> bool:
        return self.boilerplate is None


@dataclass(slots=True)
class Article:
    id: str
    path: Path
    title: str | None
    source: str | None
    published: str | None  # ISO date
    url: str | None
    passages: list[Passage]
    source_note: str | None = None
    author: str | None = None
    story: str | None = None

    @property
    def body(self) -> list[Passage]:
        """Passages other than the title passage."""
        return [p for p in self.passages if p.kind is not Kind.TITLE]

    @property
    def display_title(self) -> tuple[str, bool]:
        """The title to show and whether it was derived (the article has none)."""
        if self.title:
            return self.title, False
        for passage in self.body:
            if passage.kept and passage.text.strip():
                return derive_title(passage.text), True
        return self.path.stem, True

    @property
    def removed_count(self) -> int:
        return sum(not p.kept for p in self.passages)


def derive_title(text: str, limit: int = 80) -> str:
    """A stand-in title for an untitled article: its first sentence, shortened."""
    text = " ".join(text.split())
    for stop in (". ", "? ", "! "):
        cut = text.find(stop)
        if 0 < cut < limit:
            text = text[: cut + 1]
    if len(text) > limit:
        text = text[: limit - 1].rsplit(" ", 1)[0] + "…"
    return text


class Severity(StrEnum):
    ERROR = "error"  # the file could not be opened as an article
    WARNING = "warning"  # the article opened, but part of the file was ignored
    SKIPPED = "skipped"  # not an article file


@dataclass(frozen=True, slots=True)
class Problem:
    """A file that could not be read fully, with a message for the user."""

    path: str
    message: str
    severity: Severity = Severity.ERROR


@dataclass(frozen=True, slots=True)
class Event:
    """Passages of several articles that report the same thing."""

    id: str
    passage_ids: tuple[str, ...]
    sources: tuple[str, ...]  # article ids, in corpus order


@dataclass
class Corpus:
    """Everything opened in one session; its articles are fixed once loaded."""

    articles: list[Article] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)
    events: list[Event] = field(default_factory=list)

    def locate(self, passage_id: str) -> tuple[Article, Passage] | None:
        """The article and passage a passage id names."""
        return self._by_passage_id.get(passage_id)

    @cached_property
    def _by_passage_id(self) -> dict[str, tuple[Article, Passage]]:
        return {p.id: (a, p) for a in self.articles for p in a.passages}
