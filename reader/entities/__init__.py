"""Named entities: people, organisations, places and dates in every passage, with one key per
real-world entity across the open articles.

No model and no network: capitalised word sequences, word lists shipped in ``reader.data``
(gazetteers, organisation and place head words, titles), cue words around a name, and the
evidence of the whole article and corpus (see :mod:`reader.entities.resolve`). Dates, times and
amounts come from written-form patterns (:mod:`reader.entities.dates`).

``annotate_entities`` is the pipeline stage; ``entity_index`` is what a viewer lists.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from dataclasses import dataclass, field
from operator import attrgetter

from reader.entities.dates import find_amounts_by_passage
from reader.entities.mentions import LABELS, Mention, scan
from reader.entities.resolve import Resolver, amount_key, key_for
from reader.model import Corpus, Entity, article_id_of

__all__ = ["ArticleScan", "EntityInfo", "annotate_entities", "entity_index", "scan_article"]

_START = attrgetter("start")


@dataclass(slots=True)
class ArticleScan:
    """What the recogniser finds in one article's passages on their own, before the corpus decides.

    ``amounts[p]`` are the (start, end, label) of the dates, times and amounts of passage ``p``;
    ``mentions[p]`` its name candidates.
    """

    amounts: list[list[tuple[int, int, str]]]
    mentions: list[list[Mention]]


def scan_article(texts: list[str]) -> ArticleScan:
    """Scan the passage ``texts`` of one article."""
    amounts = find_amounts_by_passage(texts)
    return ArticleScan(amounts, scan(texts, amounts))


def annotate_entities(corpus: Corpus, scans: list[ArticleScan] | None = None) -> None:
    """Fill every passage's ``entities``: sorted, not overlapping, keyed across the corpus.

    ``scans`` are the articles' :func:`scan_article` results, when known already (cached).
    """
    texts = [[p.text for p in article.passages] for article in corpus.articles]
    if scans is None:
        scans = [scan_article(article) for article in texts]
    resolver = Resolver([article_scan.mentions for article_scan in scans], texts)
    names = resolver.names()
    resolver.resolve(names)
    found: list[list[list[Entity]]] = [
        [[Entity(s, e, label, amount_key(label, text[s:e])) for s, e, label in spans]
         for text, spans in zip(article, article_scan.amounts)]
        for article, article_scan in zip(texts, scans)
    ]
    for article_names in names:
        for name in article_names:
            found[name.article][name.passage].append(
                Entity(name.start, name.end, LABELS[name.label], key_for(name.label, name.canonical))
            )
    for article, entities in zip(corpus.articles, found):
        for passage, passage_entities in zip(article.passages, entities):
            passage_entities.sort(key=_START)
            passage.entities = passage_entities


@dataclass
class EntityInfo:
    """One real-world entity of the corpus: its type, the name to show, and every mention."""

    key: str
    label: str
    name: str  # the longest form it is written in (the commonest, among equally long ones)
    mentions: list[tuple[str, Entity]] = field(default_factory=list)  # (passage id, entity), in corpus order

    def count_by_article(self) -> dict[str, int]:
        """How many mentions each article has (article id -> count), in corpus order."""
        counts: dict[str, int] = {}
        for passage_id, _entity in self.mentions:
            article_id = article_id_of(passage_id)
            counts[article_id] = counts.get(article_id, 0) + 1
        return counts


def entity_index(corpus: Corpus) -> dict[str, EntityInfo]:
    """Every entity key of an annotated corpus, with its label, display name and mentions."""
    index: dict[str, EntityInfo] = {}
    forms: dict[str, Counter] = defaultdict(Counter)
    for article in corpus.articles:
        for passage in article.passages:
            for entity in passage.entities:
                info = index.get(entity.key)
                if info is None:
                    info = index[entity.key] = EntityInfo(entity.key, entity.label, "")
                info.mentions.append((passage.id, entity))
                forms[entity.key][passage.text[entity.start:entity.end]] += 1
    for key, info in index.items():
        info.name = max(forms[key].items(), key=lambda item: (len(item[0]), item[1]))[0]
    return index
