"""Property tests: no text or bytes make loading or any analysis stage crash, and every span and offset stays valid.

The default run is fast (100 examples per property); ``pytest --long-properties
tests/test_properties.py`` runs 10,000 examples per property, and so per stage:
the pipeline property runs every stage of ``reader.analysis.STAGES`` on each example.
"""

from __future__ import annotations

import json
import re
import tempfile
from pathlib import Path

from hypothesis import given
from hypothesis import strategies as st

from reader.analysis import STAGES
from reader.export import to_json
from reader.load import load, read_text
from reader.model import Corpus, Kind
from reader.sanitize import inert

# --- strategies: how scraped news files look, and how they break ----------------------------

NAMES = ["Mira Holt", "Sam Okafor", "Jo Reyes", "the Port Authority", "Ostbrook", "Kellerman & Co."]
PLACES = ["Ostbrook", "Lake Varna", "the harbour bridge", "New Harlow", "Saint-Émile"]
WHEN = ["on Monday", "on 3 March 2024", "last week", "at 9:30 a.m.", "in 2023"]
DID = ["said", "confirmed", "denied", "announced", "warned"]
WHAT = [
    "the bridge will close for six weeks",
    "14 people were hurt in the fire",
    "the vote was postponed",
    "repairs will cost €2.4 million",
    "“we had no other choice”",
]
FURNITURE = [
    "Share this article", "Advertisement", "Read more:", "© 2024 The Gazette. All rights reserved.",
    "Sign up for our newsletter", "Photo: Reuters", "Related stories", "Leave a reply", "By Mira Holt",
]
MARKUP = [
    "# ", "## ", "> ", "- ", "* ", "1. ", "    ", "\t", "```", "---", "***", "<div>", "</p>", "[a](http://x)",
    "**", "_", "`", "|", "[b]", "[@click=app.quit]", "[/", "[link=http://e]", "&amp;", "\\",
]
HOSTILE = [
    "\x1b[31m", "\x1b]0;title\x07", "\x1b]8;;http://evil\x1b\\", "\x9b2J", "\x85", "\u202e", "\u2066", "\u2069",
    "\x07", "\x08", "\x7f", "\r", "\r\n", "\ufeff", "\u2028", "\u200b", "e\u0301", "👩‍👩‍👧", "\x00",
]
FRONT_MATTER_LINES = [
    "title: Bridge to close", "title:", "title: [unclosed", "source: The Gazette",
    "source: https://news.example.org/a", "date: 2024-03-03", "date: 2024-13-45", "published: 2024-03-03T09:00:00Z",
    "author: [Mira Holt, Sam Okafor]", "author: {name: x}", "tags: [a, b]", "- list item", "\tbad: tab",
    "key: 'quoted", 'title: "\\e]0;x\\a"', "x: &a [1, 2]", "y: *a", "? complex", "n: " + "9" * 50, "...",
]

sentence = st.builds(
    lambda who, did, when, what, where: f"{who} {did} {when} that {what} in {where}.",
    st.sampled_from(NAMES), st.sampled_from(DID), st.sampled_from(WHEN), st.sampled_from(WHAT), st.sampled_from(PLACES),
)
piece = st.one_of(
    sentence, sentence, st.sampled_from(FURNITURE), st.sampled_from(MARKUP), st.sampled_from(HOSTILE),
    st.sampled_from(["\n", "\n\n", " "]), st.text(max_size=12),
)
line = st.lists(piece, min_size=1, max_size=6).map("".join)
body = st.lists(line, max_size=12).map("\n".join)
front_matter = st.lists(st.sampled_from(FRONT_MATTER_LINES), max_size=6).map(lambda lines: "---\n" + "\n".join(lines) + "\n---\n")
news_text = st.one_of(body, st.builds(str.__add__, front_matter, body), st.text())
suffix = st.sampled_from([".txt", ".md"])


# --- invariants ----------------------------------------------------------------------------

# What a terminal could act on: C0 controls but tab and line breaks, DEL, C1, bidi overrides and isolates.
ACTIVE = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]|\r(?!\n)")


def shown_safely(text: str | None) -> bool:
    return text is None or ACTIVE.search(text) is None


def check_loaded(corpus: Corpus, files: list[Path]) -> None:
    """Every file is an article or a problem; every span lies in its file's text; all text is inert."""
    opened = {article.path for article in corpus.articles}
    reported = {problem.path for problem in corpus.problems}
    for path in files:
        assert path in opened or str(path) in reported, path
    assert all(shown_safely(problem.message) and shown_safely(problem.path) for problem in corpus.problems)
    ids = [p.id for a in corpus.articles for p in a.passages]
    assert len(ids) == len(set(ids))
    for article in corpus.articles:
        text = read_text(article.path)
        assert shown_safely(article.id)
        for value in (article.title, article.source, article.author, article.url, article.published):
            assert shown_safely(value)
        for passage in article.passages:
            assert 0 <= passage.start <= passage.end <= len(text)
            assert shown_safely(passage.text)
            if article.path.suffix == ".txt":
                assert text[passage.start:passage.end] == passage.text
                assert "\r" not in passage.text
        assert [p.kind for p in article.passages].count(Kind.TITLE) <= 1


def check_layers(corpus: Corpus) -> None:
    """Every entity lies inside its passage text, every link and event names passages that exist."""
    located = {p.id for a in corpus.articles for p in a.passages}
    articles = {a.id for a in corpus.articles}
    for article in corpus.articles:
        for passage in article.passages:
            assert passage.boilerplate is None or isinstance(passage.boilerplate, str)
            for entity in passage.entities:
                assert 0 <= entity.start < entity.end <= len(passage.text)
            for link in passage.links:
                assert link.to in located and link.to != passage.id
                assert 0.0 <= link.score <= 1.0
    for event in corpus.events:
        assert set(event.passage_ids) <= located
        assert set(event.sources) <= articles


def spans(corpus: Corpus) -> list[tuple[str, int, int, str]]:
    return [(p.id, p.start, p.end, p.text) for a in corpus.articles for p in a.passages]


def check_export(corpus: Corpus) -> None:
    exported = json.loads(to_json(corpus))
    assert [a["id"] for a in exported["articles"]] == [a.id for a in corpus.articles]
    assert len(exported["problems"]) == len(corpus.problems)


def load_files(contents: list[tuple[str | bytes, str]]) -> None:
    """Write ``contents`` as article files in a fresh folder, load it, run every stage, and check it all."""
    with tempfile.TemporaryDirectory() as folder:
        files = []
        for n, (content, ending) in enumerate(contents):
            path = Path(folder, f"{n}{ending}")
            path.write_bytes(content if isinstance(content, bytes) else content.encode("utf-8", "surrogatepass"))
            files.append(path)
        corpus = load([folder])
        check_loaded(corpus, files)
        loaded = spans(corpus)
        for _name, stage in STAGES:
            stage(corpus)
            check_layers(corpus)
            assert spans(corpus) == loaded  # analyses annotate; they never change the text
        check_export(corpus)


# --- properties ----------------------------------------------------------------------------


@given(st.text(), suffix)
def test_any_unicode_text_loads_and_analyses(text, ending):
    load_files([(text, ending)])


@given(st.binary(max_size=2000), suffix)
def test_any_bytes_load_and_analyse(data, ending):
    load_files([(data, ending)])


@given(st.lists(st.tuples(news_text, suffix), min_size=1, max_size=4))
def test_news_like_folders_load_and_analyse(documents):
    load_files(documents)


@given(st.text(alphabet=st.characters(codec=None), max_size=200))
def test_inert_keeps_length_and_is_stable(text):
    shown = inert(text)
    assert len(shown) == len(text)
    assert shown_safely(shown)
    assert inert(shown) == shown
