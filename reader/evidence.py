"""What a passage says that can be matched in another: its terms, figures, dates and quotations.

Stories and links both compare texts by the evidence they share, weighted by
how rare it is where it is compared (the corpus for stories, one story for
links). This module only extracts the evidence of one passage; the weighting
lives with the comparison.

Features are strings with a prefix telling their sort, so one inverted index
can hold them all:

* ``w:suspen``  a content word, lowercased, stemmed (``stem``) and cut to its
  first ``STEM_LENGTH`` letters, so inflections and close derivations meet:
  sue, sues, sued and suing share ``w:su``; suspend, suspended and suspension
  share ``w:suspen``;
* ``e:<key>``   a named entity, by the entity layer's corpus-wide key, so
  aliases ("AWS", "Amazon Web Services") count as one;
* ``d:monday``  a word or number inside a DATE entity: dates are matched by
  their parts, so "late Saturday night" and "Saturday" share ``d:saturday``;
* ``n:98``      a figure: a number of two or more characters, as written
  without thousands separators ("70,000" and "70000" match), also inside a
  sum of money ("$12,675" and "12,675" match); a percentage keeps its sign
  however it is written ("2.25%", "2.25 per cent" and "2.25 percent" are
  all ``n:2.25%``).

Words covered by an entity mention are not also counted as words.

Each word and date part also carries its rarity in general English
(``english_rarity``, from the word frequencies in ``reader/data/english_zipf.tsv``,
taken from wordfreq): "company" or "group" say less about which event a
passage reports than "restraining" or "antitrust", however the story happens
to use them.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import cache, lru_cache
from itertools import accumulate
from operator import itemgetter
from importlib import resources

import snowballstemmer

from reader.model import Passage

STEM_LENGTH = 6
# Zipf frequency (log10 of uses per billion words) at and below which a word counts fully
# (about one use in 100,000 words: "lawsuit", "hosting"), and at which it counts nothing
# (the commonest function words; "said" is 6.0, "the" 7.7).
ZIPF_RARE = 4.0
ZIPF_COMMON = 7.0
QUOTE_WORDS = 4  # a shared run of this many words from a quotation is a shared quote
AMOUNTS = frozenset({"MONEY", "PERCENT"})  # entity labels whose numbers are matched as figures
NAME_SIGNS = ("e:", "n:")  # the prefixes of the features that name something: entities and figures

_TOKEN = re.compile(r"\d+(?:[.,]\d+)*%?|[^\W\d_]+(?:['’][^\W\d_]+)*")
_QUOTED = re.compile(r"“([^“”]+)”|\"([^\"]+)\"|«([^«»]+)»|„([^“”„]+)[“”]")
_POSSESSIVE = re.compile(r"['’]s?$")
_THOUSANDS = re.compile(r"(?<=\d),(?=\d{3}\b)")

# English function words and the reporting verbs every news passage uses:
# they say nothing about which event a passage reports.
STOPWORDS = frozenset(
    """
    a about above after again against all also although am among an and another any are around as at
    be became because been before being below between both but by can could did do does doing done
    down during each either else even ever every few for from further had has have having he her here
    hers herself him himself his how however i if in into is it its itself just let like made make many
    may me might more most much must my myself near neither no nor not now of off on once one only or
    other others our ours ourselves out over own per rather same she should since so some still such
    than that the their theirs them themselves then there these they this those though through thus to
    too under until up upon us very via was we were what whatever when where whether which while who
    whom whose why will with within without would yet you your yours yourself yourselves
    according added adding announced asked claimed comment comments reported reporting said say saying
    says stated statement told tell telling wrote
    mr mrs ms dr
    """.split()
)


@dataclass(slots=True)
class Evidence:
    """The matchable content of one passage.

    ``features`` holds prefixed feature strings (see the module docstring);
    ``shown`` maps each to how it is first written in this passage, in text order;
    ``quote_grams`` holds the runs of ``QUOTE_WORDS`` words inside its
    quotations and ``grams`` those of its whole text (lowercased words), so a
    quotation of one passage can be found anywhere in the other.
    ``quote_words`` keeps each quotation's words as written (to show a
    matched run) and lowercased (to find it).
    ``content`` is the features' text, sorted, for comparing wording.
    ``general`` holds each feature's rarity in general English, in [0, 1]
    (``english_rarity``; 1 for names and figures).
    ``details`` holds the entity and figure features by sort: "person",
    "place", "org", ... (the entity key's label) and "figure".
    """

    features: set[str] = field(default_factory=set)
    general: dict[str, float] = field(default_factory=dict)
    details: dict[str, set[str]] = field(default_factory=dict)
    shown: dict[str, str] = field(default_factory=dict)
    grams: set[tuple[str, ...]] = field(default_factory=set)
    quote_grams: set[tuple[str, ...]] = field(default_factory=set)
    quote_words: list[tuple[list[str], list[str]]] = field(default_factory=list)
    content: str = ""


def words_of(text: str) -> list[str]:
    """The words and numbers of ``text`` as written."""
    return _TOKEN.findall(text)


def normal_word(token: str) -> str:
    """A token lowercased, with typographic apostrophes unified and a possessive dropped."""
    return _POSSESSIVE.sub("", token.casefold().replace("’", "'")) or token.casefold()


def figure(token: str) -> str | None:
    """The figure a token states ("70,000" -> "70000"), or None for words and one-digit numbers."""
    if not token[0].isdigit():
        return None
    value = _THOUSANDS.sub("", token)
    return value if len(value) >= 2 else None


def _amount(token: str, label: str) -> str | None:
    """The figure a token inside a MONEY or PERCENT mention states: a percentage keeps its sign, of any length."""
    if label == "PERCENT" and token[0].isdigit():
        return _THOUSANDS.sub("", token.rstrip("%")) + "%"
    return figure(token)


def term(token: str) -> str | None:
    """The word feature of a token, or None for stopwords, short words and numbers."""
    word = normal_word(token)
    if len(word) < 3 or word in STOPWORDS or not word[0].isalpha():
        return None
    return "w:" + stem(word)


_STEMMER = snowballstemmer.stemmer("english")


@lru_cache(maxsize=65536)
def stem(word: str) -> str:
    """The Snowball (Porter 2) stem of a lowercased word, without a final "e", cut to ``STEM_LENGTH`` letters.

    Snowball undoes inflection ("banned" -> "ban", "hosting" -> "host") but
    leaves a final "e" only on some forms ("sues" -> "sue", "sued" -> "su"),
    so it is dropped; the cut joins close derivations (suspend, suspension).
    """
    stemmed = _STEMMER.stemWord(word)
    if stemmed.endswith("e") and len(stemmed) > 2:
        stemmed = stemmed[:-1]
    return stemmed[:STEM_LENGTH]


@cache
def english_zipf() -> dict[str, float]:
    """The Zipf frequency (log10 of uses per billion words) of the 40,000 commonest English words, read once.

    From ``reader/data/english_zipf.tsv`` (wordfreq's English list; see its header).
    """
    table = resources.files("reader.data").joinpath("english_zipf.tsv").read_text(encoding="utf-8")
    zipf: dict[str, float] = {}
    for line in table.splitlines():
        if line and not line.startswith("#"):
            value, words = line.split("\t")
            zipf.update(dict.fromkeys(words.split(), float(value)))
    return zipf


def english_rarity(word: str) -> float:
    """How rare a lowercased word is in general English, in [0, 1].

    1 at or below ``ZIPF_RARE`` (and for words the table does not hold, such
    as the numbers of a date, which count fully like figures), 0 at
    ``ZIPF_COMMON``, linear in between: "antitrust" 1, "company" 0.47.
    """
    zipf = english_zipf().get(word, 0.0)
    return min(1.0, max(0.0, (ZIPF_COMMON - zipf) / (ZIPF_COMMON - ZIPF_RARE)))


Found = tuple[str, str, float]  # a feature, how it is written, its rarity in general English
Reading = tuple[str, Found | None]  # a normal word, the feature it gives


class Vocabulary(dict[str, Reading]):
    """The reading of each distinct token met in one analysis, worked out on first sight.

    A token's reading is its normal word (``normal_word``) and the feature it
    gives with how it is written and its rarity in general English
    (``english_rarity``), or None for stopwords, short words and one-digit
    numbers. A corpus says the same few thousand tokens hundreds of thousands
    of times, and the stories and the links read every passage: one
    vocabulary per analysis reads each token once. Its feature strings are
    shared by every passage using them.
    """

    def __missing__(self, token: str) -> Reading:
        number = figure(token)
        if number:
            found = ("n:" + number, token, 1.0)
        elif feature := term(token):
            word = normal_word(token)
            found = (feature, word, english_rarity(word))
        else:
            found = None
        reading = self[token] = (normal_word(token), found)
        return reading


def passage_evidence(passage: Passage, vocabulary: Vocabulary | None = None) -> Evidence:
    """The evidence of ``passage``: entity keys, dates, figures, content words and quotations.

    ``vocabulary`` is the analysis's (see ``Vocabulary``); without one, the tokens are read afresh.
    """
    text = passage.text
    evidence = Evidence()
    words: list[str] = []
    found = _found(passage, Vocabulary() if vocabulary is None else vocabulary, words)
    found.sort(key=itemgetter(0))
    features, shown, general = evidence.features, evidence.shown, evidence.general
    for _, feature, written, rarity in found:
        features.add(feature)
        shown.setdefault(feature, written)
        general[feature] = max(general.get(feature, 0.0), rarity)
    for feature in features:
        if feature.startswith("e:"):
            evidence.details.setdefault(feature[2:].split(":", 1)[0], set()).add(feature)
        elif feature.startswith("n:"):
            evidence.details.setdefault("figure", set()).add(feature)
    evidence.content = " ".join(sorted(f[2:] for f in features))
    evidence.grams = _grams(words)
    for match in _QUOTED.finditer(text):
        quoted = next(g for g in match.groups() if g is not None)
        written = words_of(quoted)
        lowered = [normal_word(t) for t in written]
        grams = {g for g in _grams(lowered) if _informative(g)}
        if grams:
            evidence.quote_grams |= grams
            evidence.quote_words.append((written, lowered))
    return evidence


def passage_features(passage: Passage, vocabulary: Vocabulary) -> set[str]:
    """The ``features`` of ``passage_evidence(passage)``, alone (what stories compare)."""
    return {feature for _, feature, _, _ in _found(passage, vocabulary, [])}


def _found(passage: Passage, vocabulary: Vocabulary, words: list[str]) -> list[tuple[int, str, str, float]]:
    """The features of ``passage`` as (offset, feature, as written, rarity in English), entities first,
    then the words outside them in text order; every token's normal word is appended to ``words``.
    """
    text = passage.text
    found = []
    covered = [False] * len(text)
    for entity in passage.entities:
        if entity.label == "DATE":
            for match in _TOKEN.finditer(text, entity.start, entity.end):
                word = normal_word(match.group())
                if word not in STOPWORDS:
                    found.append((match.start(), "d:" + word, match.group(), english_rarity(word)))
        elif entity.label in AMOUNTS:
            for match in _TOKEN.finditer(text, entity.start, entity.end):
                if number := _amount(match.group(), entity.label):
                    found.append((match.start(), "n:" + number, match.group(), 1.0))
        else:
            found.append((entity.start, "e:" + entity.key, text[entity.start:entity.end], 1.0))
        covered[entity.start:entity.end] = [True] * (entity.end - entity.start)
    add_word = words.append
    for match in _TOKEN.finditer(text):
        word, feature = vocabulary[match.group()]
        add_word(word)
        if feature is not None and not covered[start := match.start()]:
            found.append((start, *feature))
    return found


def shared_quote(a: Evidence, b: Evidence) -> str | None:
    """The longest run of words quoted in ``a`` that ``b`` also contains (quoted or not), or None.

    A run is made of overlapping ``QUOTE_WORDS``-word pieces found in ``b`` and
    counts only if two or more of its words are not stopwords.
    """
    best: list[str] = []
    for written, lowered in a.quote_words:
        said = list(accumulate((w not in STOPWORDS for w in lowered), initial=0))  # words that say something, up to each
        first = previous = -2
        for i in range(len(lowered) - QUOTE_WORDS + 1):
            if tuple(lowered[i:i + QUOTE_WORDS]) not in b.grams:
                continue
            if i != previous + 1:
                first = i
            previous = i
            end = i + QUOTE_WORDS
            if end - first > len(best) and said[end] - said[first] >= 2:
                best = written[first:end]
    return " ".join(best) if best else None


def _grams(words: list[str]) -> set[tuple[str, ...]]:
    return {tuple(words[i:i + QUOTE_WORDS]) for i in range(len(words) - QUOTE_WORDS + 1)}


def _informative(words: Iterable[str]) -> bool:
    """Whether a run of words says something: two or more of its words are not stopwords."""
    return sum(w not in STOPWORDS for w in words) >= 2
