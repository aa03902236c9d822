"""The user's verdicts on links (confirmed or rejected), kept in the user data directory, never beside the articles.

A verdict names its two passages by an identity that survives reloading and
moving the folder: the passage's character span in its article plus a
fingerprint of that article's content (a hash of every passage's span and
text). Editing an article changes its fingerprint, so verdicts on it lapse
rather than land on the wrong passage.

The file is ``link-feedback.json`` in ``paths.user_data_dir()``::

    {"version": 1, "links": {"<passage key> <passage key>": "confirmed" | "rejected"}}

It is replaced atomically (``reader.atomic``), so a crash never leaves half
a file, and rewritten under a lock, so two instances recording verdicts at
once both keep theirs; a damaged or foreign file is ignored, never an error.

The link stage applies the verdicts (``apply``): a rejected link is removed,
a confirmed link is kept (or made) with score 1.0 and the reason
``CONFIRMED_WHY``.
"""

from __future__ import annotations

import hashlib
import json
from enum import StrEnum
from pathlib import Path

from reader import paths
from reader.atomic import locked, write_atomic
from reader.model import Article, Corpus, Link, Passage

FILE_NAME = "link-feedback.json"
VERSION = 1
CONFIRMED_WHY = ("confirmed by you",)


class Verdict(StrEnum):
    CONFIRMED = "confirmed"
    REJECTED = "rejected"


def feedback_path() -> Path:
    return paths.user_data_dir() / FILE_NAME


def article_fingerprint(article: Article) -> str:
    """A short hash of the article's content: every passage's span and text."""
    digest = hashlib.sha256()
    for passage in article.passages:
        digest.update(f"{passage.start}:{passage.end}:{passage.text}\x1e".encode())
    return digest.hexdigest()[:16]


def passage_key(article: Article, passage: Passage) -> str:
    """The identity of a passage across sessions: its article's fingerprint and its span."""
    return _span_key(article_fingerprint(article), passage)


def _span_key(fingerprint: str, passage: Passage) -> str:
    return f"{fingerprint}:{passage.start}-{passage.end}"


def pair_key(key_a: str, key_b: str) -> str:
    """The identity of a link, the same in both directions."""
    return " ".join(sorted((key_a, key_b)))


def load(path: Path | None = None) -> dict[str, Verdict]:
    """The stored verdicts by pair key; an absent, unreadable or damaged file gives none."""
    path = path or feedback_path()
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, ValueError):
        return {}
    links = data.get("links") if isinstance(data, dict) else None
    if not isinstance(links, dict):
        return {}
    verdicts = {}
    for key, value in links.items():
        if isinstance(key, str) and len(key.split(" ")) == 2 and value in Verdict._value2member_map_:
            verdicts[key] = Verdict(value)
    return verdicts


def save(verdicts: dict[str, Verdict], path: Path | None = None) -> None:
    """Write all verdicts atomically; raises OSError if the folder cannot be written."""
    links = {key: verdict.value for key, verdict in sorted(verdicts.items())}
    write_atomic(path or feedback_path(), json.dumps({"version": VERSION, "links": links}, indent=1))


def record(corpus: Corpus, passage_id: str, other_id: str, verdict: Verdict | None, path: Path | None = None) -> None:
    """Store the user's verdict on the link between two passages (None forgets it) and apply it to ``corpus``."""
    key = pair_key(*(passage_key(*corpus.locate(pid)) for pid in (passage_id, other_id)))
    path = path or feedback_path()
    with locked(path):  # another instance may be recording too: read, change and write in turn
        verdicts = load(path)
        if verdict is None:
            verdicts.pop(key, None)
        else:
            verdicts[key] = verdict
        save(verdicts, path)
    if verdict is not None:
        apply(corpus, {key: verdict})


def apply(corpus: Corpus, verdicts: dict[str, Verdict]) -> set[str]:
    """Remove rejected links and add confirmed ones (score 1.0) between passages of ``corpus``; the ids of
    the passages at either end of a verdict applied."""
    changed: set[str] = set()
    if not verdicts:
        return changed
    by_key = {}
    for article in corpus.articles:
        fingerprint = article_fingerprint(article)
        for passage in article.passages:
            by_key[_span_key(fingerprint, passage)] = (article, passage)
    for key, verdict in verdicts.items():
        ends = [by_key.get(k) for k in key.split(" ")]
        if None in ends or ends[0][0] is ends[1][0]:
            continue
        (_, a), (_, b) = ends
        changed.update((a.id, b.id))
        for passage, other in ((a, b), (b, a)):
            passage.links = [link for link in passage.links if link.to != other.id]
            if verdict is Verdict.CONFIRMED and passage.kept and other.kept:
                passage.links.insert(0, Link(other.id, 1.0, CONFIRMED_WHY))
    return changed
