"""The benchmark runs and prints its tables (its numbers are not tested), on a generated corpus."""

from __future__ import annotations

import os
import subprocess
import sys
from collections import Counter
from pathlib import Path

from reader.analysis import analyse
from reader.bench import STAGE_NAMES, main
from reader.load import load
from reader.synthetic import write_corpus


def test_the_benchmark_runs_on_a_tiny_corpus_and_prints_every_measurement(capsys):
    assert main(["--sizes", "12", "--starts", "1", "--presses", "2", "--runs", "2"]) == 0
    out = capsys.readouterr().out
    assert out.startswith("machine: ")
    lines = out.splitlines()
    header = next(line for line in lines if line.split()[:2] == ["articles", "words"])
    assert header.split()[2:2 + len(STAGE_NAMES)] == list(STAGE_NAMES)
    row = lines[lines.index(header) + 1].split()
    assert row[0] == "12" and int(row[1].replace(",", "")) > 12 * 400
    runs = lines[lines.index(header) + 2].split()
    assert runs[:2] == ["cold", "runs:"] and len(runs) == 5 and runs[-1] == "s"  # two times, each cold
    for label in ("bare Textual app", "bundled story, empty cache", "bundled story, warm cache",
                  "12 articles, warm cache", "down in the list, while analysing", "] jump to the next source", "] held down",
                  "entity recogniser"):
        assert label in out, label


def test_the_generated_corpus_has_stories_told_by_several_sources_with_page_leftovers(tmp_path):
    first = write_corpus(tmp_path / "a", 30)
    again = write_corpus(tmp_path / "b", 30)
    files = sorted(p.name for p in first.iterdir())
    assert len(files) == 30 and any(name.endswith(".txt") for name in files)
    assert all((first / name).read_bytes() == (again / name).read_bytes() for name in files)
    outlets_per_story = Counter(name.split("-")[0] for name in files)  # files are named story-outlet
    assert len(outlets_per_story) >= 5 and min(list(outlets_per_story.values())[:-1]) >= 3
    corpus = analyse(load([first]))
    assert len({a.source for a in corpus.articles}) >= 6
    words = [sum(len(p.text.split()) for p in a.passages) for a in corpus.articles]
    assert 600 <= sum(words) / len(words) <= 850
    removed = Counter(p.boilerplate for a in corpus.articles for p in a.passages if not p.kept)
    assert {"related-links", "share-widget", "legal", "byline", "promo"} <= set(removed)
    assert sum(len(p.links) for a in corpus.articles for p in a.passages) > 0


def test_the_reader_lists_the_articles_before_it_imports_the_analysis(tmp_path):
    probe = (
        "import os, sys\n"
        "from pathlib import Path\n"
        "import reader.tui.app\n"
        "from reader.paths import bundled_articles\n"
        "from reader.tui.app import NewsprismApp\n"
        "from reader.tui.widgets.article_list import ArticleList\n"
        "class Probe(NewsprismApp):\n"
        "    CSS_PATH = str(Path(reader.tui.app.__file__).with_name(NewsprismApp.CSS_PATH))\n"
        "    def _display(self, screen, renderable):\n"
        "        super()._display(screen, renderable)\n"
        "        lists = self.query(ArticleList)\n"
        "        if renderable is not None and lists and lists.first().option_count:\n"
        "            print(lists.first().option_count, 'reader.analysis' in sys.modules, flush=True)\n"
        "            os._exit(0)\n"
        "Probe([bundled_articles()]).run(headless=True)\n"
    )
    env = dict(os.environ, NEWSPRISM_CACHE_DIR=str(tmp_path / "cache"), NEWSPRISM_DATA_DIR=str(tmp_path / "data"))
    done = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, env=env, timeout=120,
                          cwd=Path(__file__).parent.parent)
    assert done.stdout.split() == ["5", "False"], done.stderr  # the five articles of the story, listed
