"""The word lists the recogniser reads, loaded once from the data files in ``reader.data``.

Sources and licences are in ``reader/data/README.md`` and at the top of each file.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from importlib import resources


@dataclass(frozen=True, slots=True)
class Vocabulary:
    """Every word list, as sets of the exact spellings to look up (see each file's header)."""

    common: frozenset[str]  # lowercase common English words
    function_words: frozenset[str]  # lowercase closed-class words
    given_names: frozenset[str]  # capitalised, minus function words and titles
    places: dict[str, str]  # place name or alias -> the place name it stands for (cities that are
    # also common words are left out unless they have a million people)
    cities_like_words: frozenset[str]  # the cities left out of ``places``: taken only in capitals ("MOBILE, Ala.")
    subdivisions: frozenset[str]  # states, provinces, counties... of every country (ISO 3166-2), less
    # the one-word names that are common words, given names or cue words ("Reading", "Clare", "Centre")
    countries: frozenset[str]  # country names and their aliases ("United States", "US")
    demonym_stems: frozenset[str]  # first four letters of country, state and continent names
    honorifics: frozenset[str]
    titles: frozenset[str]  # one- and several-word titles ("Chief Executive")
    title_words: frozenset[str]  # words that can start a title
    title_starts: frozenset[str]  # words that can start a title or a law: "President", "Mr.", "Terms"
    person_roles: frozenset[str]
    org_suffixes: frozenset[str]  # lowercase, without a final full stop
    org_heads: frozenset[str]
    org_prefixes: frozenset[str]
    outlet_heads: frozenset[str]
    place_heads: frozenset[str]
    admin_heads: frozenset[str]
    compass_words: frozenset[str]
    org_word_endings: tuple[str, ...]
    foreign_org_words: frozenset[str]
    foreign_articles: frozenset[str]
    standalone_places: frozenset[str]
    law_heads: frozenset[str]
    norp: frozenset[str]
    not_acronyms: frozenset[str]
    org_before: frozenset[str]
    org_after: frozenset[str]


def _lines(name: str) -> list[str]:
    """The entries of a data file: its non-blank lines, without "#" comments."""
    text = resources.files("reader.data").joinpath(name).read_text(encoding="utf-8")
    out = []
    for line in text.splitlines():
        line = line.split("#", 1)[0].strip() if "#" in line else line.strip()
        if line:
            out.append(line)
    return out


def _sections(name: str) -> dict[str, list[str]]:
    """The entries of each "[section]" of a data file."""
    sections: dict[str, list[str]] = {}
    current: list[str] = []
    for line in _lines(name):
        if line.startswith("[") and line.endswith("]"):
            current = sections.setdefault(line[1:-1], [])
        else:
            current.append(line)
    return sections


_SPLIT_TSV = re.compile(r"\t")


@cache
def vocabulary() -> Vocabulary:
    """The word lists, read from the package data on first use."""
    words = _sections("vocabulary.txt")
    function_words = frozenset(words["function_words"])
    titles = frozenset(words["person_titles"])
    common = frozenset(_lines("common_words.txt"))
    places: dict[str, str] = {}
    cities_like_words: set[str] = set()
    stems = set()
    countries = set()
    for line in _lines("places.tsv"):
        name, kind, population = _SPLIT_TSV.split(line)
        if kind == "city" and name.lower() in common and int(population) < 1_000_000:
            cities_like_words.add(name)  # "Mobile", "Delta", "Enterprise": more often something else
            continue
        places[name] = name
        if kind != "city":
            stems.add(name[:4])
        if kind == "country":
            countries.add(name)
    places.update((name, name) for name in words["regions"])
    for line in words["place_aliases"]:
        alias, _, canonical = (part.strip() for part in line.partition("="))
        places[alias] = canonical
        if canonical in countries:
            countries.add(alias)
    given_names = frozenset(
        name for name in _lines("given_names.txt") if name.lower() not in function_words and name not in titles
    )
    cue_words = {*words["org_heads"], *words["org_prefixes"], *words["place_heads"], *words["norp"]}
    subdivisions = frozenset(
        name for name in (_SPLIT_TSV.split(line)[0] for line in _lines("subdivisions.tsv"))
        if name not in places
        and (" " in name or (name.lower() not in common and name not in given_names and name not in cue_words))
    )
    return Vocabulary(
        common=common,
        function_words=function_words,
        given_names=given_names,
        places=places,
        cities_like_words=frozenset(cities_like_words),
        subdivisions=subdivisions,
        countries=frozenset(countries),
        demonym_stems=frozenset(stems),
        honorifics=frozenset(words["honorifics"]),
        titles=titles,
        title_words=frozenset(t.split()[0] for t in titles),
        title_starts=frozenset(t.split()[0] for t in titles) | frozenset(words["honorifics"]) | {"Terms"},
        person_roles=frozenset(words["person_roles"]),
        org_suffixes=frozenset(s.rstrip(".") for s in _lines("org_suffixes.txt")),
        org_heads=frozenset(words["org_heads"]),
        org_prefixes=frozenset(words["org_prefixes"]),
        outlet_heads=frozenset(words["outlet_heads"]),
        place_heads=frozenset(words["place_heads"]),
        admin_heads=frozenset(words["admin_heads"]),
        compass_words=frozenset(words["compass_words"]),
        org_word_endings=tuple(words["org_word_endings"]),
        foreign_org_words=frozenset(words["foreign_org_words"]),
        foreign_articles=frozenset(words["foreign_articles"]),
        standalone_places=frozenset(words["standalone_places"]),
        law_heads=frozenset(words["law_heads"]),
        norp=frozenset(words["norp"]),
        not_acronyms=frozenset(words["acronyms_not_entities"]),
        org_before=frozenset(words["org_before"]),
        org_after=frozenset(words["org_after"]),
    )
