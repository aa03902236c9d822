"""Group articles into stories: articles that report the same event, told apart from similar events.

A folder may hold several stories, two of them alike (two earthquakes, two
arrests). What tells them apart is not the topic words they all share but the
rare evidence each group shares: names, places, figures, dates and unusual
words (``reader.evidence``).

Similarity of two articles: the features both hold, weighted by rarity over
the corpus (``log(1 + N / df)``: smoothed so that a feature every article
holds still counts a little; in a one-story folder that is all the
evidence there is), as a share of the geometric mean of the two articles'
weights (a cosine over binary weights).

Grouping: average-linkage agglomerative clustering, closest groups first,
with two conditions for a merge (``_may_merge``):

* the groups' average similarity reaches ``MIN_SIMILARITY``; two reports
  of one event share their names and figures and stay well above it, while
  texts on the same topic alone stay below;
* it reaches ``COHESION_RATIO`` of each group's own cohesion (the similarity
  at which the group was formed; single articles have none): two groups are
  one story only if they are nearly as close to each other as their members
  are among themselves. This keeps two similar events apart even where the
  topic makes them look alike in absolute terms. The bar a group sets is at
  most ``SAME_STORY_SIMILARITY``, closeness that only reports of one event
  reach: two copies of one wire story are far closer than a third outlet's
  own report of the event needs to be.

Then each article's group joins the groups its lead names
(``_join_by_leads``): a translation, a blog post or a roundup words an event
unlike the outlets reporting it, but its headline and first paragraphs name
the event's people, places and figures. A roundup naming two groups' events
joins them, so they become one story; inside it, the links keep the two
events apart (``reader.links``).

Candidate pairs come from an inverted index of each article's rarest
features (``_candidates``), so 10,000 articles are not compared pair by pair.

Each story gets a readable id from its most characteristic terms, in the
order its central article's title gives them (``parler-sues-amazon``).
"""

from __future__ import annotations

import heapq
import math
import re
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from itertools import chain, combinations

from reader.evidence import NAME_SIGNS, Evidence, Vocabulary, passage_evidence, passage_features
from reader.model import Article, Corpus, Kind, Passage, unique_name
from reader.workers import PortablePassage, Workers, portable, share, unpacked, worker_vocabulary

MIN_SIMILARITY = 0.15
SAME_STORY_SIMILARITY = 0.3
COHESION_RATIO = 2 / 3
_INDEXED_PER_ARTICLE = 40
_INDEX_LIMIT = 100  # features held by more articles than this (in huge corpora) do not propose pairs
PROMINENT_PASSAGES = 2  # an article's names found in this many of its passages are its prominent names
ATTACH_SIMILARITY = 0.1  # the average similarity at which an article is on a group's topic
LEAD_NAMES = 2  # how many of a group's names an article's lead must name to join it
LEAD_PARAGRAPHS = 3  # the paragraphs after the title that make an article's lead
_LEAD_KINDS = frozenset({Kind.PARAGRAPH, Kind.LIST_ITEM, Kind.QUOTE})
_ID_TERMS = 3
PARALLEL_ARTICLES = 200  # fewer articles than this are all read in this process (sharing would cost more)
ARTICLES_PER_BATCH = 20  # articles read by a worker per message (about 20 ms of work)
PARALLEL_PAIRS = 20_000  # fewer pairs of articles are all compared in this process (sharing would cost more)
PAIRS_PER_BATCH = 8_000  # pairs compared by a worker per message (about 60 ms of work)
PAIRS_PER_ARTICLE = 50  # fewer pairs per article: sending each batch every article's features costs more
_SLUG = re.compile(r"[^\w]+")


@dataclass(slots=True)
class _Read:
    """What grouping reads of one article."""

    features: set[str]  # the features of its kept passages
    names: set[str]  # those that are names and figures
    prominent: set[str]  # the names and figures found in ``PROMINENT_PASSAGES`` or more of its kept passages
    lead: set[str]  # the names and figures of its title and first ``LEAD_PARAGRAPHS`` paragraphs


def group_stories(
    corpus: Corpus,
    vocabulary: Vocabulary | None = None,
    workers: Workers | None = None,
    checkpoint: Callable[[], None] | None = None,
) -> None:
    """Set ``article.story`` for every article of ``corpus``.

    ``vocabulary`` is the analysis's, if any (see ``reader.evidence.Vocabulary``). With
    ``PARALLEL_ARTICLES`` articles or more, ``workers`` (see ``reader.workers``) read the features
    of some of them while this process reads the others', and likewise for the similarities of
    ``PARALLEL_PAIRS`` candidate pairs or more (``PAIRS_PER_ARTICLE`` per article, at least: a
    batch of pairs is sent with every article's features). ``checkpoint()``, if given, is called
    before each article is read and each batch of pairs compared, and may raise to stop.
    """
    vocabulary = Vocabulary() if vocabulary is None else vocabulary
    articles = corpus.articles
    read: list[_Read] = share(
        workers if len(articles) >= PARALLEL_ARTICLES else None,
        len(articles),
        send=lambda n: (_read_portable, ([portable(p) for p in articles[n].passages if p.kept],)),
        here=lambda n: _read([p for p in articles[n].passages if p.kept], vocabulary),
        checkpoint=checkpoint,
        batch=ARTICLES_PER_BATCH,
    )
    features = [r.features for r in read]
    weights = _weights(features)
    # Sets of numbers intersect faster than sets of strings, and are quicker to send to a worker.
    number = {f: n for n, f in enumerate(weights)}
    numbered = [set(map(number.__getitem__, fs)) for fs in features]
    weight = list(weights.values())
    norms = [sum(map(weight.__getitem__, fs)) or 1.0 for fs in numbered]
    pairs = list(_candidates(features))
    batches = range(0, len(pairs), PAIRS_PER_BATCH)
    found = share(
        workers if len(pairs) >= max(PARALLEL_PAIRS, PAIRS_PER_ARTICLE * len(articles)) else None,
        len(batches),
        send=lambda n: (_similarities, (pairs[batches[n]:batches[n] + PAIRS_PER_BATCH], numbered, weight, norms)),
        here=lambda n: _similarities(pairs[batches[n]:batches[n] + PAIRS_PER_BATCH], numbered, weight, norms),
        checkpoint=checkpoint,
    )
    similar = dict(zip(pairs, chain.from_iterable(found)))

    def similarity(i: int, j: int) -> float:
        return _similarities([(i, j)], numbered, weight, norms)[0]

    groups = _join_by_leads(_cluster(len(articles), similar), read, similar, similarity)
    used: set[str] = set()
    for members in groups:
        story = _story_id([articles[i] for i in members], [features[i] for i in members], weights, used, vocabulary)
        for i in members:
            articles[i].story = story


def _read(kept: Iterable[Passage], vocabulary: Vocabulary) -> _Read:
    """The features, names, prominent names and lead names of an article, given its kept passages."""
    held: Counter[str] = Counter()  # feature -> passages holding it
    lead: set[str] = set()  # the features of the title and first paragraphs
    paragraphs = 0
    for passage in kept:
        found = passage_features(passage, vocabulary)
        held.update(found)
        if passage.kind is Kind.TITLE or (passage.kind in _LEAD_KINDS and paragraphs < LEAD_PARAGRAPHS):
            lead |= found
            paragraphs += passage.kind is not Kind.TITLE
    names = {f for f in held if f.startswith(NAME_SIGNS)}
    prominent = {f for f in names if held[f] >= PROMINENT_PASSAGES}
    return _Read(set(held), names, prominent, lead & names)


def _read_portable(kept: list[PortablePassage]) -> _Read:
    """In a worker process: ``_read`` of an article, given its kept passages."""
    return _read(map(unpacked, kept), worker_vocabulary())


def _similarities(
    pairs: list[tuple[int, int]], features: list[set[int]], weight: list[float], norms: list[float]
) -> list[float]:
    """The similarity of each pair of articles: the weight of the features both hold (numbered, each
    weighing ``weight[f]``) as a share of the geometric mean of the two articles' weights (``norms``)."""
    return [sum(map(weight.__getitem__, features[i] & features[j])) / math.sqrt(norms[i] * norms[j]) for i, j in pairs]


def _weights(features: list[set[str]]) -> dict[str, float]:
    df = Counter(f for fs in features for f in fs)
    n = len(features)
    return {f: math.log(1 + n / count) for f, count in df.items()}


def _candidates(features: list[set[str]]) -> set[tuple[int, int]]:
    """Pairs of articles that share at least two of each other's rarest features.

    Each article is indexed under its ``_INDEXED_PER_ARTICLE`` rarest features
    that another article also holds; lists longer than ``_INDEX_LIMIT``
    are topic words of a huge corpus and propose nothing. Two reports of one
    event share several rare names and figures, so they meet in two lists.
    """
    df = Counter(f for fs in features for f in fs)
    shared = sorted((f for f, count in df.items() if count > 1), key=lambda f: (df[f], f))
    rank = {f: n for n, f in enumerate(shared)}  # rarest first
    index: dict[str, list[int]] = defaultdict(list)
    for i, fs in enumerate(features):
        for f in sorted(filter(rank.__contains__, fs), key=rank.__getitem__)[:_INDEXED_PER_ARTICLE]:
            index[f].append(i)
    met: Counter[tuple[int, int]] = Counter()
    for members in index.values():
        if len(members) <= _INDEX_LIMIT:
            met.update(combinations(members, 2))
    return {pair for pair, count in met.items() if count >= 2}


def _cluster(n: int, similar: dict[tuple[int, int], float]) -> list[list[int]]:
    """Average-linkage clusters of ``n`` items under the merge conditions, in order of first member."""
    links: dict[int, dict[int, float]] = defaultdict(dict)  # cluster -> other cluster -> summed similarity
    for (i, j), s in similar.items():
        links[i][j] = links[j][i] = s
    members = {i: [i] for i in range(n)}
    cohesion: dict[int, float | None] = {i: None for i in range(n)}
    version = [0] * n  # bumped on every merge, to recognise outdated heap entries
    heap = [(-s, i, j, 0, 0) for (i, j), s in similar.items() if s >= MIN_SIMILARITY]
    heapq.heapify(heap)
    while heap:
        negative, i, j, version_i, version_j = heapq.heappop(heap)
        if i not in members or j not in members or (version[i], version[j]) != (version_i, version_j):
            continue
        level = -negative
        if not _may_merge(level, cohesion[i], cohesion[j]):
            continue
        members[i] += members.pop(j)
        cohesion[i] = level
        del cohesion[j]
        version[i] += 1
        for k, s in links.pop(j).items():
            del links[k][j]
            if k != i:
                links[i][k] = links[k][i] = links[i].get(k, 0) + s
        for k, s in links[i].items():
            average = s / (len(members[i]) * len(members[k]))
            if average >= MIN_SIMILARITY:
                a, b = min(i, k), max(i, k)
                heapq.heappush(heap, (-average, a, b, version[a], version[b]))
    return sorted((sorted(m) for m in members.values()), key=lambda m: m[0])


def _join_by_leads(
    groups: list[list[int]],
    read: list[_Read],
    similar: dict[tuple[int, int], float],
    similarity: Callable[[int, int], float],
) -> list[list[int]]:
    """The groups after each article's group joins the groups its lead names (``_lead_pass``), until none does."""
    while True:
        joined = _lead_pass(groups, read, similar, similarity)
        if len(joined) == len(groups):
            return joined
        groups = joined


def _lead_pass(
    groups: list[list[int]],
    read: list[_Read],
    similar: dict[tuple[int, int], float],
    similarity: Callable[[int, int], float],
) -> list[list[int]]:
    """The groups after each article's group joins every other group its lead names, in order of first member.

    A translation, a blog post or a roundup words an event unlike the outlets
    that report it, so it may meet none of them at ``MIN_SIMILARITY``, or
    only the outlets of one of the two events it reports. What an article
    reports is in its headline and first paragraphs (``_Read.lead``): its
    group joins a group of two or more articles when its lead names
    ``LEAD_NAMES`` or more of that group's own names (those the group tells,
    ``_told``, and no other such group does: the state and the wire service
    that both events' reports name say nothing) and it is at least on that
    group's topic (average similarity ``ATTACH_SIMILARITY`` to its articles). A
    roundup whose lead names two groups' events joins them, so they become
    one story and its passages can be linked with either event's reports;
    the links keep the two events apart (``reader.links``). Only the groups
    an article met among the candidate pairs are tried.
    """
    group_of = {i: n for n, members in enumerate(groups) for i in members}
    told = {n: _told(members, read) for n, members in enumerate(groups) if len(members) > 1}
    groups_naming = Counter(f for names in told.values() for f in names)
    teller = {f: n for n, names in told.items() for f in names if groups_naming[f] == 1}  # own name -> its group
    parent = list(range(len(groups)))  # union-find over the groups

    def root(n: int) -> int:
        while parent[n] != n:
            parent[n] = parent[parent[n]]
            n = parent[n]
        return n

    for article, found in enumerate(read):
        named = Counter(teller[f] for f in found.lead if f in teller)  # group -> its own names the lead names
        for n, count in sorted(named.items()):
            if count < LEAD_NAMES or n == group_of[article]:
                continue
            pairs = [(min(article, i), max(article, i)) for i in groups[n]]
            if not any(pair in similar for pair in pairs):  # not met among the candidate pairs
                continue
            average = sum(similar[p] if p in similar else similarity(*p) for p in pairs) / len(pairs)
            if average >= ATTACH_SIMILARITY:
                parent[root(group_of[article])] = root(n)
    merged: dict[int, list[int]] = defaultdict(list)
    for n, members in enumerate(groups):
        merged[root(n)] += members
    return sorted((sorted(m) for m in merged.values()), key=lambda m: m[0])


def _told(members: list[int], read: list[_Read]) -> set[str]:
    """The names a group of articles tells: those prominent in one of them or named by two or more."""
    named = Counter(f for i in members for f in read[i].names)
    return {f for f, count in named.items() if count >= 2}.union(*(read[i].prominent for i in members))


def _may_merge(level: float, cohesion_a: float | None, cohesion_b: float | None) -> bool:
    """Whether two groups at average similarity ``level`` are one story (see the module docstring)."""
    own = [min(COHESION_RATIO * c, SAME_STORY_SIMILARITY) for c in (cohesion_a, cohesion_b) if c is not None]
    return level >= max([MIN_SIMILARITY, *own])


def _story_id(
    articles: list[Article], features: list[set[str]], weights: dict[str, float], used: set[str], vocabulary: Vocabulary
) -> str:
    """A readable id: the terms most of the story's titles use (then the rarest), in title order, made unique."""
    held = Counter(f for fs in features for f in fs)
    titled = [(a, _title_evidence(a, vocabulary)) for a in articles]
    in_titles = Counter(f for _, e in titled for f in e.features if f[0] in "ew")
    ranked = sorted(in_titles, key=lambda f: (-in_titles[f], -held[f] * weights[f], f))[:_ID_TERMS]
    central = max(titled, key=lambda t: (sum(f in t[1].features for f in ranked), t[0].id))[1]
    words = []
    position = {f: n for n, f in enumerate(central.shown)}
    for f in sorted(ranked, key=lambda f: (position.get(f, len(position)), f)):
        shown = next(e.shown[f] for _, e in titled if f in e.features)
        words.append(_SLUG.sub("-", shown.casefold()).strip("-_"))
    return unique_name("-".join(w for w in words if w) or "story", used)


def _title_evidence(article: Article, vocabulary: Vocabulary) -> Evidence:
    for passage in article.passages:
        if passage.kind is Kind.TITLE or (passage.kept and passage.text.strip()):
            return passage_evidence(passage, vocabulary)
    return Evidence()
