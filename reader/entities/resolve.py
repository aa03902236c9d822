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
# A lowercase letter then a capital inside a word, other than after a surname prefix ("McCarthy").
_INNER_CAPITAL = re.compile(r"^(?!Ma?c[A-Z]|D[eiu][A-Z]|L[ae][A-Z]|Van[A-Z]|Von[A-Z]|O['’])\w*[a-z][A-Z]")


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
    if surface in vocab.subdivisions:
        return PLACE, 3  # weaker than a country or city: some are also surnames ("Sutton")
    first, last = words[0], words[-1]
    if len(words) > 1:
        suffix = last.rstrip(".")
        if suffix.lower() in vocab.org_suffixes and (len(suffix) > 2 or suffix.isupper() or last[-1] == "."):
            return ORG, 5  # "Acme Inc.", "Marlow Packaging Co."
        if first == "The" and _is_outlet(surface, last):
            return ORG, 5
        if first in vocab.compass_words and len(words) == 2 and (_in_gazetteer(last) or last in vocab.subdivisions):
            return PLACE, 5  # "East Dayton", "South Wales"
        if last in vocab.admin_heads:
            return PLACE, 4  # "Clark County", even after a given name
        if first in vocab.org_prefixes and " of " in surface:
            return ORG, 4  # "Center of ... Valley" too
        if last in vocab.place_heads and first not in vocab.given_names:
            return PLACE, 4
        if last in vocab.org_heads or _org_compound(last) or any(w in vocab.foreign_org_words for w in words):
            return ORG, 4
        if first in vocab.given_names:
            if len(words) > 2 and any(w in vocab.org_heads for w in words[1:-1]):
                return ORG, 2  # "Aurora Capital Markets": a given name opening a company's name
            return PERSON, 4
        if first in vocab.places or last in vocab.places:
            return ORG, 2  # "Seattle Seahawks", "Texas Instruments", "Real Madrid"
        if " of " in surface or " for " in surface or " & " in surface or first in vocab.foreign_articles:
            return ORG, 2  # "La Voz del Valle"
        if len(words) <= 3 and len(last) > 1 and last.lower() not in vocab.common and not is_acronym(last):
            return PERSON, 1.5  # the shape of a personal name, a surname last: "Kif Leswing"
        return ORG, 1  # "Proud Boys", "Business Insider"
    if first in vocab.standalone_places:
        return PLACE, 4
    if _org_compound(first):
        return ORG, 4  # "Handelsbanken", "Dagbladet"
    if first in vocab.not_acronyms or (first.endswith("s") and is_acronym(first[:-1])) \
            or _extends_common_acronym(first):
        return None, -1  # "CEO", "IPOs", "CPI-U"
    if _INNER_CAPITAL.search(first):
        return ORG, 2  # a brand's inner capital: "GoFundMe", "LinkedIn" (not "McCarthy", "DeSantis")
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


def _extends_common_acronym(word: str) -> bool:
    """Whether an all-capitals word is a common acronym of three letters or more with a letter or two
    added, or a hyphenated part: a variant of the same measure ("CPIF", "CPI-ATE" after "CPI")."""
    vocab = vocabulary()
    if "-" in word:
        head, _, rest = word.partition("-")
        return len(head) >= 3 and head in vocab.not_acronyms and rest.isupper()
    return word.isupper() and word.isalpha() and any(
        len(word) - k >= 3 and word[:-k] in vocab.not_acronyms for k in (1, 2)
    )


def _shouted(text: str) -> bool:
    """Whether a passage is written all in capitals (a tabloid's headline): no lowercase letter."""
    return not any(c.islower() for c in text)


def _has_word(text: str, word: str) -> bool:
    """Whether ``text`` has ``word`` as a word of its own (not inside a longer word or a hyphenation)."""
    at = text.find(word)
    while at >= 0:
        end = at + len(word)
        if (at == 0 or not (text[at - 1].isalnum() or text[at - 1] in "-'’")) \
                and (end == len(text) or not (text[end].isalnum() or text[end] == "-")):
            return True
        at = text.find(word, end)
    return False


def _org_compound(word: str) -> bool:
    """Whether one word is a compound ending in an organisation word of another language: a
    Scandinavian or German "...bank", "...bladet", "...verket" (at least four letters before it)."""
    vocab = vocabulary()
    return word[-4:].islower() and any(
        word.endswith(ending) and len(word) >= len(ending) + 4 for ending in vocab.org_word_endings
    )


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
    # (PERSON, word) -> index (in the article's names) of the first person's name it is the first or last
    # word of; (ORG, word) -> of the first organisation's name it opens ("Acme" of "Acme Paper Mills")
    first_use: dict[tuple[int, str], int]


class Resolver:
    """Turns the mentions of a corpus into typed, keyed names."""

    def __init__(self, mentions: list[list[list[Mention]]], texts: list[list[str]]):
        """``mentions[a][p]`` and ``texts[a][p]``: the mentions and text of passage p of article a."""
        self.vocab = vocabulary()
        self.function_forms = frozenset(w.capitalize() for w in self.vocab.function_words)
        self.mentions = mentions
        self.texts = texts
        self.capitalised_mid_sentence: set[str] = set()
        self.named_alone: set[str] = set()  # one-word names written mid-sentence ("Harvest", "the Riksbank")
        self.seen_in_body: set[str] = set()  # words of names outside headlines in title case
        self.known_phrases: set[str] = set()
        self._lowercase_seen: dict[tuple[int, str], bool] = {}
        function_forms = self.function_forms
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
                        alone = m.words[1:] if m.words[0][2] in function_forms else m.words
                        if len(alone) == 1:
                            self.named_alone.add(alone[0][2])
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
                    for words in self._pieces(a, mention, text):
                        name = self._name(a, p, mention, words, text)
                        if name:
                            names.append(name)
            out.append(names)
        return out

    def _function_word(self, word: str) -> bool:
        """A capitalised pronoun, article, preposition...: "The", "We", but not "US" or "IT"."""
        return word in self.function_forms

    def _unsupported(self, words, i: int, a: int, title_case: bool) -> bool:
        """Whether words[i], capitalised where capitals say nothing, is just a common word.

        Its capital is support when the corpus writes it capitalised mid-sentence: for a word alone,
        as a name of its own ("Harvest said", not "Central banks" after "European Central Bank"). A headline's word that article ``a`` writes in lowercase is a
        common word, in any dictionary or none ("the krona").
        """
        word = words[i][2]
        lower = word.lower()
        if self._function_word(word):
            return True
        if lower not in self.vocab.common and not (lower.endswith("s") and lower[:-1] in self.vocab.common) \
                and not ("-" in lower and all(part in self.vocab.common for part in lower.split("-"))):
            return title_case and self._written_lowercase(a, lower)
        if word in self.vocab.places or (word.isupper() and _in_gazetteer(word.title())):
            return False  # "Turkey said", "BOLOGNA, Italy"
        if word in (self.named_alone if len(words) == 1 else self.capitalised_mid_sentence):
            return title_case and self._written_lowercase(a, lower)
        return not (word in self.vocab.given_names and i + 1 < len(words)
                    and words[i + 1][2].lower() not in self.vocab.common)

    def _written_lowercase(self, a: int, lower: str) -> bool:
        """Whether article ``a`` has the word ``lower`` in lowercase, as a word of its own."""
        key = (a, lower)
        found = self._lowercase_seen.get(key)
        if found is None:
            found = self._lowercase_seen[key] = any(_has_word(text, lower) for text in self.texts[a])
        return found

    def _pieces(self, a: int, mention: Mention, text: str) -> list[list[tuple[int, int, str]]]:
        words = mention.words
        surface = text[words[0][0]:words[-1][1]]
        # A capital "The" belongs to a newspaper's title ("The Wall Street Journal"), but not to the
        # short form opening a sentence ("The Sentinel said") unless the corpus writes it so mid-sentence.
        outlet = words[0][2] == "The" and len(words) > 1 and _is_outlet(surface, words[-1][2]) \
            and (len(words) > 2 or surface in self.known_phrases)
        while not outlet and words and self._function_word(words[0][2]):
            words = words[1:]  # "We", "This", "Then Amazon": never part of a name
        if len(words) > 2 and words[0][2] in self.vocab.countries and text[words[0][1]] == " " \
                and text[words[1][0]:words[-1][1]] in self.known_phrases:
            # "US Federal Reserve" where "Federal Reserve" is written alone: a country before a name
            return [words[:1], *self._pieces_after(a, mention, text, words[1:], False)]
        return self._pieces_after(a, mention, text, words, mention.opens_sentence)

    def _pieces_after(self, a: int, mention: Mention, text: str, words,
                      opens: bool) -> list[list[tuple[int, int, str]]]:
        """The names in ``words`` (no function word first) of ``mention``; ``opens``: they open a sentence."""
        while len(words) > 1 and words[-1][2] in self.vocab.not_acronyms:
            words = words[:-1]  # letters after a name: "Huw Evans KC", "Ann Lee MBE"
        if not (opens or mention.title_case):
            return [words] if words else []
        title_case = mention.title_case
        while words and self._unsupported(words, 0, a, title_case) and (
                not self._whole_is_name(words, text, title_case) or self._known_without_first(words, text)):
            words = words[1:]
        if not words or not title_case or len(words) == 1 or self._whole_is_name(words, text, True):
            return [words] if words else []
        pieces, piece = [], []
        for i in range(len(words)):
            if self._unsupported(words, i, a, True):
                if piece:
                    pieces.append(piece)
                piece = []
            else:
                piece.append(words[i])
        if piece:
            pieces.append(piece)
        return pieces

    def _known_without_first(self, words, text: str) -> bool:
        """Whether the name after the first word is written on its own mid-sentence, and the whole
        is not: "Federal" before "Occupational Safety and Health Administration" is an adjective."""
        if text[words[0][0]:words[-1][1]] in self.known_phrases or text[words[0][1]:words[1][0]] != " ":
            return False  # known as a whole, or "Bank of ...": the first word is the name's head
        if len(words) == 2:
            return words[1][2] in self.named_alone
        return text[words[1][0]:words[-1][1]] in self.known_phrases

    def _whole_is_name(self, words, text: str, title_case: bool) -> bool:
        """Whether a multi-word sequence is a name as a whole (gazetteer, head word, seen mid-sentence).

        In a headline in title case, a head word after common words is not enough ("Near the End of
        the Road"): the articles must write the name so.
        """
        if len(words) < 2:
            return False
        surface = text[words[0][0]:words[-1][1]]
        if surface in self.known_phrases or surface in self.vocab.places:
            return True
        if title_case and all(w[2].lower() in self.vocab.common for w in words):
            return False
        label, strength = intrinsic(surface, tuple(w[2] for w in words))
        return strength >= 4 and label != PERSON

    def _single_name(self, a: int, p: int, mention: Mention, text: str) -> Name | None:
        """The Name of a one-word mention (the common case of :meth:`_pieces` and :meth:`_name`)."""
        start, end, word = mention.words[0]
        if self._function_word(word):
            return None
        opens = mention.opens_sentence
        if opens and self._unsupported(mention.words, 0, a, mention.title_case):
            return None
        surface = word
        if mention.title_case and word.isupper() and len(word) > 1 and _shouted(text):
            surface = self._unshouted(mention.words, text)
            if surface is None:
                return None
        label, strength = intrinsic(surface, (surface,))  # -1 for a lone nationality word too
        if strength < 0:
            return None
        if label is None and not self._may_be_name(surface, mention, opens):
            return None
        return Name(a, p, start, end, surface, (surface,), (label, strength), mention.votes, mention.acronym)

    def _unshouted(self, words, text: str) -> str | None:
        """The name ``words`` of a line in capitals as the articles write it: as they are where the
        articles write them so ("NHS") or they name a place ("DAYTON"), in title case where the
        articles write that ("ROWE" -> "Rowe"), else None: capitals alone are no evidence ("FRAUD")."""
        surface = text[words[0][0]:words[-1][1]]
        if all(w[2] in self.seen_in_body for w in words) or _in_gazetteer(surface.title()):
            return surface
        titled = [w[2].title() for w in words]
        if all(w in self.seen_in_body for w in titled) \
                and all(text[x[1]:y[0]] == " " for x, y in zip(words, words[1:])):
            return " ".join(titled)
        return None

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
        if mention.title_case and surface.isupper() and _shouted(text):
            written = self._unshouted(words, text)
            if written is None:
                return None
            if written != surface:
                surface, plain = written, tuple(written.split(" "))
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
        context = _ArticleNames(defaultdict(Counter), defaultdict(Counter), defaultdict(Counter), {}, set(), {})
        by_surface: dict[str, list[Name]] = defaultdict(list)
        first_index: dict[str, int] = {}
        for i, name in enumerate(names):
            if len(name.words) > 1:
                by_surface[name.surface].append(name)
                first_index.setdefault(name.surface, i)
        for surface, group in by_surface.items():
            label = _decide(group)
            canonical = self.vocab.places.get(surface, surface) if label == PLACE else surface
            for name in group:
                name.label, name.canonical = label, canonical
            words = group[0].words
            at = first_index[surface]
            if label == PERSON:
                context.person_parts[words[-1]][surface] += len(group)
                context.person_parts[words[0]][surface] += len(group)
                context.surnames.add((words[-1], surface))
                for word in (words[0], words[-1]):
                    context.first_use[PERSON, word] = min(at, context.first_use.get((PERSON, word), at))
            elif label == ORG:
                context.org_by_initials[initials(words)][surface] += len(group)
                context.org_by_head[words[-1]][surface] += len(group)
                context.first_use[ORG, words[0]] = min(at, context.first_use.get((ORG, words[0]), at))
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
            org_at = context.first_use.get((ORG, word))
            if org_at is not None and (word in context.person_parts or word in surnames) \
                    and org_at < context.first_use.get((PERSON, word), len(names)):
                # A short form of an organisation's name introduced first ("Kessler" after "Kessler
                # Polymer Recycling"), even if a person of the article or the corpus shares it ("Mr.
                # Kessler said" stays a person).
                person = context.person_parts.get(word)
                for name in group:
                    if (person or word in surnames) and name.votes[PERSON] > max(name.votes[ORG], 0):
                        name.label, name.canonical = PERSON, person.most_common(1)[0][0] if person else word
                    else:
                        name.label, name.canonical = ORG, word
                continue
            if word in context.person_parts:
                label, canonical = PERSON, context.person_parts[word].most_common(1)[0][0]
            elif word in context.defined:
                label, canonical = context.defined[word]
            elif is_acronym(word) and _letters(word) in context.org_by_initials:
                label, canonical = ORG, context.org_by_initials[_letters(word)].most_common(1)[0][0]
            elif word in self.vocab.org_heads and word in context.org_by_head:
                label, canonical = ORG, context.org_by_head[word].most_common(1)[0][0]
            else:
                strength = group[0].intrinsic[1]
                if word in surnames and strength < 4 and not any(v > 0 for name in group for v in name.votes):
                    label = PERSON  # a surname of another article's person, not a county named so ("Sefton")
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
