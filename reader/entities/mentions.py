"""Finding name candidates in one passage: capitalised word sequences and the cues around them.

Nothing here looks beyond the passage: a :class:`Mention` records what the passage itself says
(its words, where a sentence starts, titles and honorifics before it, cue words around it); the
document and the corpus decide its type later (see :mod:`reader.entities.resolve`).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from reader.entities.vocabulary import Vocabulary, vocabulary

PERSON, ORG, PLACE = 0, 1, 2  # indexes of a Mention's votes
LABELS = ("PERSON", "ORG", "PLACE")


def _char_class(test) -> str:
    """A regex character class of the code points below U+3000 passing ``test``, as ranges.

    (Capital letters beyond are in scripts without case, or rare.)
    """
    ranges, start, previous = [], None, None
    for code in range(0x3000):
        if test(chr(code)):
            if start is None:
                start = code
            previous = code
        elif start is not None:
            ranges.append((start, previous))
            start = None
    return "".join(
        re.escape(chr(a)) if a == b else f"{re.escape(chr(a))}-{re.escape(chr(b))}" for a, b in ranges
    )


_UPPER = _char_class(lambda c: c.isupper() and c.isalpha())
# A capitalised word: dotted initials ("U.S."), or a capital and word characters, with inner
# apostrophes before a capital ("O'Brien"), hyphens ("Coca-Cola", "Seattle-based") and inner dots
# ("Amazon.com"), and a full stop when another capital follows ("Mr. Smith", "John F. Kennedy",
# but also "Amazon. The": see _full_stop_pieces). A possessive "'s" is outside. The pattern opens
# with a character class, which the regex engine scans for quickly.
_WORD_PATTERN = (
    rf"[{_UPPER}](?<![\w’'][{_UPPER}])"
    rf"(?:\.(?:[{_UPPER}]\.)+|(?:[\w&]|[’'](?=[{_UPPER}])|[-.](?=\w))*(?:\.(?=[ ][{_UPPER}]))?)"
)
# What may stand between two words of one name: a space, "&", a linking word, or a comma before a
# company's legal form or "D.C." ("Acme, Inc.", "Washington, D.C.").
# Particles inside personal names ("Charles de Gaulle") always join; the other links are judged.
_NAME_PARTICLES = ("de", "du", "del", "della", "di", "da", "van", "von", "der", "den", "la", "le", "bin", "y",
                   "ap", "ab", "ibn", "bint")
_LINKS = ("of", "for", "and", "of the", "and the", *_NAME_PARTICLES)
# Heads of institutions named after whom they serve, with a possessive: "Coroner's Office",
# "Children's Hospital" (joined only after a common noun: see _emit).
_POSSESSIVE_HEADS = ("Office", "Department", "Hospital", "Hospice", "Association", "Fund", "Trust", "Union",
                     "Institute", "Society", "Club", "Bureau", "Service", "Court", "Commission", "Council", "College",
                     "School", "Academy", "Church", "Cathedral", "Centre", "Center", "Foundation", "Home", "Park")
_SAINTS = frozenset({"St", "St.", "Saint", "Ste", "Ste."})
_POSSESSIVE_GAPS = frozenset({"'s ", "’s ", "s' ", "s’ "})
_GAP = (
    rf"(?:[ \u00a0](?:(?:{'|'.join(sorted(('&', *_LINKS), key=len, reverse=True))})[ ])?"
    rf"|,[ ](?=(?:Inc|Corp|Ltd|LLC|PLC|GmbH|AG|LLP|LP|D\.C)\b)"
    rf"|['’]s[ ](?=(?:{'|'.join(_POSSESSIVE_HEADS)})\b))"
)
_WORD = re.compile(_WORD_PATTERN)
_GROUP = re.compile(rf"{_WORD_PATTERN}(?:{_GAP}{_WORD_PATTERN})*")
# Abbreviations whose full stop does not end the name: titles before a name, "St." before a place.
_NAME_GOES_ON = frozenset({
    "Mr.", "Mrs.", "Ms.", "Mx.", "Dr.", "Prof.", "Rev.", "Sen.", "Rep.", "Gov.", "Lt.", "Gen.", "Col.",
    "Capt.", "Sgt.", "Adm.", "Maj.", "Cpl.", "Hon.", "Atty.", "Det.", "St.", "Mt.", "Ft.",
})
# Abbreviations that end a name with their full stop.
_NAME_ENDS = frozenset({"Inc.", "Corp.", "Co.", "Ltd.", "Jr.", "Sr.", "Bros."})
_CONNECTORS = frozenset(f" {link} " for link in _LINKS)
_PARTICLES = frozenset(f" {link} " for link in _NAME_PARTICLES)
_SENTENCE_ENDS = frozenset(".!?:;…—–•|")
_OPENERS = frozenset(" \t\u00a0\"“”‘’'([*-")
_HYPHEN_PREFIXES = ("Pro-", "Anti-", "Ex-", "Non-", "Post-", "Pre-")
_PLACE_SUFFIXES = ("-based", "-headquartered")
_OWNED_DOCUMENTS = frozenset({"Terms", "Guidelines", "Policy"})
_ORG_ROLE_WORDS = frozenset({
    "CEO", "CFO", "COO", "CTO", "CIO", "Chief", "Chairman", "Chairwoman", "Chair", "Founder", "Co-founder",
    "Cofounder", "Director", "Spokesman", "Spokeswoman", "Spokesperson", "Executive",
})
_TITLE_CASE_SMALL = ("a", "an", "the", "of", "in", "on", "for", "to", "and", "or", "at", "by", "from", "with", "as",
                     "vs", "via", "but", "nor", "into", "over", "up", "off", "out", "s", "t")
# A word in lowercase other than the short words headlines keep in lowercase.
_LOWERCASE_WORD = re.compile(rf"(?<![\w’'-])(?!(?:{'|'.join(_TITLE_CASE_SMALL)})\b)[^\W\d_{_UPPER}]")
_CAPITALISED_WORD = re.compile(rf"(?<![\w’'-])[{_UPPER}]")


@dataclass(slots=True)
class Mention:
    """A capitalised name in a passage, before its type is decided.

    ``words`` are (start, end, word) in passage offsets; what stands between two of them is in the
    text (a space, " & ", " of "). ``votes`` add up the context cues for PERSON, ORG and PLACE.
    """

    words: list[tuple[int, int, str]]
    opens_sentence: bool  # the first word starts a sentence, or the passage is in title case
    title_case: bool  # every word of the passage is capitalised: capitals are no evidence
    votes: list[float]  # [PERSON, ORG, PLACE]
    acronym: str | None = None  # an acronym given in brackets right after the name: "(AWS)"

    @property
    def start(self) -> int:
        return self.words[0][0]

    @property
    def end(self) -> int:
        return self.words[-1][1]


_DETERMINERS = frozenset({"the", "his", "her", "its", "their", "a", "an", "our", "my", "your", "this", "that"})
_PLACE_PREPOSITIONS = frozenset({"in", "from", "near", "across", "throughout", "outside", "inside"})
_LIVING_IN = frozenset({"based", "headquartered", "located", "born", "live", "lives", "lived", "living"})
_SAYING = frozenset({"said", "says", "told", "added", "wrote", "tweeted", "argued", "explained"})
_PRONOUNS = frozenset({"he", "she", "him", "her"})
_FAMILY = frozenset({"wife", "husband", "son", "daughter", "mother", "father", "family", "own", "brother",
                     "sister", "parents", "children"})
_POSSESSIVES = ("'", "’")
_PLACE_NOUNS = frozenset({"region", "province", "state", "county", "city", "town", "village", "area", "district",
                          "border", "coast", "capital", "island", "peninsula", "neighborhood", "neighbourhood",
                          "suburb", "municipality", "countryside"})
_LIST_GAPS = frozenset({", ", " and ", ", and ", " or ", ", or "})
_TRAILING_PUNCTUATION = ",.;:!?)]”’\"'"
_POSSESSED = re.compile(r"['’]s?\s+([\w-]+)(?:\s+([\w-]+))?")
# After a comma: ", who" / ", 45," (a person), ", which", ", a social media site" (its words),
# ", Texas" (a capitalised name).
_AFTER_COMMA = re.compile(
    rf",\s+(?:(who)\b|(\d{{1,3}}),|(which)\b|(?:a|an|the)\s+((?:[\w-]+\s*){{1,4}})"
    rf"|([{_UPPER}][\w.]*(?:\s[{_UPPER}][\w.]*)?))"
)
_ACRONYM_AFTER = re.compile(r"\s+\(([A-Z][A-Za-z&]*[A-Z])\)")


def is_title_case(text: str) -> bool:
    """Whether every word of ``text`` but short function words is capitalised (a headline style)."""
    return not _LOWERCASE_WORD.search(text) and len(_CAPITALISED_WORD.findall(text)) >= 2


def _opens_sentence(text: str, start: int) -> bool:
    """Whether a sentence starts at ``start``: only openers (quotes, brackets) and a sentence end before it."""
    i = start - 1
    while i >= 0 and text[i] in _OPENERS:
        i -= 1
    return i < 0 or text[i] in _SENTENCE_ENDS


def _masked(text: str, amounts: list[tuple[int, int, str]]) -> str:
    """``text`` with the ``amounts`` spans blanked out (same length), so no name runs into a date."""
    if not amounts:
        return text
    parts, at = [], 0
    for start, end, _label in amounts:
        parts.append(text[at:start])
        parts.append("\x00" * (end - start))
        at = end
    parts.append(text[at:])
    return "".join(parts)


def scan(texts: list[str], amounts: list[list[tuple[int, int, str]]]) -> list[list[Mention]]:
    """The name candidates of each passage text; words inside its ``amounts`` (dates etc.) are skipped.

    The passages of an article are scanned in one pass (joined by NUL characters, which no name
    crosses); offsets are into each passage's own text.
    """
    vocab = vocabulary()
    special = vocab.title_starts
    joined = "\x00".join(_masked(text, spans) for text, spans in zip(texts, amounts))
    out: list[list[Mention]] = [[] for _ in texts]
    index, base = -1, 0
    limit = -1
    text, title_case, mentions = "", False, []
    for group in _GROUP.finditer(joined):
        start, end = group.span()
        if start > limit:
            while start > limit:
                index += 1
                base = limit + 1
                limit = base + len(texts[index])
            text, title_case, mentions = texts[index], is_title_case(texts[index]), out[index]
        start -= base
        end -= base
        found = group.group()
        if " " not in found and "-" not in found and "\u00a0" not in found:
            if found in special:
                words = [(start, end, found)]
            else:  # the common case, one plain word
                mention = Mention([(start, end, found)], title_case or _opens_sentence(text, start), title_case,
                                  [0.0, 0.0, 0.0])
                _context_votes(text, mention, vocab)
                mentions.append(mention)
                continue
        else:
            if "-" not in found and "." not in found and "\u00a0" not in found and "'" not in found \
                    and "’" not in found:
                plain = found.split(" ")
                if all(w[0].isupper() and w not in special and w not in vocab.law_heads for w in plain) \
                        and not (text.startswith(".", end) and plain[-1] + "." in _NAME_ENDS):
                    # several plain capitalised words ("Amazon Web Services"): one name
                    words, at = [], start
                    for word in plain:
                        words.append((at, at + len(word), word))
                        at += len(word) + 1
                    mention = Mention(words, title_case or _opens_sentence(text, start), title_case, [0.0, 0.0, 0.0])
                    _context_votes(text, mention, vocab)
                    mentions.append(mention)
                    continue
            words = [(w.start(), w.end(), w.group()) for w in _WORD.finditer(text, start, end)]
            hyphens = "-" in found or (start and text[start - 1] == "-")
            for piece in _full_stop_pieces(text, words):
                for part in _hyphen_pieces(text, piece, vocab) if hyphens else (piece,):
                    _split_group(text, part, title_case, vocab, mentions)
            continue
        _split_group(text, words, title_case, vocab, mentions)
    for text, mentions in zip(texts, out):
        for first, second in zip(mentions, mentions[1:]):
            # "in Faenza and Cesena": a place cue carries over a list
            if first.votes[PLACE] > 0 and not any(second.votes) and text[first.end:second.start] in _LIST_GAPS:
                second.votes[PLACE] += first.votes[PLACE]
    return out


def _full_stop_pieces(text: str, words):
    """Cut a sequence after words with a full stop that ends a name or a sentence ("Amazon. The")."""
    piece = []
    for start, end, word in words:
        if word[-1] != "." and end < len(text) and text[end] == "." and word + "." in _NAME_ENDS:
            end, word = end + 1, word + "."  # "Acme Inc." before a lowercase word or the end
        if word[-1] == "." and word not in _NAME_GOES_ON and word.title() not in _NAME_GOES_ON \
                and not (len(word) == 2 or word[-3] == "."):
            if word in _NAME_ENDS:
                piece.append((start, end, word))
            else:
                piece.append((start, end - 1, word[:-1]))
            yield piece
            piece = []
        else:
            piece.append((start, end, word))
    if piece:
        yield piece


def _hyphen_pieces(text: str, words, vocab: Vocabulary):
    """Cut a sequence around hyphen-joined words: "pro-Trump" and "Seattle-based" stand alone."""
    piece = []
    for word in words:
        if word[0] and text[word[0] - 1] == "-":
            if piece:
                yield piece
            yield [word]
            piece = []
            continue
        piece.append(word)
        if _modifier_suffix(word[2]) and word[2] not in vocab.titles:
            yield piece
            piece = []
    if piece:
        yield piece


def _modifier_suffix(word: str) -> bool:
    """Whether ``word`` ends in a lowercase hyphenated part ("Seattle-based", "Amazon-owned")."""
    cut = word.rfind("-")
    return cut > 0 and word[cut + 1:cut + 2].islower()


def _title_length(text: str, words, i: int, vocab: Vocabulary) -> int:
    """How many words from ``words[i]`` form a title ("Chief Executive"), or 0."""
    if words[i][2] not in vocab.title_words and words[i][2] not in vocab.honorifics:
        return 0
    for k in range(min(4, len(words) - i), 0, -1):
        phrase = text[words[i][0]:words[i + k - 1][1]]
        if phrase in vocab.titles or (k == 1 and phrase in vocab.honorifics):
            return k
    return 0


def _split_group(text: str, words, title_case: bool, vocab: Vocabulary, out: list[Mention]) -> None:
    """Cut a capitalised sequence into names at titles, laws and unjustified connectors."""
    opens = title_case or _opens_sentence(text, words[0][0])
    current: list[tuple[int, int, str]] = []
    next_votes = (0, 0)  # PERSON and ORG votes for the name after a title
    i = 0
    while i < len(words):
        start, end, word = words[i]
        k = _title_length(text, words, i, vocab)
        if k and _is_title_here(text, words, i, k, vocab):
            if current:
                # "Amazon CEO", "Acme Chief Executive": an organisation's; "Dayton Fire Chief": a town's
                org_role = words[i][2] in _ORG_ROLE_WORDS
                _emit(text, current, opens, title_case, vocab, out, next_votes, org_role)
            opens = title_case
            current = []
            after = text[words[i + k - 1][1]:words[i + k][0]] if i + k < len(words) else ""
            # "President Trump": a person follows; "CEO of Amazon": an organisation does
            next_votes = (0, 2) if after in _CONNECTORS else (3, 0)
            i += k
            continue
        if word in vocab.law_heads and (i > 0 or word == "Terms") and not title_case \
                and not _names_a_body(text, words, i, vocab):
            # A law or document is not a name. The owner before "Terms" is ("AWS Terms of Service"); a
            # law's own words are not, but a country or an acronym before them is ("US Antitrust Act").
            if current and word in _OWNED_DOCUMENTS:
                _emit(text, current, opens, title_case, vocab, out, next_votes, False)
            elif current and (is_acronym(current[0][2]) or current[0][2] in vocab.places):
                _emit(text, current[:1], opens, title_case, vocab, out, next_votes, False)
            current, next_votes, opens = [], (0, 0), False
            i += 1
            while i < len(words) and not text.startswith(" and ", words[i - 1][1]):
                i += 1  # the rest of the law's name, up to "and" ("the X Act and the Y Terms")
            continue
        if word.startswith(_HYPHEN_PREFIXES) and len(word) > 5:
            cut = word.index("-") + 1
            start, word = start + cut, word[cut:]
        current.append((start, end, word))
        i += 1
    if current:
        _emit(text, current, opens, title_case, vocab, out, next_votes, False)


def _names_a_body(text: str, words, i: int, vocab: Vocabulary) -> bool:
    """Whether the law word words[i] is part of the name of a body: "Monetary Policy Committee",
    "Treaty Organization" (an organisation's head word ends the name), but not "Terms of Service"."""
    return (i + 1 < len(words) and words[-1][2] in vocab.org_heads
            and not text.startswith((" of ", " and the "), words[i][1])
            and not any(w[2] in vocab.law_heads for w in words[i + 1:]))


def _is_title_here(text: str, words, i: int, k: int, vocab: Vocabulary) -> bool:
    """Whether the title words[i:i+k] is used as a title, not as part of a name.

    A title comes before a person's name ("President Biden") or after an organisation's
    ("Amazon CEO"); after "of" or "for" it ends a name ("Amazon Employees for Climate Justice"), and
    before a head word it begins one ("Justice Department"). An honorific before a name is always
    one ("money for Ms. Lee").
    """
    if i and text.startswith((" of ", " for "), words[i - 1][1]):
        return k == 1 and words[i][2] in vocab.honorifics and i + 1 < len(words)
    rest = words[i + k:]
    if not rest:
        return any(w[2] in _ORG_ROLE_WORDS for w in words[i:i + k]) or words[i][2] in vocab.honorifics
    return not ((rest[-1][2] in vocab.org_heads or rest[-1][2] in vocab.place_heads)
                and rest[0][2] not in vocab.given_names)


def _emit(text, words, opens, title_case, vocab, out, title_votes, before_org_role) -> None:
    """Add the names of ``words`` to ``out``, cut at connectors that do not join one name."""
    parts = [[words[0]]]
    for i in range(1, len(words)):
        gap = text[words[i - 1][1]:words[i][0]]
        if gap in _POSSESSIVE_GAPS:
            owner = words[i - 1][2]
            saint = i > 1 and words[i - 2][2] in _SAINTS  # "St Mary's Hospital"
            if not saint and (owner.lower() not in vocab.common or owner in vocab.given_names):
                parts.append([words[i]])  # "Smith's Office": a person's, not an institution's name
            else:
                parts[-1].append(words[i])
        elif gap in _CONNECTORS and gap not in _PARTICLES \
                and not _connector_joins(text, parts[-1], words[i:], gap, vocab):
            parts.append([words[i]])
        else:
            parts[-1].append(words[i])
    for n, part in enumerate(parts):
        mention = Mention(part, opens and n == 0, title_case, [0.0, 0.0, 0.0])
        if n == 0:
            mention.votes[PERSON] += title_votes[0]
            mention.votes[ORG] += title_votes[1]
        if before_org_role and n == len(parts) - 1:
            mention.votes[ORG] += 2
        _context_votes(text, mention, vocab)
        out.append(mention)


def _connector_joins(text: str, left, right, gap: str, vocab: Vocabulary) -> bool:
    """Whether "of", "for" or "and" joins the capitalised parts ``left`` and ``right`` into one name.

    Joined: places ("Trinidad and Tobago"), "X of Y" institutions ("Bank of America"), names
    of several words ("Amazon Employees for Climate Justice"), names made of common words ("Food
    and Drug Administration", "Call of Duty"). Not joined: "Jeff Bezos of Amazon", "Apple and Google".
    """
    if text[left[0][0]:right[-1][1]] in vocab.places:
        return True
    if left[0][2] == "The" and len(left) > 1:
        left = left[1:]
    first, last = left[0][2], right[-1][2]
    if gap.startswith(" and"):
        if len(left) == 1 and len(right) > 1 and last in vocab.org_heads \
                and _is_place(text[right[0][0]:right[-2][1]], vocab):
            return True  # "Avon and Somerset Police": a body of two areas
        if last in vocab.org_heads or last.rstrip(".").lower() in vocab.org_suffixes:
            # "Food and Drug Administration", "U.S. Chemical Safety and Hazard Investigation Board"
            return first in vocab.org_prefixes or (
                _plain_words(left[1:] if len(left) > 1 else left, vocab) and _plain_words(right[:1], vocab))
        return False
    if first in vocab.given_names or first in vocab.honorifics or _person_shaped(left, vocab):
        return False  # "Lars Vik of Aurora Capital Markets"
    if first not in vocab.org_prefixes and len(right) == 1 and last in vocab.places:
        return False  # "Rep. Chip Roy of Texas"
    return (first in vocab.org_prefixes or len(left) >= 2 or last in vocab.org_heads
            or (_plain_words(left, vocab) and _plain_words(right, vocab)))


def _is_place(name: str, vocab: Vocabulary) -> bool:
    """Whether ``name`` is in the gazetteer or the list of countries' subdivisions."""
    return name in vocab.places or name in vocab.subdivisions


def _person_shaped(words, vocab: Vocabulary) -> bool:
    """Whether two or three words look like a personal name: none a common word, a head word of
    organisations, an acronym or a place."""
    return 2 <= len(words) <= 3 and not any(
        w[2].lower() in vocab.common or w[2] in vocab.org_heads or w[2] in vocab.org_prefixes
        or is_acronym(w[2]) or w[2] in vocab.places for w in words
    )


def _plain_words(words, vocab: Vocabulary) -> bool:
    """Whether every word is a common English word (capitalised) and not a given name."""
    return all(w[2].lower() in vocab.common and w[2] not in vocab.given_names for w in words)


def is_acronym(word: str) -> bool:
    """All capitals (dots and "&" allowed), at least two letters: "AWS", "U.S.", "AT&T"."""
    letters = word.replace(".", "").replace("&", "")
    return len(letters) >= 2 and letters.isupper() and letters.isalpha()


# What the word just before or just after a name says (see _context_votes).
_ROLE, _ORG_KIND, _PLACE_PREPOSITION, _OF, _AT = range(1, 6)
_ORG_THING, _PLACE_NOUN, _SAYING_WORD, _PERSON_THING = range(1, 5)
# A president's or candidate's: "the Biden administration", "the Harris campaign".
_PERSON_THINGS = frozenset({"administration", "presidency", "campaign"})


@cache
def _cue_tables() -> tuple[dict[str, int], dict[str, int]]:
    """(word before -> cue, word after -> cue), lowercase, from the vocabulary."""
    vocab = vocabulary()
    before = {"of": _OF, "at": _AT}
    before.update(dict.fromkeys(_PLACE_PREPOSITIONS, _PLACE_PREPOSITION))
    before.update(dict.fromkeys(vocab.org_before, _ORG_KIND))
    before.update(dict.fromkeys(vocab.person_roles, _ROLE))
    after = dict.fromkeys(_SAYING, _SAYING_WORD)
    after.update(dict.fromkeys(_PERSON_THINGS, _PERSON_THING))
    after.update(dict.fromkeys(_PLACE_NOUNS, _PLACE_NOUN))
    after.update(dict.fromkeys((w.lower() for w in vocab.org_after), _ORG_THING))
    return before, after


def _word_before(text: str, end: int) -> str:
    """The word ending at ``end`` (the offset of the space after it), lowercase."""
    return text[text.rfind(" ", end - 32 if end > 32 else 0, end) + 1:end].lower()


def _context_votes(text: str, mention: Mention, vocab: Vocabulary) -> None:
    """Add the cues of the words around ``mention`` to its votes.

    Before it: a role ("chief executive John Smith"), a kind of organisation ("social network
    Parler"), a place preposition ("in Seattle", "based in Lyon", "the village of Krasnohorivka"),
    a role at an organisation ("analysts at Morgan Stanley"). After it: an organisation's
    belongings ("the Parler app", "Acme's shares", "Acme said it"), a place noun ("the
    Emilia-Romagna region"), a person's ("Smith's wife", ", who", ", 45,", "said he", "the Biden
    administration"), an apposition ("Gab, a social media site"), a place ("Austin, Texas"), an
    acronym ("(AWS)").
    """
    votes = mention.votes
    words = mention.words
    start = words[0][0]
    last_start, end, last = words[-1]
    if "-" in last:
        cut = last.rfind("-")
        if cut > 0 and last[cut + 1:cut + 2].islower():  # "Seattle-based", "Amazon-owned"
            if last.endswith(_PLACE_SUFFIXES):
                votes[PLACE] += 2
            end = last_start + cut
            words[-1] = (last_start, end, last[:cut])
    before_cues, after_cues = _cue_tables()
    previous = ""
    if start > 1 and text[start - 1] == " ":
        previous = _word_before(text, start - 1)
        cue = before_cues.get(previous)
        if cue == _ROLE:
            votes[PERSON] += 2
        elif cue == _ORG_KIND:
            votes[ORG] += 2
        elif cue == _PLACE_PREPOSITION:
            if not text.startswith(_POSSESSIVES, end):
                votes[PLACE] += 2 if previous == "in" and _word_before(text, start - 4) in _LIVING_IN else 1
        elif cue == _OF:
            if _word_before(text, start - 4) in _PLACE_NOUNS:
                votes[PLACE] += 2
            elif start > 6 and text[start - 5] == "," and text[start - 6].isdigit():
                votes[PLACE] += 3  # "Ann Lee, 52, of Keynsham": where a person lives
        elif cue == _AT:
            role = _word_before(text, start - 4)
            if before_cues.get(role) == _ROLE or before_cues.get(role[:-1]) == _ROLE:
                votes[ORG] += 2
        elif previous[-1:] == "," and before_cues.get(previous[:-1]) == _ROLE:
            votes[PERSON] += 1  # "his barrister, Huw Evans" (weaker: "the quarry's owner, Acme Stone")
        elif previous == "the" and len(words) == 1 and words[0][2][-1] == "s" \
                and before_cues.get(_word_before(text, start - 5)) == _PLACE_PREPOSITION:
            votes[PLACE] += 1  # "across the Nordics", "in the Midlands": a region named in the plural
    if end >= len(text):
        return
    following = text[end]
    if following == " ":
        stop = text.find(" ", end + 1)
        word = text[end + 1:stop if stop > 0 else len(text)].rstrip(_TRAILING_PUNCTUATION).lower()
        cue = after_cues.get(word)
        if cue == _ORG_THING:
            votes[ORG] += 3 if previous in _DETERMINERS else 2
        elif cue == _PLACE_NOUN:
            votes[PLACE] += 2
        elif cue == _PERSON_THING:
            votes[PERSON] += 2
        elif cue == _SAYING_WORD and stop > 0:  # "Smith said he", "Acme said it"
            pronoun = text.find(" ", stop + 1)
            pronoun = text[stop + 1:pronoun if pronoun > 0 else len(text)].rstrip(_TRAILING_PUNCTUATION)
            if pronoun in _PRONOUNS:
                votes[PERSON] += 2
            elif pronoun == "it":
                votes[ORG] += 2
        if following == " " and text.startswith(" (", end):
            acronym = _ACRONYM_AFTER.match(text, end)
            if acronym:
                mention.acronym = acronym.group(1)
    elif following in _POSSESSIVES:
        after = _POSSESSED.match(text, end)
        if after:
            first, second = after.group(1), after.group(2)
            if first in _FAMILY:
                votes[PERSON] += 2
            elif _ORG_THING in (after_cues.get(first.lower()), second and after_cues.get(second.lower())):
                votes[ORG] += 1
    elif following == ",":
        after = _AFTER_COMMA.match(text, end)
        if after:
            who, age, which, described, place = after.groups()
            if who or age:
                votes[PERSON] += 2
            elif which:
                votes[ORG] += 1
            elif described and any(w in vocab.org_before for w in described.split()):
                votes[ORG] += 2
            elif place and place in vocab.places:
                votes[PLACE] += 3  # "Austin, Texas"; a dateline "TORVIK, Norway"
