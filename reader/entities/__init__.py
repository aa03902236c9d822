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
from reader.entities.mentions import LABELS, scan
from reader.entities.resolve import Resolver, amount_key, key_for
from reader.model import Corpus, Entity, article_id_of

__all__ = ["EntityInfo", "annotate_entities", "entity_index"]

_START = attrgetter("start")


def annotate_entities(corpus: Corpus) -> None:
    """Fill every passage's ``entities``: sorted, not overlapping, keyed across the corpus."""
    texts = [[p.text for p in article.passages] for article in corpus.articles]
    amounts = [find_amounts_by_passage(article) for article in texts]
    mentions = [scan(article, spans) for article, spans in zip(texts, amounts)]
    resolver = Resolver(mentions, texts)
    names = resolver.names()
    resolver.resolve(names)
    found: list[list[list[Entity]]] = [
        [[Entity(s, e, label, amount_key(label, text[s:e])) for s, e, label in spans]
         for text, spans in zip(article, passages)]
        for article, passages in zip(texts, amounts)
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
