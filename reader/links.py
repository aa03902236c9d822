"""Links between passages of different articles in one story that report the same thing, and the events they form.

What a passage is about. Every passage of a story mentions its main actors,
so a feature (see ``reader.evidence``) counts by its rarity: inside the story
(found in ``df`` of its ``n`` linkable passages, it weighs
``log(n / df) / log(n / sources)``: 0 for a feature in every passage, 1 for
one found about once per source) times its rarity in general English
(``Evidence.general``: "company" counts about half, "antitrust" fully).
A passage's *context* is its own weighted features plus those of its
neighbours in its article, ``CONTEXT_DECAY`` as much per paragraph away, up to
``CONTEXT_REACH`` away: news paragraphs carry on the matter of the one before
(a quotation after its paraphrase, "It added that ..."), and outlets cut one
event into different paragraphs, so the neighbours tell what a short or
elliptic paragraph is about.

Which event a passage tells. A story may hold two similar events that a
roundup reports together (``reader.stories``). Their passages share the
topic's words, which inside the story are rare enough to count (two
arrests: "arrested", "bribes", "prosecutor"), so the passage judge alone
would link them. A passage's *event profile* (``_event_profiles``) holds
the names it is told with: its own entities and figures and those around it,
each described by the names it is told with across the story. Two reports
of one event get close profiles even when they name different people of it;
two similar events' reports mostly do not, though they share the topic's words.

How a pair is judged (``judge_pair``). Each signal measures its evidence
``x`` in units of "enough on its own" and turns it into odds ``x / (1 + x)``
(0.5 at its bar); the signals combine as independent evidence
(``1 - (1 - a)(1 - b)(1 - c)``), so two signals short of their bar can still
link together:

* closeness: how well each passage's own features are found in the other's
  context (the lesser of the two cosines: the context helps find a
  passage's matter in another outlet's neighbouring paragraphs, but each
  passage must itself be found there, so a paragraph is not linked only
  for being next to a match), plus *corroboration*: how close both are to
  one passage of a third source (the weaker of the two closenesses, for the
  best such passage). Two outlets wording one event differently often both
  share words with a third that words it in between.
  Its bar is ``CLOSENESS_BAR``. Negative evidence: when the two passages
  name distinctive details of one sort and share none of that sort
  (``conflicting``: two different people, places or figures), the
  closeness counts ``CONFLICT_FACTOR`` as much; this is what keeps two
  similar events apart when they share everything but their names.
  Below ``EVENT_FIT``, the cosine of the two event profiles scales the
  closeness (and the wording below) down in proportion: a passage that
  names one event and a passage told among the other's names are rarely
  about the same thing.
* shared quotation: a run of ``QUOTE_WORDS`` or more words quoted in one
  passage and found in the other, two of them not stopwords. Outlets rarely
  produce the same words in a row by chance, so this alone links
  (``QUOTE_STRENGTH``).
* similar wording: rapidfuzz ``token_set_ratio`` over the passages' content
  words, counted above ``WORDING_FLOOR`` (two unrelated sentences of one
  story, sharing their actors, reach about 0.5) with its bar at
  ``WORDING_BAR`` (near-identical wording, as in syndicated copy), and only
  when they share ``WORDING_WORDS`` words (the ratio calls a one-word title
  "contained" in any passage holding that word); scaled by the event fit as
  the closeness is.

Word meanings were tried as a weaker signal and left out: WordNet 3.0
synsets of shared nouns and verbs (and verb hypernyms), in the profiles or as
a signal of their own, moved the seed link F1 by -0.23 to +0.009, because
outlets' paraphrases of one event ("suspended", "pulled the plug", "cut
ties") rarely share a synset while unrelated paragraphs' common words do.

A pair is linked when the combined score reaches ``LINK_THRESHOLD`` (0.5: the
evidence makes "same event" more likely than not). Links are symmetric.
Section headings ("Parler's side", "Update") label what follows rather than
report anything, so they are not linked; titles are.

Candidates come from an inverted index of the story's features that are rare
enough to matter (weight ``_INDEXED_WEIGHT`` or more) and of quoted word
runs (``_candidates``): two passages that share nothing rare themselves are
never compared, whatever their neighbours share. Each passage proposes only
the ``CANDIDATES_PER_PASSAGE`` passages sharing the most rare weight with it,
so a story of many near-copies costs about that many comparisons per passage
rather than one per passage of the story.

Events: cliques of the link graph that together hold every link
(``_clique_cover``): a group of passages in which every two are linked
reports one thing. A passage that reports two things belongs to two cliques,
so to two events; a chain A–B–C without A–C gives two events rather than one
loose blob.
"""

from __future__ import annotations

import heapq
import math
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from itertools import combinations
from operator import itemgetter, mul

from rapidfuzz import fuzz

from reader import feedback
from reader.evidence import NAME_SIGNS, Evidence, Vocabulary, passage_evidence, shared_quote
from reader.model import Article, Corpus, Event, Kind, Link, Passage
from reader.workers import PortablePassage, Workers, portable, share, unpacked, worker_vocabulary

LINKABLE_KINDS = frozenset({Kind.TITLE, Kind.PARAGRAPH, Kind.LIST_ITEM, Kind.QUOTE})

LINK_THRESHOLD = 0.5
CONTEXT_DECAY = 0.5
CONTEXT_REACH = 2
CLOSENESS_BAR = 0.18
CONFLICT_FACTOR = 0.5
DISTINCTIVE_WEIGHT = 0.5
QUOTE_STRENGTH = 0.9
WORDING_FLOOR = 0.5
WORDING_BAR = 0.85
WORDING_WORDS = 4  # fewer shared words than this are no wording to compare (a one-word title is "contained" in anything)
_INDEXED_WEIGHT = 0.25  # features lighter than this propose no candidate pairs
CANDIDATES_PER_PASSAGE = 50  # the most passages one passage is compared with (those sharing the most rare weight)
_POSTINGS_READ = 4 * CANDIDATES_PER_PASSAGE  # index entries held by more passages than this do not rank candidates
_BRIDGES = 20  # closest passages of each passage tried as bridges for corroboration
_REASON_ITEMS = 4  # how many shared items a reason lists
EVENT_FIT = 0.5  # event fit at and above which closeness and wording count fully (see ``_event_profiles``)
EVENT_ARTICLE = 0.5  # weight of an article's names in each of its passages' names, against the passage's own
EVENT_SPREAD = 16  # the most names an event profile keeps
PARALLEL_PASSAGES = 2_000  # fewer passages to link are all linked in this process (sharing would cost more)

_SIGNS = {"e:": "entities", "d:": "dates", "n:": "figures", "w:": "rare words"}
_SORT_NAMES = {"person": "people", "place": "places", "org": "organisations", "figure": "figures"}

Profile = dict[str, float]
Groups = list[list[int]]  # a story's events (see ``find_events``), each as the positions of its passages in the story
_BY_WEIGHT = itemgetter(1, 0)  # a profile entry's weight, then its name


@dataclass(slots=True)
class _Story:
    """What is known about each linkable passage of one story, by its position in the story."""

    article: list[int]  # the article each passage is from, numbered
    evidence: list[Evidence]
    weights: dict[str, float]  # feature -> weight in this story
    own: list[Profile]  # each passage's own weighted features, scaled to unit length
    context: list[Profile]  # the same with its article neighbours' (see ``_in_context``), unit length
    event: list[Profile]  # each passage's event profile (see ``_event_profiles``), unit length

    def closeness(self, i: int, j: int) -> float:
        """How well each of passages ``i`` and ``j`` is found in the other's context: the lesser of the two cosines."""
        return min(_cosine(self.own[i], self.context[j]), _cosine(self.context[i], self.own[j]))

    def fit(self, i: int, j: int) -> float:
        """How well the event profiles of passages ``i`` and ``j`` agree (cosine); 1 when either names nothing."""
        if not self.event[i] or not self.event[j]:
            return 1.0
        return _cosine(self.event[i], self.event[j])


def _cosine(a: Profile, b: Profile) -> float:
    """The dot product of two unit-length profiles."""
    if len(a) > len(b):
        a, b = b, a
    return sum([w * b[f] for f, w in a.items() if f in b])


def link_passages(
    corpus: Corpus,
    vocabulary: Vocabulary | None = None,
    checkpoint: Callable[[], None] | None = None,
    workers: Workers | None = None,
) -> None:
    """Fill ``passage.links`` of every kept passage, apply the user's feedback, and set ``corpus.events``.

    ``vocabulary``, ``checkpoint`` and ``workers`` are as in ``link_stories``.
    """
    stories = list(stories_of(corpus))
    groups = link_stories(stories, vocabulary, checkpoint, workers)
    changed = feedback.apply(corpus, feedback.load())
    corpus.events = find_events(corpus, unchanged_groups(stories, groups, changed))


def link_stories(
    stories: list[list[tuple[Article, Passage]]],
    vocabulary: Vocabulary | None = None,
    checkpoint: Callable[[], None] | None = None,
    workers: Workers | None = None,
) -> list[Groups]:
    """``link_story`` for each of ``stories``, and its event groups; ``vocabulary`` is the analysis's, if
    any (see ``reader.evidence.Vocabulary``); ``checkpoint()``, if given, is called before each story
    and may raise to stop the linking there.

    With ``PARALLEL_PASSAGES`` passages or more to link, ``workers`` (see ``reader.workers``) link
    some of the stories, each sent as plain data (``_portable``), while this process links the
    others: the links are the same.
    """
    vocabulary = Vocabulary() if vocabulary is None else vocabulary
    found = share(
        workers if sum(map(len, stories)) >= PARALLEL_PASSAGES else None,
        len(stories),
        send=lambda n: (_link_portable, (_portable(stories[n]),)),
        here=lambda n: link_story(stories[n], vocabulary),
        checkpoint=checkpoint,
    )
    groups = []
    for passages, result in zip(stories, found):
        if isinstance(result, tuple):  # linked by a worker
            story_links, result = result
            for (_, passage), passage_links in zip(passages, story_links):
                passage.links = [Link(to, score, why) for to, score, why in passage_links]
        groups.append(result)
    return groups


def stories_of(corpus: Corpus) -> Iterator[list[tuple[Article, Passage]]]:
    """The linkable passages of each story with more than one article, in reading order (links are cleared first)."""
    stories: dict[str, list[Article]] = defaultdict(list)
    for article in corpus.articles:
        for passage in article.passages:
            passage.links = []
        stories[article.story or f"\0{article.id}"].append(article)
    for members in stories.values():
        if len(members) > 1:
            yield [(a, p) for a in members for p in a.passages if p.kept and p.kind in LINKABLE_KINDS]


def link_story(passages: list[tuple[Article, Passage]], vocabulary: Vocabulary | None = None) -> Groups:
    """Link the linkable ``passages`` of one story (see ``stories_of``) to each other; its event groups.

    ``vocabulary`` is the analysis's, if any (see ``reader.evidence.Vocabulary``).
    """
    numbers: dict[int, int] = {}
    article = [numbers.setdefault(id(a), len(numbers)) for a, _ in passages]
    story = [p for _, p in passages]
    _link(article, story, Vocabulary() if vocabulary is None else vocabulary)
    return story_groups(story)


def _link(article: list[int], passages: list[Passage], vocabulary: Vocabulary) -> None:
    """``link_story`` for ``passages`` from the articles numbered in ``article``."""
    story = _prepare(article, passages, vocabulary)
    candidates = _candidates(story)
    close = {pair: story.closeness(*pair) for pair in candidates}
    corroboration = _corroboration(story, close)
    for (i, j), closeness in close.items():
        closeness += corroboration.get((i, j), 0.0)
        # A poor event fit only lowers the score: it is worked out only for the pairs that link without it.
        link = judge_pair(story.evidence[i], story.evidence[j], story.weights, closeness, 1.0)
        if link is not None and (fit := story.fit(i, j)) < EVENT_FIT:
            link = judge_pair(story.evidence[i], story.evidence[j], story.weights, closeness, fit)
        if link is not None:
            score, why = link
            passages[i].links.append(Link(passages[j].id, score, why))
            passages[j].links.append(Link(passages[i].id, score, why))
    for passage in passages:
        passage.links.sort(key=lambda link: -link.score)


def _prepare(article: list[int], passages: list[Passage], vocabulary: Vocabulary) -> _Story:
    evidence = [passage_evidence(p, vocabulary) for p in passages]
    weights = _weights(evidence, len(set(article)))
    own = [{f: weights[f] for f in e.features if weights[f] > 0} for e in evidence]
    return _Story(
        article, evidence, weights, [_unit(p) for p in own], _in_context(article, own), _event_profiles(article, own)
    )


def _weights(evidence: list[Evidence], sources: int) -> dict[str, float]:
    """Each feature's weight: its rarity inside the story times its rarity in general English.

    The story rarity is ``log(n / df) / log(n / sources)``: 0 for a feature in
    every passage, 1 for one each source could hold once, more for rarer
    ones; the unit makes ``_INDEXED_WEIGHT`` independent of how long the story is.
    The English rarity is the least any passage gives the feature (its
    commonest written form).
    """
    df: Counter[str] = Counter()
    general: dict[str, float] = {}
    for e in evidence:
        df.update(e.features)
        for f, rarity in e.general.items():
            general[f] = min(general.get(f, 1.0), rarity)
    n = len(evidence)
    unit = math.log(max(n / sources, 2))
    return {f: math.log(n / count) / unit * general[f] for f, count in df.items()}


def _unit(profile: Profile) -> Profile:
    weights = profile.values()
    norm = math.sqrt(sum(map(mul, weights, weights))) or 1.0
    return {f: w / norm for f, w in profile.items()}


def _in_context(article: list[int], own: list[Profile]) -> list[Profile]:
    """Each passage's own weights plus its article neighbours', ``CONTEXT_DECAY`` as much per step, scaled to unit length."""
    profiles: list[Profile] = [{} for _ in own]
    for members in _by_article(article):
        for at, i in enumerate(members):
            profiles[i] = _unit(_with_neighbours(own, members, at))
    return profiles


def _by_article(article: list[int]) -> list[list[int]]:
    """The positions of each article's passages, in reading order, given each passage's article number."""
    by_article: dict[int, list[int]] = defaultdict(list)
    for i, number in enumerate(article):
        by_article[number].append(i)
    return list(by_article.values())


_DECAYS = [CONTEXT_DECAY**step for step in range(CONTEXT_REACH + 1)]


def _with_neighbours(profiles: list[Profile], members: list[int], at: int) -> Profile:
    """The profile of passage ``members[at]`` plus its article neighbours', ``CONTEXT_DECAY`` as much per step."""
    profile = dict(profiles[members[at]])
    held = profile.get
    for step in range(1, CONTEXT_REACH + 1):
        decay = _DECAYS[step]
        for near in (at - step, at + step):
            if 0 <= near < len(members):
                for f, w in profiles[members[near]].items():
                    profile[f] = held(f, 0.0) + w * decay
    return profile


def _event_profiles(article: list[int], own: list[Profile]) -> list[Profile]:
    """Each passage's event profile: the names (entities and figures) told together with the names around it.

    A passage's *names* are the entity and figure features among its own
    weights, plus its article neighbours' as in ``_in_context``, plus its
    whole article's at ``EVENT_ARTICLE`` weight (each scaled to unit length
    first): a paragraph that names nobody is about what its article is about.
    Each name is then described by the names of every passage naming it, and
    a passage's event profile is the weighted sum of its names' descriptions.
    An event is told with its own people, places, organisations and figures,
    so two passages naming different people of one event (the fire chief, the
    victim) get close profiles, as both are named with the same company and
    town elsewhere; two passages about two similar events do not, though both
    name the state, the regulator and the wire service. Each description and
    profile keeps its ``EVENT_SPREAD`` heaviest names, so the cost stays
    linear in the story's passages.
    """
    named = [_unit({f: w for f, w in profile.items() if f.startswith(NAME_SIGNS)}) for profile in own]
    around: list[Profile] = [{} for _ in own]  # each passage's names with its neighbours' and its article's
    for members in _by_article(article):
        whole: Profile = {}
        for i in members:
            for f, w in named[i].items():
                whole[f] = whole.get(f, 0.0) + w
        whole = _unit(whole)
        for at, i in enumerate(members):
            profile = _with_neighbours(named, members, at)
            held = profile.get
            for f, w in whole.items():
                profile[f] = held(f, 0.0) + w * EVENT_ARTICLE
            around[i] = _unit(_heaviest(profile))
    told: dict[str, Profile] = {}  # name -> the names told with it, summed over the passages naming it
    for names, near in zip(named, around):
        for f in names:
            if f not in told:
                told[f] = dict(near)
                continue
            described = told[f]
            held = described.get
            for g, w in near.items():
                described[g] = held(g, 0.0) + w
    description = {f: _unit(_heaviest(names)) for f, names in told.items()}
    profiles = []
    for names in around:  # every name around a passage is some passage's own, so it has a description
        profile = {}
        held = profile.get
        for f, w in names.items():
            for g, v in description[f].items():
                profile[g] = held(g, 0.0) + w * v
        profiles.append(_unit(_heaviest(profile)))
    return profiles


def _heaviest(profile: Profile) -> Profile:
    """The ``EVENT_SPREAD`` heaviest entries of ``profile``, heaviest first (ties: the later name first)."""
    if len(profile) <= EVENT_SPREAD:
        return profile
    return dict(sorted(profile.items(), key=_BY_WEIGHT, reverse=True)[:EVENT_SPREAD])


def _candidates(story: _Story) -> set[tuple[int, int]]:
    """Pairs ``(i, j)``, ``i < j``, of passages of different articles sharing a rare feature or a quoted run of words.

    Each passage proposes the ``CANDIDATES_PER_PASSAGE`` passages with which it
    shares the most: the summed weights of their shared indexed features, plus
    one for each shared quoted run (as much as a feature found about once per
    source); ties go to the passages that follow it, so that among many
    copies each is chosen as often. A pair is compared when either passage
    proposes it. Entries held by more than ``_POSTINGS_READ`` passages (in
    stories of many near-copies) are not read, so ranking costs at most that
    much per entry of a passage.
    """
    postings: dict[str | tuple[str, ...], list[int]] = defaultdict(list)
    keys: list[list[tuple[str | tuple[str, ...], float]]] = []  # each passage's index entries and their weights
    quoted = {gram for e in story.evidence for gram in e.quote_grams}
    for i, e in enumerate(story.evidence):
        mine: list[tuple[str | tuple[str, ...], float]] = [
            (f, story.weights[f]) for f in e.features if story.weights[f] >= _INDEXED_WEIGHT
        ]
        mine += [(gram, 1.0) for gram in e.grams & quoted]
        for key, _ in mine:
            postings[key].append(i)
        keys.append(mine)
    article = story.article
    count = len(article)
    pairs: set[tuple[int, int]] = set()
    for i, mine in enumerate(keys):
        shared: dict[int, float] = defaultdict(float)
        own_article = article[i]
        for key, weight in mine:
            holders = postings[key]
            if len(holders) <= _POSTINGS_READ:
                for j in holders:
                    if article[j] != own_article:
                        shared[j] += weight
        if len(shared) <= CANDIDATES_PER_PASSAGE:
            chosen = shared.keys()
        else:
            chosen = [j for _, _, j in heapq.nsmallest(
                CANDIDATES_PER_PASSAGE, ((-w, (j - i) % count, j) for j, w in shared.items()))]
        pairs.update((i, j) if i < j else (j, i) for j in chosen)
    return pairs


def _corroboration(story: _Story, close: dict[tuple[int, int], float]) -> dict[tuple[int, int], float]:
    """For each compared pair, its best bridge: ``min(closeness(i, r), closeness(r, j))`` over passages ``r`` of a third source.

    Only each passage's ``_BRIDGES`` closest passages are tried as bridges, so
    the cost stays linear in the compared pairs however many outlets repeat one event.
    """
    near: dict[int, dict[int, float]] = defaultdict(dict)
    for (i, j), value in close.items():
        near[i][j] = near[j][i] = value
    for i, found in near.items():
        if len(found) > _BRIDGES:
            near[i] = dict(sorted(found.items(), key=lambda kv: (-kv[1], kv[0]))[:_BRIDGES])
    bridges = {}
    for i, j in close:
        nj = near[j]
        # A passage near both is of a third source: compared pairs join passages of different articles.
        bridges[i, j] = max([min(value, nj[r]) for r, value in near[i].items() if r in nj], default=0.0)
    return bridges


# -- a story linked by a worker process (see ``link_stories``) ---------------------------------------

def _portable(passages: list[tuple[Article, Passage]]) -> list[tuple[int, PortablePassage]]:
    """A story's linkable passages as plain data for a worker: each with its article's number in the story."""
    numbers: dict[int, int] = {}
    return [(numbers.setdefault(id(a), len(numbers)), portable(p)) for a, p in passages]


def _link_portable(story: list[tuple[int, PortablePassage]]) -> tuple[list[list[tuple[str, float, tuple[str, ...]]]], Groups]:
    """In a worker process: the links of each passage of ``story`` as (to, score, why), in its order,
    and the story's event groups."""
    passages = [unpacked(data) for _, data in story]
    _link([number for number, _ in story], passages, worker_vocabulary())
    return [[(link.to, link.score, link.why) for link in p.links] for p in passages], story_groups(passages)


def judge_pair(
    a: Evidence, b: Evidence, weights: dict[str, float], closeness: float, fit: float
) -> tuple[float, tuple[str, ...]] | None:
    """The score in [0, 1] that two passages report the same thing and the reasons, if it reaches the threshold.

    ``closeness`` is the pair's profile cosine plus its corroboration and
    ``fit`` the agreement of their event profiles (see the module
    docstring). Each signal measures its evidence ``x`` in units of
    "enough on its own" (``x = 1`` at its bar) and turns it into odds
    ``x / (1 + x)`` (0.5 at the bar); the signals combine as independent
    evidence, so two signals each short of their bar can still link together.
    """
    quote = shared_quote(a, b) or shared_quote(b, a)
    shared = a.features & b.features
    if not quote and len(shared) < WORDING_WORDS and closeness < CLOSENESS_BAR:
        return None  # the closeness is the only signal, and short of its bar before any doubt lowers it
    doubts = 1.0
    if quote:
        doubts *= 1 - QUOTE_STRENGTH
    conflict = conflicting(a, b, weights)
    if conflict:
        closeness *= CONFLICT_FACTOR
    agreement = min(1.0, fit / EVENT_FIT)
    doubts *= 1 / (1 + agreement * closeness / CLOSENESS_BAR)
    wording = fuzz.token_set_ratio(a.content, b.content) / 100 if len(shared) >= WORDING_WORDS else 0.0
    if wording > WORDING_FLOOR:
        doubts *= 1 / (1 + agreement * (wording - WORDING_FLOOR) / (WORDING_BAR - WORDING_FLOOR))
    score = 1 - doubts
    if score < LINK_THRESHOLD:
        return None
    why = [f"shared quote: “{quote}”"] if quote else []
    why += _shared_reasons(shared, weights, a)
    if wording > WORDING_FLOOR:
        why.append(f"similar wording {wording:.2f} (rapidfuzz)")
    if conflict:
        why.append(f"but different {conflict}")
    if fit < EVENT_FIT:
        why.append(f"but told with other names (event fit {fit:.2f})")
    return score, tuple(why)


def conflicting(a: Evidence, b: Evidence, weights: dict[str, float]) -> str | None:
    """The sort of detail (person, place, figure, ...) on which two passages disagree, or None.

    They disagree on a sort when each names a distinctive one of it (weight
    ``DISTINCTIVE_WEIGHT`` or more in the story) and they share none of it:
    one paragraph about a Mayor Reyes and one about a Dr Okafor, or about
    98 posts and 70,000 accounts, are likely about different things, whatever
    else they share.
    """
    sorts_a, sorts_b = a.details, b.details
    for sort in sorted(sorts_a.keys() & sorts_b.keys()):
        mine, theirs = sorts_a[sort], sorts_b[sort]
        if mine & theirs:
            continue
        if max(weights[f] for f in mine) >= DISTINCTIVE_WEIGHT and max(weights[f] for f in theirs) >= DISTINCTIVE_WEIGHT:
            return _SORT_NAMES.get(sort, sort)
    return None


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


def find_events(corpus: Corpus, known: list[set[str]] | None = None) -> list[Event]:
    """The events of the corpus in reading order: cliques of linked passages covering every link
    (``_clique_cover``), those that retell one event merged (``_merge_overlapping``).

    ``known`` holds event groups (passage ids) found before in parts of the link graph that no link
    leaves and whose links have not changed since: they are taken as they are, and only the rest of
    the graph is covered. The events are the same, since cliques never reach beyond passages linked
    to each other.
    """
    known = known or []
    found = {passage_id for group in known for passage_id in group}
    graph: dict[str, dict[str, float]] = {
        p.id: {link.to: link.score for link in p.links}
        for a in corpus.articles for p in a.passages if p.links and p.id not in found
    }
    passage_ids = [p.id for a in corpus.articles for p in a.passages]  # in reading order
    order = {passage_id: n for n, passage_id in enumerate(passage_ids)}
    groups = _merge_overlapping(_clique_cover(graph)) + known
    cliques = [[passage_ids[n] for n in clique] for clique in sorted(sorted(map(order.__getitem__, c)) for c in groups)]
    article_order = {a.id: n for n, a in enumerate(corpus.articles)}
    events = []
    per_story: Counter[str] = Counter()
    for clique in cliques:
        sources = sorted({corpus.locate(pid)[0].id for pid in clique}, key=article_order.__getitem__)
        story = corpus.locate(clique[0])[0].story or "story"
        per_story[story] += 1
        events.append(Event(f"{story}/{per_story[story]}", tuple(clique), tuple(sources)))
    return events


def story_groups(passages: list[Passage]) -> Groups:
    """The event groups of one story's linked ``passages`` (see ``find_events``), as their positions in it."""
    graph = {p.id: {link.to: link.score for link in p.links} for p in passages if p.links}
    position = {p.id: n for n, p in enumerate(passages)}
    return sorted(sorted(map(position.__getitem__, group)) for group in _merge_overlapping(_clique_cover(graph)))


def unchanged_groups(
    stories: list[list[tuple[Article, Passage]]], groups: list[Groups], changed: set[str]
) -> list[set[str]]:
    """The event groups (as passage ids) of ``stories`` (see ``stories_of``), but of those holding a passage
    in ``changed`` (one whose links the user's feedback changed since the groups were found)."""
    return [{passages[n][1].id for n in group}
            for passages, found in zip(stories, groups) if not any(p.id in changed for _, p in passages)
            for group in found]


def _merge_overlapping(cliques: list[set[str]]) -> list[set[str]]:
    """One event per group of cliques that share most of their passages.

    The clique cover tells one event several times over (each clique leaves out
    a passage or two of the others); a clique joins the first larger event whose
    starting clique holds more than half of it, so the reader sees each event
    once. Comparing with the starting clique, not the growing event, keeps
    chains of small overlaps from snowballing into one blob.
    """
    seeds: list[set[str]] = []  # the clique each event started from: what a joining clique must mostly repeat
    events: list[set[str]] = []
    holding: dict[str, list[int]] = defaultdict(list)  # passage id -> the seeds holding it, in order
    for clique in sorted(cliques, key=len, reverse=True):
        near = sorted({n for passage in clique for n in holding[passage]})
        home = next((n for n in near if 2 * len(seeds[n] & clique) > len(clique)), None)
        if home is None:
            for passage in clique:
                holding[passage].append(len(seeds))
            seeds.append(clique)
            events.append(set(clique))
        else:
            events[home] |= clique
    return events


def _clique_cover(graph: dict[str, dict[str, float]]) -> list[set[str]]:
    """Cliques of the link graph, grown greedily from its strongest uncovered link until every link is in one.

    Each clique starts from the strongest link no clique holds yet and takes
    in, one at a time, the passage linked to all its members with the most
    link score to them, while there is one. A passage reporting two things
    ends up in two cliques. Unlike listing every maximal clique (whose number
    grows exponentially when many outlets each report one event in several
    paragraphs), this stays near the number of links.
    """
    covered: set[tuple[str, str]] = set()
    cliques = []
    edges = sorted(
        ((score, a, b) for a, targets in graph.items() for b, score in targets.items() if a < b and a in graph.get(b, {})),
        key=lambda e: (-e[0], e[1], e[2]),
    )
    for _, a, b in edges:
        if (a, b) in covered:
            continue
        clique = [a, b]
        strength = {v: graph[v][a] + graph[v][b] for v in graph[a].keys() & graph[b].keys()}  # link score to the clique
        while strength:
            best = max(strength, key=lambda v: (strength[v], v))
            clique.append(best)
            strength = {v: total + graph[v][best] for v, total in strength.items() if best in graph[v]}
        covered.update((x, y) if x < y else (y, x) for x, y in combinations(clique, 2))
        cliques.append(set(clique))
    return cliques


def record_verdict(corpus: Corpus, passage_id: str, other_id: str, verdict: feedback.Verdict | None) -> None:
    """Keep the user's verdict on the link between two passages, apply it now and refresh the events of
    the passages linked to either of them, directly or not (the other events stay as they are).

    Forgetting a verdict (None) takes effect at the next analysis.
    """
    feedback.record(corpus, passage_id, other_id, verdict)
    reached = _reached(corpus, (passage_id, other_id))
    corpus.events = find_events(corpus, [set(e.passage_ids) for e in corpus.events if reached.isdisjoint(e.passage_ids)])


def _reached(corpus: Corpus, passage_ids: Iterable[str]) -> set[str]:
    """``passage_ids`` and every passage linked to them, directly or through others."""
    reached = set(passage_ids)
    todo = list(reached)
    while todo:
        found = corpus.locate(todo.pop())
        for link in found[1].links if found else ():
            if link.to not in reached:
                reached.add(link.to)
                todo.append(link.to)
    return reached


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
    """Whether a passage is article text that no other source reports (kept, linkable, not a title, no links).

    Section headings are never linked (see ``LINKABLE_KINDS``), so they are not "only here" either.
    """
    found = corpus.locate(passage_id)
    if found is None:
        return False
    passage = found[1]
    return passage.kept and passage.kind in LINKABLE_KINDS and passage.kind is not Kind.TITLE and not passage.links
