"""Links between passages of different articles in one story that report the same thing, and the events they form.

How a pair is judged. Every passage of a story mentions its
main actors, so evidence counts by its rarity inside the story: a feature
(see ``reader.evidence``) found in ``df`` of the story's ``n`` linkable
passages weighs ``log(n / df) / log(n / sources)``: 0 for a feature in every
passage, 1 for one found about once per source (what one event reported by
every source leaves), more for rarer ones. Three signals each measure their
evidence ``x`` in units of "enough on its own" and turn it into odds
``x / (1 + x)`` (0.5 at the bar); they combine as independent evidence
(``1 - (1 - a)(1 - b)(1 - c)``), so two signals short of their bar can still
link together:

* shared quotation: a run of ``QUOTE_WORDS`` or more words quoted in one
  passage and found in the other, two of them not stopwords. Outlets rarely
  produce the same words in a row by chance, so this alone links
  (``QUOTE_STRENGTH``).
* shared rare evidence: the weight of the features both passages hold (words,
  entity keys, figures, dates) against two bars, both needed: in absolute
  terms ``MIN_SHARED_WEIGHT`` (two features as rare as one per source: one
  common detail is coincidence), and as a share of the smaller passage's
  weight ``MIN_COVERAGE`` (the other passage repeats a fair part of what this
  one says, not one aside of a long paragraph).
* similar wording: rapidfuzz ``token_set_ratio`` over the passages' content
  words, counted above ``WORDING_FLOOR`` (two unrelated sentences of one
  story, sharing their actors, reach about 0.5) with its bar at
  ``WORDING_BAR`` (near-identical wording, as in syndicated copy), and only
  when they share ``WORDING_WORDS`` words (the ratio calls a one-word title
  "contained" in any passage holding that word).

A pair is linked (``judge_pair``) when the combined score reaches ``LINK_THRESHOLD`` (0.5: the
evidence makes "same event" more likely than not). Links are symmetric.

Candidates come from an inverted index of the story's features that are rare
enough to matter (weight ``_INDEXED_WEIGHT`` or more) and of quoted word
runs (``_candidates``): two passages that share nothing rare are never
compared.

Events: the maximal cliques of the link graph (Bron–Kerbosch with pivoting):
a group of passages in which every two are linked reports one thing. A
passage that reports two things belongs to two cliques, so to two events; a
chain A–B–C without A–C gives two events rather than one loose blob.
"""

from __future__ import annotations

import math
from collections import Counter, defaultdict
from collections.abc import Iterable, Iterator
from itertools import combinations

from rapidfuzz import fuzz

from reader import feedback
from reader.evidence import Evidence, passage_evidence, shared_quote
from reader.model import Article, Corpus, Event, Kind, Link, Passage

LINKABLE_KINDS = frozenset({Kind.TITLE, Kind.HEADING, Kind.PARAGRAPH, Kind.LIST_ITEM, Kind.QUOTE})

LINK_THRESHOLD = 0.5
QUOTE_STRENGTH = 0.9
MIN_SHARED_WEIGHT = 2.0
MIN_COVERAGE = 0.15
WORDING_FLOOR = 0.5
WORDING_BAR = 0.85
WORDING_WORDS = 4  # fewer shared words than this are no wording to compare (a one-word title is "contained" in anything)
_INDEXED_WEIGHT = 0.25  # features more common than this propose no candidate pairs
_REASON_ITEMS = 4  # how many shared items a reason lists

_SIGNS = {"e:": "entities", "d:": "dates", "n:": "figures", "w:": "rare words"}


def link_passages(corpus: Corpus) -> None:
    """Fill ``passage.links`` of every kept passage, apply the user's feedback, and set ``corpus.events``."""
    for passages in _stories(corpus):
        _link_story(passages)
    feedback.apply(corpus, feedback.load())
    corpus.events = find_events(corpus)


def _stories(corpus: Corpus) -> Iterator[list[tuple[Article, Passage]]]:
    """The linkable passages of each story with more than one article (links are cleared first)."""
    stories: dict[str, list[Article]] = defaultdict(list)
    for article in corpus.articles:
        for passage in article.passages:
            passage.links = []
        stories[article.story or f"\0{article.id}"].append(article)
    for members in stories.values():
        if len(members) > 1:
            yield [(a, p) for a in members for p in a.passages if p.kept and p.kind in LINKABLE_KINDS]


def _link_story(passages: list[tuple[Article, Passage]]) -> None:
    evidence = [passage_evidence(p) for _, p in passages]
    weights = _weights(evidence, len({id(a) for a, _ in passages}))
    masses = [sum(weights[f] for f in e.features) or 1.0 for e in evidence]
    for i, j in _candidates(passages, evidence, weights):
        link = judge_pair(evidence[i], evidence[j], weights, min(masses[i], masses[j]))
        if link is not None:
            score, why = link
            passages[i][1].links.append(Link(passages[j][1].id, score, why))
            passages[j][1].links.append(Link(passages[i][1].id, score, why))
    for _, passage in passages:
        passage.links.sort(key=lambda link: -link.score)


def _weights(evidence: list[Evidence], sources: int) -> dict[str, float]:
    """Each feature's rarity inside the story, 1 for a feature in as many passages as there are sources.

    ``log(n / df) / log(n / sources)``: 0 for a feature in every passage, 1 for
    one each source could hold once, more for rarer ones; the unit makes the
    bars below independent of how long the story is.
    """
    df = Counter(f for e in evidence for f in e.features)
    n = len(evidence)
    unit = math.log(max(n / sources, 2))
    return {f: math.log(n / count) / unit for f, count in df.items()}


def _candidates(
    passages: list[tuple[Article, Passage]], evidence: list[Evidence], weights: dict[str, float]
) -> set[tuple[int, int]]:
    """Pairs of passages of different articles sharing two rare features, or a quoted run of words.

    One shared feature cannot reach the rare-evidence bar and leaves too few
    words for the wording signal, so such pairs are not worth scoring.
    """
    features: dict[str, list[int]] = defaultdict(list)
    quoted = {gram for e in evidence for gram in e.quote_grams}
    grams: dict[tuple[str, ...], list[int]] = defaultdict(list)
    for i, e in enumerate(evidence):
        for f in e.features:
            if weights[f] >= _INDEXED_WEIGHT:
                features[f].append(i)
        for gram in e.grams & quoted:
            grams[gram].append(i)
    met: Counter[tuple[int, int]] = Counter()
    for members in features.values():
        met.update(combinations(members, 2))
    pairs = {pair for pair, count in met.items() if count >= 2}
    for members in grams.values():
        pairs.update(combinations(members, 2))
    return {(i, j) for i, j in pairs if passages[i][0] is not passages[j][0]}


def judge_pair(
    a: Evidence, b: Evidence, weights: dict[str, float], smaller_mass: float
) -> tuple[float, tuple[str, ...]] | None:
    """The score in [0, 1] that two passages report the same thing and the reasons, if it reaches the threshold.

    ``smaller_mass`` is the summed weight of the smaller passage's features.
    Each signal measures its evidence ``x`` in units of "enough on its own"
    (``x = 1`` at its bar) and turns it into odds ``x / (1 + x)`` (0.5 at the
    bar); the signals combine as independent evidence, so two signals each
    short of their bar can still link together.
    """
    doubts = 1.0
    quote = shared_quote(a, b) or shared_quote(b, a)
    if quote:
        doubts *= 1 - QUOTE_STRENGTH
    shared = a.features & b.features
    shared_weight = sum(weights[f] for f in shared)
    x = min(shared_weight / MIN_SHARED_WEIGHT, shared_weight / smaller_mass / MIN_COVERAGE)
    doubts *= 1 / (1 + x)
    wording = fuzz.token_set_ratio(a.content, b.content) / 100 if len(shared) >= WORDING_WORDS else 0.0
    if wording > WORDING_FLOOR:
        doubts *= 1 / (1 + (wording - WORDING_FLOOR) / (WORDING_BAR - WORDING_FLOOR))
    score = 1 - doubts
    if score < LINK_THRESHOLD:
        return None
    why = [f"shared quote: “{quote}”"] if quote else []
    why += _shared_reasons(shared, weights, a)
    if wording > WORDING_FLOOR:
        why.append(f"similar wording {wording:.2f} (rapidfuzz)")
    return score, tuple(why)


def _shared_reasons(shared: Iterable[str], weights: dict[str, float], shown_by: Evidence) -> list[str]:
    """One reason per sort of shared feature, rarest first, as written in the passage."""
    by_sign: dict[str, list[str]] = defaultdict(list)
    for f in sorted(shared, key=lambda f: (-weights[f], f)):
        if weights[f] > 0:
            by_sign[f[:2]].append(shown_by.shown[f])
    return [
        f"shared {_SIGNS[sign]}: {', '.join(items[:_REASON_ITEMS])}"
        for sign, items in sorted(by_sign.items(), key=lambda kv: list(_SIGNS).index(kv[0]))
    ]


def find_events(corpus: Corpus) -> list[Event]:
    """The events of the corpus: maximal cliques of linked passages, in reading order."""
    graph = {
        p.id: {link.to for link in p.links} for a in corpus.articles for p in a.passages if p.links
    }
    order = {p.id: n for n, (_, p) in enumerate((a, p) for a in corpus.articles for p in a.passages)}
    cliques = sorted((sorted(c, key=order.__getitem__) for c in _maximal_cliques(graph)), key=lambda c: order[c[0]])
    article_order = {a.id: n for n, a in enumerate(corpus.articles)}
    events = []
    per_story: Counter[str] = Counter()
    for clique in cliques:
        sources = sorted({corpus.locate(pid)[0].id for pid in clique}, key=article_order.__getitem__)
        story = corpus.locate(clique[0])[0].story or "story"
        per_story[story] += 1
        events.append(Event(f"{story}/{per_story[story]}", tuple(clique), tuple(sources)))
    return events


def _maximal_cliques(graph: dict[str, set[str]]) -> Iterator[set[str]]:
    """Bron–Kerbosch with pivoting, iteratively (no recursion limit on large groups)."""
    stack = [(set(), set(graph), set())]
    while stack:
        clique, candidates, excluded = stack.pop()
        if not candidates and not excluded:
            if len(clique) > 1:
                yield clique
            continue
        pivot = max(candidates | excluded, key=lambda v: len(graph[v] & candidates))
        for v in list(candidates - graph[pivot]):
            stack.append((clique | {v}, candidates & graph[v], excluded & graph[v]))
            candidates = candidates - {v}
            excluded = excluded | {v}


def record_verdict(corpus: Corpus, passage_id: str, other_id: str, verdict: feedback.Verdict | None) -> None:
    """Keep the user's verdict on the link between two passages, apply it now and refresh the events.

    Forgetting a verdict (None) takes effect at the next analysis.
    """
    feedback.record(corpus, passage_id, other_id, verdict)
    corpus.events = find_events(corpus)


def other_sources(corpus: Corpus, passage_id: str) -> list[tuple[Article, Passage]]:
    """The best linked passage in each other article reporting what ``passage_id`` reports, best first."""
    found = corpus.locate(passage_id)
    if found is None:
        return []
    best: dict[str, tuple[float, Article, Passage]] = {}
    for link in found[1].links:
        target = corpus.locate(link.to)
        if target is None:
            continue
        article, passage = target
        if article.id not in best or link.score > best[article.id][0]:
            best[article.id] = (link.score, article, passage)
    return [(a, p) for _, a, p in sorted(best.values(), key=lambda t: -t[0])]


def only_here(corpus: Corpus, passage_id: str) -> bool:
    """Whether a passage is article text that no other source reports (kept, not a title, no links)."""
    found = corpus.locate(passage_id)
    if found is None:
        return False
    passage = found[1]
    return passage.kept and passage.kind is not Kind.TITLE and not passage.links
