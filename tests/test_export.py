"""The JSON export contract that the evaluation scores."""

from __future__ import annotations

import json

from tests.conftest import BUNDLED, SEEDS

from reader.analysis import analyse
from reader.export import VERSION, to_json
from reader.load import load

KINDS = {"title", "heading", "paragraph", "list_item", "quote"}


def test_shape_of_the_export(seed_export):
    assert seed_export["version"] == VERSION == 1
    assert seed_export["problems"] == []
    assert len(seed_export["articles"]) == 5
    ids = set()
    for article in seed_export["articles"]:
        assert set(article) == {"id", "path", "title", "source", "published", "url", "story", "passages"}
        for passage in article["passages"]:
            assert set(passage) == {"id", "kind", "span", "text", "boilerplate", "entities", "links"}
            assert passage["kind"] in KINDS
            assert passage["id"] not in ids
            ids.add(passage["id"])
            assert passage["boilerplate"] is None or isinstance(passage["boilerplate"], str)
            for entity in passage["entities"]:
                assert 0 <= entity["start"] < entity["end"] <= len(passage["text"])
                assert {"label", "key"} <= set(entity)
    for article in seed_export["articles"]:
        for passage in article["passages"]:
            for link in passage["links"]:
                assert link["to"] in ids
                assert 0.0 <= link["score"] <= 1.0
                assert isinstance(link["why"], list)


def test_txt_spans_are_exact_slices_of_the_decoded_file(seed_export):
    for article, path in zip(seed_export["articles"], SEEDS, strict=True):
        raw = path.read_text(encoding="utf-8")
        assert article["path"] == str(path)
        for passage in article["passages"]:
            start, end = passage["span"]
            assert raw[start:end] == passage["text"]


def test_headline_lines_are_title_passages(seed_export):
    titles = [a["title"] for a in seed_export["articles"]]
    assert titles[0] == "Amazon employees demand company drop Parler after Capitol riot"
    assert titles[2] is None and titles[4] is None  # these seeds open with a sentence, not a headline
    for article in seed_export["articles"]:
        first = article["passages"][0]
        assert (first["kind"] == "title") == (article["title"] is not None)


def test_bundled_markdown_matches_the_seed_text():
    """The bundled .md bodies keep the seed text: every passage's text is found in its seed."""
    corpus = load([BUNDLED])
    by_stem = {p.stem: p.read_text(encoding="utf-8") for p in SEEDS}
    assert sorted(by_stem) == sorted(a.id for a in corpus.articles)
    for article in corpus.articles:
        raw = article.path.read_text(encoding="utf-8")
        seed = by_stem[article.id]
        for passage in article.passages:
            assert raw[passage.start:passage.end] == passage.text
            assert passage.text in seed
        assert article.published and article.source_note


def test_export_is_deterministic():
    first = to_json(analyse(load(SEEDS)))
    assert first == to_json(analyse(load(SEEDS)))
    assert json.loads(first)["articles"][0]["id"] == "000_b9b5eb6280517a37"
