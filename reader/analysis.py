"""The analysis pipeline: each stage fills one annotation layer of the corpus, in order.

With a cache (:mod:`reader.cache`), the same stages take what they can from it and keep what they
compute, each result keyed by everything it depends on, so the result is the same as without the
cache (see ``Run``):

* clean: each article's own verdicts (``judgements``, keyed by its passages as loaded); the lines
  repeated across articles of a source are found again every time, from the judgements;
* entities: the corpus's entities (``entities``, keyed by all its articles' passages); when an
  article changed, the keys are merged over the corpus again from each article's name candidates
  (``scans``, keyed by its passages);
* stories: the story of every article (``stories``, keyed by the whole analysed corpus);
* links: each story's links before the user's feedback and the event groups they form (``links``,
  keyed by the story's analysed articles); the feedback is applied every time, and the events of
  the stories it changes are found again.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from typing import Any

from reader import feedback, links
from reader.cache import FILES, Cache, content_key
from reader.clean import Judgement, judge_article, mark_boilerplate
from reader.collector import cycle_collection_paused
from reader.entities import ArticleScan, annotate_entities, scan_article
from reader.entities.mentions import Mention
from reader.evidence import Vocabulary
from reader.links import link_passages
from reader.model import Article, Corpus, Entity, Link, Passage
from reader.stories import group_stories
from reader.workers import Workers, share

# Part of the cache key with the code itself (see reader.cache.analyser_version): bump it to make
# every cache stale when results change for a reason the code does not show.
VERSION = "1"

PARALLEL_ARTICLES = 200  # fewer articles to clean or scan are all done in this process (sharing would cost more)
ARTICLES_PER_BATCH = 20  # articles cleaned or scanned by a worker per message (about 20 ms of work)

Stage = Callable[[Corpus], None]

# (name, stage) in the order they must run: later stages read earlier layers. ``analyse`` runs them
# as ``Run`` does, sharing what it can between them and with worker processes.
STAGES: tuple[tuple[str, Stage], ...] = (
    ("clean", mark_boilerplate),
    ("entities", annotate_entities),
    ("stories", group_stories),
    ("links", link_passages),
)

# The kinds of cache records the stages keep (see reader.cache).
JUDGEMENTS, SCANS, ENTITIES, STORIES, LINKS = "judgements", "scans", "entities", "stories", "links"


class Cancelled(Exception):
    """The analysis stopped before its end because its ``should_stop()`` said so."""


def analyse(
    corpus: Corpus,
    on_stage: Callable[[str, int, int], None] | None = None,
    cache: Cache | None = None,
    should_stop: Callable[[], bool] | None = None,
    workers: Workers | None = None,
) -> Corpus:
    """Run every stage over ``corpus``; ``on_stage(name, done, total)`` hears as each stage starts.

    With a ``cache``, results of unchanged articles and stories are taken from it, new ones are
    kept in it, and it is written as each stage ends. Worker processes take a share of the work
    when there is enough of it (see :mod:`reader.workers`).

    ``should_stop()`` is asked before each stage, and within the stages before each article is
    cleaned, scanned or read for stories and before each story is linked; once it answers True,
    :class:`Cancelled` is raised there, leaving ``corpus`` partly analysed (the cache keeps what
    the finished stages wrote).
    """

    def checkpoint() -> None:
        if should_stop is not None and should_stop():
            raise Cancelled

    own_workers = workers is None
    workers = Workers() if workers is None else workers
    run = Run(cache, workers, checkpoint)
    if cache is not None:
        cache.flush([FILES])
    try:
        with cycle_collection_paused():
            for done, (name, stage) in enumerate(run.stages):
                checkpoint()
                if on_stage is not None:
                    on_stage(name, done, len(run.stages))
                stage(corpus)
    finally:
        if own_workers:
            workers.close()
    return corpus


class Run:
    """The STAGES of one analysis, each taking what it can from ``cache`` and keeping what it computes.

    ``workers`` take a share of the cleaning, scanning, reading and linking when there is enough;
    the stories and the links read the passages' tokens through one ``vocabulary`` (see
    :class:`reader.evidence.Vocabulary`); ``checkpoint()`` is called before each article is cleaned,
    scanned or read for stories and before each story is linked, and may raise to stop.
    """

    def __init__(self, cache: Cache | None, workers: Workers, checkpoint: Callable[[], None]) -> None:
        self.cache = cache
        self.workers = workers
        self.vocabulary = Vocabulary()
        self.checkpoint = checkpoint
        self.stages: tuple[tuple[str, Stage], ...] = (
            ("clean", self.clean),
            ("entities", self.entities),
            ("stories", self.stories),
            ("links", self.links),
        )
        self._keys: list[str] = []  # each article's key: its passages as loaded (see article_key)
        self._analysed: dict[int, str] = {}  # id(article) -> its analysed_key
        self._stories_key = ""

    def clean(self, corpus: Corpus) -> None:
        articles = corpus.articles
        self._keys = [article_key(article) for article in articles]
        judgements = [_decoded(decode_judgement, self._get(JUDGEMENTS, key)) for key in self._keys]
        unjudged = [n for n, (article, judgement) in enumerate(zip(articles, judgements))
                    if judgement is None or not _fits(judgement, article)]
        self._per_article(unjudged, judge_article, lambda n: (articles[n],), judgements, JUDGEMENTS, encode_judgement)
        mark_boilerplate(corpus, judgements)
        self._flush([JUDGEMENTS])

    def _per_article(self, missing: list[int], function: Callable, arguments: Callable[[int], tuple],
                     results: list, kind: str, encode: Callable) -> None:
        """``function(*arguments(n))`` for each article ``n`` in ``missing``, into ``results[n]`` and the cache as ``kind``.

        The work is shared with the worker processes when there are enough articles.
        """
        found = share(
            self.workers if len(missing) >= PARALLEL_ARTICLES else None,
            len(missing),
            send=lambda k: (function, arguments(missing[k])),
            here=lambda k: function(*arguments(missing[k])),
            checkpoint=self.checkpoint,
            batch=ARTICLES_PER_BATCH,
        )
        for n, result in zip(missing, found):
            results[n] = result
            self._keep(kind, self._keys[n], encode, result)

    def entities(self, corpus: Corpus) -> None:
        """The corpus's entities if its articles are unchanged, else the entity stage over the articles' scans."""
        key = content_key(*self._keys)
        if restore_entities(self._get(ENTITIES, key), corpus):
            self._flush([ENTITIES])
            return
        articles = corpus.articles
        scans = [_decoded(decode_scan, self._get(SCANS, scan_key)) for scan_key in self._keys]
        unscanned = [n for n, (article, scan) in enumerate(zip(articles, scans))
                     if scan is None or not len(scan.amounts) == len(scan.mentions) == len(article.passages)]
        self._per_article(
            unscanned, scan_article, lambda n: ([p.text for p in articles[n].passages],), scans, SCANS, encode_scan
        )
        annotate_entities(corpus, scans)
        self._keep(ENTITIES, key, encode_entities, corpus)
        self._flush([SCANS, ENTITIES])

    def stories(self, corpus: Corpus) -> None:
        self._analysed = {id(article): analysed_key(article) for article in corpus.articles}
        self._stories_key = content_key(*self._analysed.values())
        record = self._get(STORIES, self._stories_key)
        if _is_story_list(record, len(corpus.articles)):
            for article, story in zip(corpus.articles, record):
                article.story = story
        else:
            group_stories(corpus, self.vocabulary, self.workers, self.checkpoint)
            self._keep(STORIES, self._stories_key, _story_list, corpus)
        self._flush([STORIES])

    def links(self, corpus: Corpus) -> None:
        """As :func:`reader.links.link_passages`: each story's links before feedback and the events come
        from the cache when what they depend on is unchanged."""
        stories = list(links.stories_of(corpus))
        groups: list[links.Groups | None] = []
        unlinked: list[tuple[str, int]] = []  # the stories not in the cache: key, position
        for n, passages in enumerate(stories):
            members = dict.fromkeys(id(article) for article, _ in passages)
            key = content_key(*(self._analysed[member] for member in members))
            groups.append(restore_links(self._get(LINKS, key), passages))
            if groups[-1] is None:
                unlinked.append((key, n))
        linked = links.link_stories([stories[n] for _, n in unlinked], self.vocabulary, self.checkpoint, self.workers)
        for (key, n), found in zip(unlinked, linked):
            groups[n] = found
            self._keep(LINKS, key, encode_links, (stories[n], found))
        changed = feedback.apply(corpus, feedback.load())
        corpus.events = links.find_events(corpus, links.unchanged_groups(stories, groups, changed))
        self._flush([LINKS])

    def _get(self, kind: str, key: str) -> Any | None:
        """The record of ``kind`` kept under ``key`` in the cache, if any."""
        return None if self.cache is None else self.cache.get(kind, key)

    def _keep(self, kind: str, key: str, encode: Callable[[Any], Any], result: Any) -> None:
        """Keep ``encode(result)`` in the cache, if any, under ``key``."""
        if self.cache is not None:
            self.cache.put(kind, key, encode(result))

    def _flush(self, kinds: list[str]) -> None:
        if self.cache is not None:
            self.cache.flush(kinds)


def _story_list(corpus: Corpus) -> list[str | None]:
    return [article.story for article in corpus.articles]


def _decoded(decode: Callable, record: object):
    """``decode(record)``, or None when there is no record or it is malformed."""
    if record is None:
        return None
    try:
        return decode(record)
    except (TypeError, ValueError, IndexError, KeyError):
        return None


def _fits(judgement: Judgement, article: Article) -> bool:
    """Whether a judgement read from the cache can be applied to ``article`` (the key says it was made for it)."""
    passages, lines = len(article.passages), len(judgement.owners)
    return (all(0 <= n < passages for n in (*judgement.owners, *judgement.headings))
            and all(0 <= i < lines for i, _ in judgement.repeatable))


def _is_story_list(record: object, count: int) -> bool:
    return isinstance(record, list) and len(record) == count and all(s is None or isinstance(s, str) for s in record)


# -- record keys -----------------------------------------------------------------------------------

def article_key(article: Article) -> str:
    """What cleaning and scanning one article depend on: its passages as loaded and how it was read."""
    return content_key(
        "txt" if article.path.suffix.lower() == ".txt" else "md",
        *(f"{p.kind.value}\x1f{p.start}\x1f{p.end}\x1f{p.text}" for p in article.passages),
    )


def analysed_key(article: Article) -> str:
    """An analysed article's metadata, passages, verdicts and entities: what stories and links depend on."""
    metadata = json.dumps([article.id, str(article.path), article.title, article.source, article.published,
                           article.url, article.author, article.source_note], ensure_ascii=False)
    return content_key(metadata, *(_analysed_passage(p) for p in article.passages))


def _analysed_passage(passage: Passage) -> str:
    entities = "\x1f".join(f"{e.start},{e.end},{e.label},{e.key}" for e in passage.entities)
    return f"{passage.kind.value}\x1f{passage.boilerplate}\x1f{passage.start}\x1f{passage.end}\x1f{passage.text}\x1d{entities}"


# -- records ---------------------------------------------------------------------------------------

def encode_judgement(judgement: Judgement) -> list:
    return [judgement.owners, judgement.verdicts, judgement.headings, judgement.keys,
            [list(pair) for pair in judgement.repeatable]]


def decode_judgement(record: list) -> Judgement:
    owners, verdicts, headings, keys, repeatable = record
    if len(owners) != len(verdicts):
        raise ValueError("a verdict per line")
    return Judgement(owners, verdicts, headings, keys, [(i, key) for i, key in repeatable])


def encode_scan(scan: ArticleScan) -> list:
    return [
        scan.amounts,
        [[[m.words, m.opens_sentence, m.title_case, m.votes, m.acronym] for m in passage] for passage in scan.mentions],
    ]


def decode_scan(record: list) -> ArticleScan:
    amounts, mentions = record
    return ArticleScan(
        [[(start, end, label) for start, end, label in passage] for passage in amounts],
        [
            [Mention([(start, end, word) for start, end, word in words], opens, title_case, votes, acronym)
             for words, opens, title_case, votes, acronym in passage]
            for passage in mentions
        ],
    )


def encode_entities(corpus: Corpus) -> list:
    """Every passage's entities, article by article."""
    return [[[[e.start, e.end, e.label, e.key] for e in p.entities] for p in a.passages] for a in corpus.articles]


def restore_entities(record: object, corpus: Corpus) -> bool:
    """Set every passage's entities from ``record``; False (and nothing set) if it does not fit the corpus."""
    try:
        if not isinstance(record, list) or len(record) != len(corpus.articles):
            return False
        found = [[[Entity(*entity) for entity in passage] for passage in article] for article in record]
    except (TypeError, ValueError):
        return False
    if any(len(article) != len(a.passages) for article, a in zip(found, corpus.articles)):
        return False
    for article, passages in zip(corpus.articles, found):
        for passage, entities in zip(article.passages, passages):
            passage.entities = entities
    return True


def encode_links(story: tuple[list[tuple[Article, Passage]], links.Groups]) -> list:
    """The links of a story's linkable passages, in their order, and its event groups."""
    passages, groups = story
    return [[[[link.to, link.score, list(link.why)] for link in passage.links] for _, passage in passages], groups]


def restore_links(record: object, passages: list[tuple[Article, Passage]]) -> links.Groups | None:
    """Set the story's links from ``record`` and return its event groups; None (and nothing set) if it
    does not fit the passages."""
    try:
        if not isinstance(record, list):
            return None
        story_links, groups = record
        if not isinstance(story_links, list) or len(story_links) != len(passages):
            return None
        found = [[Link(to, score, tuple(why)) for to, score, why in passage] for passage in story_links]
        if not all(isinstance(n, int) and 0 <= n < len(passages) for group in groups for n in group):
            return None
    except (TypeError, ValueError):
        return None
    for (_, passage), passage_links in zip(passages, found):
        passage.links = passage_links
    return groups
