"""Deciding what each capitalised name is, and which real-world entity it names.

The evidence is weighed at three levels: the name itself (gazetteers, head words such as
"University" or "News", a given name first), its document (every mention of the same string gets
one type, decided once from all their cues; "Matze" after "John Matze" is that person), and the
whole corpus (a capital word mid-sentence anywhere shows it is a name; a string with no evidence
in its own article borrows the evidence of the others; aliases merge across articles).
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from dataclasses import dataclass
from functools import lru_cache

from reader.entities.mentions import LABELS, ORG, PERSON, PLACE, Mention, is_acronym
from reader.entities.vocabulary import vocabulary

_ADJECTIVE_ENDINGS = ("ial", "ical", "ional", "eral", "ive", "ous", "ful", "less", "able", "ible")
_DEMONYM_ENDINGS = ("an", "ans", "ese", "ish", "i", "is")
_NOT_INITIALS = frozenset({"of", "for", "and", "the", "&"})
_SLUG = re.compile(r"[^\w]+")
_PARTY_AND_STATE = re.compile(r"[DRI]-[A-Z]")
_AMOUNT_PARTS = re.compile(r"[\w.:%$/€£¥]+")


@dataclass(slots=True)
class Name:
    """A name kept after trimming: where it is, its words, and the evidence for its type."""

    article: int  # index of the article in the corpus
    passage: int  # index of the passage in the article
    start: int
    end: int
    surface: str  # the text of the name
    words: tuple[str, ...]
    intrinsic: tuple[int | None, float]  # (label index, strength) from the name alone
    votes: list[float]
    acronym: str | None
    label: int | None = None
    canonical: str | None = None  # the full form this name stands for ("John Matze" for "Matze")


def slug(text: str) -> str:
    """A stable, readable key part: "The Wall Street Journal" -> "wall-street-journal"."""
    if text.startswith("The "):
        text = text[4:]
    return _SLUG.sub("-", text.replace(".", "").replace("’", "").replace("'", "").casefold()).strip("-")


def initials(words: tuple[str, ...]) -> str:
    """The capital initials of a name, skipping linking words: "Amazon Web Services" -> "AWS"."""
    return "".join(w[0] for w in words if w.lower() not in _NOT_INITIALS and w[0].isupper())


def _abbreviates(acronym: str, words: tuple[str, ...]) -> bool:
    """Whether ``acronym`` can stand for the name ``words``: same first letter, and its capitals
    among the name's capitals, in order ("NHTSA" for "National Highway Traffic Safety Administration")."""
    if words[0] == "The" and len(words) > 1:
        words = words[1:]
    capitals = iter("".join(c for c in "".join(words) if c.isupper()))
    letters = _letters(acronym).upper()
    return bool(letters) and letters[0] == words[0][0] and all(c in capitals for c in letters)


def _letters(acronym: str) -> str:
    return acronym.replace(".", "").replace("&", "")


@lru_cache(maxsize=65536)
def _is_demonym(word: str) -> bool:
    """A nationality word derived from a country, state or continent: "Chinese", "Texans"."""
    vocab = vocabulary()
    return (
        word in vocab.norp
        or (word.endswith(_DEMONYM_ENDINGS) and word[:4] in vocab.demonym_stems
            and word not in vocab.places and word not in vocab.given_names)
    )


@lru_cache(maxsize=65536)
def intrinsic(surface: str, words: tuple[str, ...]) -> tuple[int | None, float]:
    """(label index or None, strength) that the name's own words give; strength -1: not a name."""
    vocab = vocabulary()
    if surface in vocab.places:
        return PLACE, 5
    if surface.startswith("The ") and surface[4:] in vocab.places:
        return PLACE, 5
    if surface.isupper() and len(surface) > 3 and _in_gazetteer(surface.title()):
        return PLACE, 5  # a dateline: "SAN FRANCISCO (AP) —"
    first, last = words[0], words[-1]
    if len(words) > 1:
        suffix = last.rstrip(".")
        if suffix.lower() in vocab.org_suffixes and (len(suffix) > 2 or suffix.isupper()):
            return ORG, 5
        if first == "The" and _is_outlet(surface, last):
            return ORG, 5
        if last in vocab.place_heads and first not in vocab.given_names:
            return PLACE, 4
        if last in vocab.org_heads:
            return ORG, 4
        if first in vocab.org_prefixes and " of " in surface:
            return ORG, 4
        if first in vocab.given_names:
            return PERSON, 4
        if first in vocab.places or last in vocab.places:
            return ORG, 2  # "Seattle Seahawks", "Texas Instruments", "Real Madrid"
        if " of " in surface or " for " in surface or " & " in surface:
            return ORG, 2
        if len(words) <= 3 and len(last) > 1 and last.lower() not in vocab.common and not is_acronym(last):
            return PERSON, 1.5  # the shape of a personal name, a surname last: "Kif Leswing"
        return ORG, 1  # "Proud Boys", "Business Insider"
    if first in vocab.standalone_places:
        return PLACE, 4
    if first in vocab.not_acronyms or (first.endswith("s") and is_acronym(first[:-1])):
        return None, -1  # "CEO", "IPOs"
    if (first in vocab.law_heads and first not in vocab.given_names) or _PARTY_AND_STATE.match(first):
        return None, -1  # "the Constitution"; "D-N.Y." after a senator's name
    if is_acronym(first):
        if len(first) >= 4 and first.lower() in vocab.common:
            return None, -1  # a capitalised word in an all-capitals line: "UPDATED"
        return ORG, 2
    if _is_demonym(first):
        return None, -1
    if first in vocab.given_names and first.lower() not in vocab.common:
        return PERSON, 1  # a lone "Sheryl", but not "Delta" or "Grace"
    return None, 0


def _in_gazetteer(name: str) -> bool:
    vocab = vocabulary()
    return name in vocab.places or name in vocab.cities_like_words


def _is_outlet(surface: str, last: str) -> bool:
    """Whether a name ends like a newspaper's ("... Times", "... Daily Beast")."""
    vocab = vocabulary()
    return last in vocab.outlet_heads or any(surface.endswith(" " + h) for h in vocab.outlet_heads if " " in h)


@dataclass(slots=True)
class _ArticleNames:
    """What the multi-word names of an article say about its single words."""

    person_parts: dict[str, Counter]  # first or last word -> full names of people
    org_by_initials: dict[str, Counter]  # "AWS" -> "Amazon Web Services"
    org_by_head: dict[str, Counter]  # "Journal" -> "The Wall Street Journal"
    defined: dict[str, tuple[int, str]]  # acronym in brackets -> (label, full name)
    surnames: set[tuple[str, str]]  # (surname, full name) of its people


class Resolver:
    """Turns the mentions of a corpus into typed, keyed names."""

    def __init__(self, mentions: list[list[list[Mention]]], texts: list[list[str]]):
        """``mentions[a][p]`` and ``texts[a][p]``: the mentions and text of passage p of article a."""
        self.vocab = vocabulary()
        self.function_forms = frozenset(w.capitalize() for w in self.vocab.function_words)
        self.mentions = mentions
        self.texts = texts
        self.capitalised_mid_sentence: set[str] = set()
        self.seen_in_body: set[str] = set()  # words of names outside headlines in title case
        self.known_phrases: set[str] = set()
        for article, passages in zip(mentions, texts):
            for found, text in zip(article, passages):
                for m in found:
                    if m.title_case:
                        continue
                    self.seen_in_body.update(w[2] for w in m.words)
                    if m.opens_sentence:
                        self.capitalised_mid_sentence.update(w[2] for w in m.words[1:])
                    else:
                        self.capitalised_mid_sentence.update(w[2] for w in m.words)
                        if len(m.words) > 1:
                            self.known_phrases.add(text[m.start:m.end])

    # -- trimming -----------------------------------------------------------------------------

    def names(self) -> list[list[Name]]:
        """The names of each article, trimmed of sentence-initial common words and headline capitals."""
        out: list[list[Name]] = []
        for a, (article, passages) in enumerate(zip(self.mentions, self.texts)):
            names: list[Name] = []
            for p, (found, text) in enumerate(zip(article, passages)):
                for mention in found:
                    if len(mention.words) == 1:
                        name = self._single_name(a, p, mention, text)
                        if name:
                            names.append(name)
                        continue
                    for words in self._pieces(mention, text):
                        name = self._name(a, p, mention, words, text)
                        if name:
                            names.append(name)
            out.append(names)
        return out

    def _function_word(self, word: str) -> bool:
        """A capitalised pronoun, article, preposition...: "The", "We", but not "US" or "IT"."""
        return word in self.function_forms

    def _unsupported(self, words, i: int) -> bool:
        """Whether words[i], capitalised where capitals say nothing, is just a common word."""
        word = words[i][2]
        lower = word.lower()
        if self._function_word(word):
            return True
        if lower not in self.vocab.common and not (lower.endswith("s") and lower[:-1] in self.vocab.common):
            return False
        if word in self.vocab.places or (word.isupper() and _in_gazetteer(word.title())):
            return False  # "Turkey said", "BOLOGNA, Italy"
        if word in self.capitalised_mid_sentence:
            return False
        return not (word in self.vocab.given_names and i + 1 < len(words)
                    and words[i + 1][2].lower() not in self.vocab.common)

    def _pieces(self, mention: Mention, text: str) -> list[list[tuple[int, int, str]]]:
        words = mention.words
        outlet = words[0][2] == "The" and len(words) > 1 and _is_outlet(text[words[0][0]:words[-1][1]], words[-1][2])
        while not outlet and words and self._function_word(words[0][2]):
            words = words[1:]  # "We", "This", "Then Amazon": never part of a name
        if not (mention.opens_sentence or mention.title_case):
            return [words] if words else []
        while words and self._unsupported(words, 0) and not self._whole_is_name(words, text):
            words = words[1:]
        if not words or not mention.title_case or len(words) == 1 or self._whole_is_name(words, text):
            return [words] if words else []
        pieces, piece = [], []
        for i in range(len(words)):
            if self._unsupported(words, i):
                if piece:
                    pieces.append(piece)
                piece = []
            else:
                piece.append(words[i])
        if piece:
            pieces.append(piece)
        return pieces

    def _whole_is_name(self, words, text: str) -> bool:
        """Whether a multi-word sequence is a name as a whole (gazetteer, head word, seen mid-sentence)."""
        if len(words) < 2:
            return False
        surface = text[words[0][0]:words[-1][1]]
        if surface in self.known_phrases or surface in self.vocab.places:
            return True
        label, strength = intrinsic(surface, tuple(w[2] for w in words))
        return strength >= 4 and label != PERSON

    def _single_name(self, a: int, p: int, mention: Mention, text: str) -> Name | None:
        """The Name of a one-word mention (the common case of :meth:`_pieces` and :meth:`_name`)."""
        start, end, word = mention.words[0]
        if self._function_word(word):
            return None
        opens = mention.opens_sentence
        if opens and self._unsupported(mention.words, 0):
            return None
        label, strength = intrinsic(word, (word,))  # -1 for a lone nationality word too
        if strength < 0:
            return None
        if label is None and not self._may_be_name(word, mention, opens):
            return None
        return Name(a, p, start, end, word, (word,), (label, strength), mention.votes, mention.acronym)

    def _may_be_name(self, word: str, mention: Mention, opens: bool) -> bool:
        """Whether a lone capitalised word with nothing in itself saying "name" may still be one."""
        if word.lower() in self.vocab.common and word.endswith(_ADJECTIVE_ENDINGS) \
                and word not in self.vocab.org_heads:
            return False  # "the Presidential inauguration"
        if word in self.capitalised_mid_sentence or any(v > 0 for v in mention.votes):
            return True
        if mention.title_case:  # a headline's word, a name only if the articles use it as one
            return word in self.seen_in_body
        # "Screenshots of ...": a plural, capitalised only where a sentence starts
        return not (opens and word[-1] == "s" and word[-2:] not in ("ss", "us", "is"))

    def _name(self, a: int, p: int, mention: Mention, words, text: str) -> Name | None:
        """A Name for ``words`` of ``mention``, or None when they are not a name."""
        surface = text[words[0][0]:words[-1][1]]
        plain = tuple(w[2] for w in words)
        label, strength = intrinsic(surface, plain)
        if strength < 0:
            return None
        if strength < 4 and len(plain) <= 2 and _is_demonym(plain[0]):
            # "Chinese officials", "American Smith": the nationality is not part of the name
            return self._name(a, p, mention, words[1:], text) if len(words) > 1 else None
        last = words[-1] == mention.words[-1]
        opens = mention.opens_sentence and words[0] == mention.words[0]
        if len(plain) == 1 and label is None and not self._may_be_name(plain[0], mention, opens):
            return None
        votes = list(mention.votes) if last else [0.0, 0.0, 0.0]
        return Name(a, p, words[0][0], words[-1][1], surface, plain, (label, strength), votes,
                    mention.acronym if last else None)

    # -- deciding -----------------------------------------------------------------------------

    def resolve(self, articles: list[list[Name]]) -> None:
        """Set every name's label and canonical full form."""
        corpus_votes: dict[str, list[float]] = defaultdict(lambda: [0.0, 0.0, 0.0])
        for names in articles:
            for name in names:
                if len(name.words) == 1:
                    totals = corpus_votes[name.surface]
                    for i, v in enumerate(name.votes):
                        totals[i] += v
        # Multi-word names first: their types give the single words their meaning.
        contexts = [self._resolve_phrases(names) for names in articles]
        surnames = {part for context in contexts for part, _ in context.surnames}
        for names, context in zip(articles, contexts):
            self._resolve_words(names, context, corpus_votes, surnames)
        self._merge_across_articles(articles)

    def _resolve_phrases(self, names: list[Name]) -> _ArticleNames:
        """Label the multi-word names of an article; what they tell about its single words."""
        context = _ArticleNames(defaultdict(Counter), defaultdict(Counter), defaultdict(Counter), {}, set())
        by_surface: dict[str, list[Name]] = defaultdict(list)
        for name in names:
            if len(name.words) > 1:
                by_surface[name.surface].append(name)
        for surface, group in by_surface.items():
            label = _decide(group)
            canonical = self.vocab.places.get(surface, surface) if label == PLACE else surface
            for name in group:
                name.label, name.canonical = label, canonical
            words = group[0].words
            if label == PERSON:
                context.person_parts[words[-1]][surface] += len(group)
                context.person_parts[words[0]][surface] += len(group)
                context.surnames.add((words[-1], surface))
            elif label == ORG:
                context.org_by_initials[initials(words)][surface] += len(group)
                context.org_by_head[words[-1]][surface] += len(group)
        for name in names:
            if name.acronym and name.label is not None and _abbreviates(name.acronym, name.words):
                context.defined[name.acronym] = (name.label, name.canonical)
        return context

    def _resolve_words(self, names: list[Name], context: _ArticleNames, corpus_votes, surnames: set[str]) -> None:
        """Label the single-word names of an article: an alias of one of its names, else by evidence."""
        by_surface: dict[str, list[Name]] = defaultdict(list)
        for name in names:
            if len(name.words) == 1:
                by_surface[name.surface].append(name)
        for word, group in by_surface.items():
            canonical = word
            if word in context.person_parts:
                label, canonical = PERSON, context.person_parts[word].most_common(1)[0][0]
            elif word in context.defined:
                label, canonical = context.defined[word]
            elif is_acronym(word) and _letters(word) in context.org_by_initials:
                label, canonical = ORG, context.org_by_initials[_letters(word)].most_common(1)[0][0]
            elif word in self.vocab.org_heads and word in context.org_by_head:
                label, canonical = ORG, context.org_by_head[word].most_common(1)[0][0]
            else:
                label = _decide(group, PERSON if word in surnames else corpus_votes.get(word))
                if label == PLACE:
                    canonical = self.vocab.places.get(word, word)
            for name in group:
                name.label, name.canonical = label, canonical

    def _merge_across_articles(self, articles: list[list[Name]]) -> None:
        """Point lone surnames and acronyms at the one full name the rest of the corpus gives them."""
        full_persons: dict[str, Counter] = defaultdict(Counter)
        full_orgs: dict[str, Counter] = defaultdict(Counter)
        defined: dict[str, str] = {}
        for names in articles:
            for name in names:
                if name.canonical != name.surface:
                    continue
                if name.label == PERSON and len(name.words) > 1:
                    full_persons[name.words[-1]][name.surface] += 1
                elif name.label == ORG and len(name.words) > 1:
                    full_orgs[initials(name.words)][name.surface] += 1
                if name.acronym and _abbreviates(name.acronym, name.words):
                    defined[name.acronym] = name.canonical
        for names in articles:
            for name in names:
                if name.canonical != name.surface or len(name.words) > 1:
                    continue
                if name.label == PERSON and len(full_persons.get(name.surface, ())) == 1:
                    name.canonical = next(iter(full_persons[name.surface]))
                elif name.label == ORG and is_acronym(name.surface):
                    if name.surface in defined:
                        name.canonical = defined[name.surface]
                    elif len(full_orgs.get(_letters(name.surface), ())) == 1:
                        name.canonical = next(iter(full_orgs[_letters(name.surface)]))


def _decide(group: list[Name], fallback: int | list[float] | None = None) -> int:
    """The label of all the mentions of one string in one article: the most evidence wins.

    With no evidence in the article, ``fallback`` decides: a label (a surname of a person of
    another article) or the votes of the whole corpus; with none at all, an unknown capitalised
    name is taken for an organisation (the commonest kind in news).
    """
    scores = [0.0, 0.0, 0.0]
    label, strength = group[0].intrinsic
    if label is not None:
        scores[label] += strength
    for name in group:
        for i, v in enumerate(name.votes):
            scores[i] += v
    if max(scores) <= 0 and fallback is not None:
        if isinstance(fallback, int):
            return fallback
        scores = list(fallback)
    best = max(scores)
    if best <= 0:
        return ORG
    if label is not None and scores[label] == best:
        return label
    return ORG if scores[ORG] == best else scores.index(best)


@lru_cache(maxsize=65536)
def key_for(label: int, canonical: str) -> str:
    """The key of a name: "org:amazon-web-services"; a company's legal form is left out ("Acme Inc.")."""
    if label == ORG:
        canonical = _without_legal_form(canonical)
    return f"{LABELS[label].lower()}:{slug(canonical)}"


def amount_key(label: str, text: str) -> str:
    """The key of a date or amount: its words in lowercase, "date:last-week", "percent:2.1%"."""
    return f"{label.lower()}:{'-'.join(_AMOUNT_PARTS.findall(text.lower()))}"


def _without_legal_form(name: str) -> str:
    words = name.split()
    vocab = vocabulary()
    if len(words) > 1 and words[-1].rstrip(".").lower() in vocab.org_suffixes:
        return " ".join(words[:-1]).rstrip(",")
    return name
