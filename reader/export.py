"""The JSON export: the contract scored by the evaluation (bump VERSION on any change)."""

from __future__ import annotations

import json
from typing import Any

from reader.model import Article, Corpus, Passage

VERSION = 1


def to_dict(corpus: Corpus) -> dict[str, Any]:
    return {
        "version": VERSION,
        "articles": [_article(a) for a in corpus.articles],
        "problems": [{"path": p.path, "message": p.message} for p in corpus.problems],
    }


def to_json(corpus: Corpus) -> str:
    return json.dumps(to_dict(corpus), ensure_ascii=False)


def _article(article: Article) -> dict[str, Any]:
    return {
        "id": article.id,
        "path": str(article.path),
        "title": article.title,
        "source": article.source,
        "published": article.published,
        "url": article.url,
        "story": article.story,
        "passages": [_passage(p) for p in article.passages],
    }


def _passage(passage: Passage) -> dict[str, Any]:
    return {
        "id": passage.id,
        "kind": passage.kind.value,
        "span": [passage.start, passage.end],
        "text": passage.text,
        "boilerplate": passage.boilerplate,
        "entities": [
            {"start": e.start, "end": e.end, "label": e.label, "key": e.key} for e in passage.entities
        ],
        "links": [{"to": l.to, "score": round(l.score, 3), "why": list(l.why)} for l in passage.links],
    }
