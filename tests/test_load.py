"""Loading articles: .txt lines and Markdown blocks become passages with exact spans, metadata from front matter."""

from __future__ import annotations

from pathlib import Path

from reader.clean import looks_like_headline
from reader.load import load, read_text
from reader.model import Kind, Severity

TXT_ARTICLE = """Harbour bridge to close for repairs next month

  The harbour bridge will close for six weeks from 3 March, the city council said on Monday.
Engineers found corrosion in two of the main cables during an inspection last autumn.

Share this article
"""

MD_ARTICLE = """---
title: Harbour bridge to close for repairs
source: The Coastal Gazette
date: 2024-02-12
author: [Mira Holt, Sam Okafor]
---

# Harbour bridge to close for repairs

The harbour bridge will close for six weeks
from 3 March, the council said.

## What changes for commuters

- Ferries run every ten minutes
- Buses take the ring road

> "We had no other choice," the mayor said.
"""


def write(folder: Path, name: str, text: str | bytes) -> Path:
    path = folder / name
    path.parent.mkdir(parents=True, exist_ok=True)
    if isinstance(text, bytes):
        path.write_bytes(text)
    else:
        path.write_text(text, encoding="utf-8", newline="")
    return path


def only_article(corpus):
    assert len(corpus.articles) == 1, corpus.problems
    return corpus.articles[0]


def test_txt_lines_become_paragraphs_whose_spans_are_their_text(tmp_path):
    path = write(tmp_path, "bridge.txt", TXT_ARTICLE)
    article = only_article(load([path]))
    text = read_text(path)
    assert [p.text for p in article.passages] == [
        "Harbour bridge to close for repairs next month",
        "The harbour bridge will close for six weeks from 3 March, the city council said on Monday.",
        "Engineers found corrosion in two of the main cables during an inspection last autumn.",
        "Share this article",
    ]
    assert all(text[p.start:p.end] == p.text for p in article.passages)
    assert [p.kind for p in article.passages] == [Kind.TITLE] + [Kind.PARAGRAPH] * 3
    assert article.title == "Harbour bridge to close for repairs next month"
    assert article.id == "bridge"


def test_crlf_line_endings_stay_out_of_txt_passages(tmp_path):
    path = write(tmp_path, "crlf.txt", TXT_ARTICLE.replace("\n", "\r\n"))
    article = only_article(load([path]))
    text = read_text(path)
    assert all("\r" not in p.text and text[p.start:p.end] == p.text for p in article.passages)
    assert article.title == "Harbour bridge to close for repairs next month"


def test_markdown_blocks_become_passages_of_their_kind(tmp_path):
    path = write(tmp_path, "bridge.md", MD_ARTICLE)
    article = only_article(load([path]))
    text = read_text(path)
    assert [(p.kind, p.text) for p in article.passages] == [
        (Kind.TITLE, "Harbour bridge to close for repairs"),
        (Kind.PARAGRAPH, "The harbour bridge will close for six weeks\nfrom 3 March, the council said."),
        (Kind.HEADING, "What changes for commuters"),
        (Kind.LIST_ITEM, "Ferries run every ten minutes"),
        (Kind.LIST_ITEM, "Buses take the ring road"),
        (Kind.QUOTE, '"We had no other choice," the mayor said.'),
    ]
    assert all(text[p.start:p.end] == p.text for p in article.passages)


def test_multiline_quote_span_covers_its_lines(tmp_path):
    path = write(tmp_path, "quote.md", "Intro line.\n\n> First quoted line\n> second quoted line.\n")
    article = only_article(load([path]))
    quote = article.passages[-1]
    assert quote.kind is Kind.QUOTE
    assert quote.text == "First quoted line\nsecond quoted line."
    assert read_text(path)[quote.start:quote.end] == "First quoted line\n> second quoted line."


def test_front_matter_gives_the_metadata(tmp_path):
    article = only_article(load([write(tmp_path, "bridge.md", MD_ARTICLE)]))
    assert article.title == "Harbour bridge to close for repairs"
    assert article.source == "The Coastal Gazette"
    assert article.published == "2024-02-12"
    assert article.author == "Mira Holt, Sam Okafor"


def test_web_clipper_keys_are_understood(tmp_path):
    clipped = """---
title: "Storm closes schools"
source: https://news.example.org/storm-closes-schools
site: Example News
created: 2024-05-02T08:30:00Z
authors:
  - Lee Park
---
Schools across the county closed on Thursday.
"""
    article = only_article(load([write(tmp_path, "storm.md", clipped)]))
    assert article.url == "https://news.example.org/storm-closes-schools"
    assert article.source == "Example News"
    assert article.published == "2024-05-02"
    assert article.author == "Lee Park"
    assert article.title == "Storm closes schools"


def test_title_passage_is_found_from_front_matter_title_or_h1(tmp_path):
    titled = write(tmp_path, "a.md", "---\ntitle: Flood warning lifted\n---\nFlood warning lifted\n\nRivers fell overnight.\n")
    h1 = write(tmp_path, "b.md", "# Flood warning lifted\n\nRivers fell overnight.\n")
    for article in load([titled, h1]).articles:
        assert article.passages[0].kind is Kind.TITLE
        assert article.title == "Flood warning lifted"


def test_front_matter_title_keeps_a_different_first_line_as_body(tmp_path):
    path = write(tmp_path, "a.md", "---\ntitle: Flood warning lifted\n---\nRivers fell overnight\n\nMore rain is due.\n")
    article = only_article(load([path]))
    assert article.title == "Flood warning lifted"
    assert article.passages[0].kind is Kind.PARAGRAPH


def test_a_lone_line_is_not_taken_as_title(tmp_path):
    article = only_article(load([write(tmp_path, "one.txt", "Only one line here\n")]))
    assert article.title is None
    assert article.passages[0].kind is Kind.PARAGRAPH


def test_headline_rule():
    assert looks_like_headline("Harbour bridge to close for repairs")
    assert looks_like_headline("Mayor: \u201cWe had no choice\u201d")
    assert not looks_like_headline("The bridge will close for six weeks, the council said.")
    assert not looks_like_headline("It closes on:")
    assert not looks_like_headline("2024 \u2014 12 \u2014 03")
    assert not looks_like_headline(" ".join(["word"] * 21))


def test_folders_load_recursively_in_a_stable_order(tmp_path):
    write(tmp_path, "b.txt", "Second story line one.\nLine two.\n")
    write(tmp_path, "a/z.md", "Nested story.\n")
    write(tmp_path, "a.txt", "First story line one.\nLine two.\n")
    write(tmp_path, ".hidden/secret.txt", "Hidden.\n")
    write(tmp_path, ".draft.txt", "Hidden too.\n")
    first = [a.id for a in load([tmp_path]).articles]
    assert first == ["z", "a", "b"]  # by path parts: a/z.md sorts before a.txt
    assert [a.id for a in load([tmp_path]).articles] == first


def test_same_names_get_unique_ids_and_passage_ids(tmp_path):
    write(tmp_path, "one/story.txt", "Text of the first.\n")
    write(tmp_path, "two/story.txt", "Text of the second.\n")
    corpus = load([tmp_path])
    assert [a.id for a in corpus.articles] == ["story", "story-2"]
    assert [p.id for a in corpus.articles for p in a.passages] == ["story:0", "story-2:0"]


def test_other_file_types_are_reported_as_skipped(tmp_path):
    write(tmp_path, "story.txt", "A story.\n")
    write(tmp_path, "photo.jpg", b"\xff\xd8\xff")
    write(tmp_path, "page.html", "<p>x</p>")
    corpus = load([tmp_path])
    assert [a.id for a in corpus.articles] == ["story"]
    skipped = {Path(p.path).name: p for p in corpus.problems}
    assert set(skipped) == {"photo.jpg", "page.html"}
    assert all(p.severity is Severity.SKIPPED and "not a .md or .txt" in p.message for p in skipped.values())


def test_a_missing_path_is_an_error(tmp_path):
    corpus = load([tmp_path / "nowhere.txt"])
    assert [(p.path, p.message, p.severity) for p in corpus.problems] == [
        (str(tmp_path / "nowhere.txt"), "not found", Severity.ERROR)
    ]


def test_a_bad_file_does_not_stop_the_others(tmp_path):
    write(tmp_path, "a.txt", "Good story.\n")
    write(tmp_path, "b.txt", b"")
    write(tmp_path, "c.md", "Another good story.\n")
    corpus = load([tmp_path])
    assert [a.id for a in corpus.articles] == ["a", "c"]
    assert [Path(p.path).name for p in corpus.problems] == ["b.txt"]
