"""What makes the analysis fast changes nothing it finds: one token vocabulary shared by the stories
and the links, worker processes taking a share of the work, and an analysis told to stop midway."""

from __future__ import annotations

import os
import time
from pathlib import Path

import pytest

from reader import analysis, links, stories, workers
from reader import load as load_module
from reader.analysis import Cancelled, analyse
from reader.cache import Cache
from reader.evidence import Vocabulary, passage_evidence, passage_features
from reader.export import to_json
from reader.load import load
from reader.synthetic import write_corpus
from reader.workers import Workers, portable

from tests.conftest import SEEDS


@pytest.fixture(autouse=True)
def no_user_feedback(monkeypatch, tmp_path):
    monkeypatch.setattr("reader.paths.user_data_dir", lambda: tmp_path / "user-data")


@pytest.fixture(scope="module")
def generated(tmp_path_factory) -> Path:
    """A generated folder of several stories."""
    return write_corpus(tmp_path_factory.mktemp("generated") / "corpus", 24)


def wait_for(marker: Path) -> None:
    """Return once ``marker`` exists (a worker process leaves it when it has done a job)."""
    deadline = time.monotonic() + 120
    while not marker.exists():
        if time.monotonic() > deadline:
            raise AssertionError("no worker process did a job")
        time.sleep(0.01)


def square_and_mark(marker: str, n: int) -> int:
    """A job for a worker process: ``n`` squared; it leaves ``marker`` behind."""
    Path(marker).touch()
    return n * n


def die(marker: str) -> None:
    """A job that kills the worker process doing it, leaving ``marker`` behind first."""
    Path(marker).touch()
    os._exit(1)


def test_evidence_read_through_one_vocabulary_is_the_evidence_read_afresh():
    corpus = analyse(load(SEEDS))
    vocabulary = Vocabulary()
    for _ in range(2):  # the second time, every token's reading comes from the vocabulary
        for article in corpus.articles:
            for passage in article.passages:
                assert passage_evidence(passage, vocabulary) == passage_evidence(passage)
                assert passage_features(passage, vocabulary) == passage_evidence(passage).features


def test_worker_processes_give_the_analysis_one_process_gives(generated, monkeypatch):
    alone = to_json(analyse(load([generated])))
    monkeypatch.setattr(workers, "spare_cores", lambda: 1)
    for module, threshold in ((analysis, "PARALLEL_ARTICLES"), (stories, "PARALLEL_ARTICLES"),
                              (stories, "PARALLEL_PAIRS"), (links, "PARALLEL_PASSAGES")):
        monkeypatch.setattr(module, threshold, 1)  # share however little work there is
    monkeypatch.setattr(stories, "PAIRS_PER_ARTICLE", 0)
    for module, batch in ((analysis, "ARTICLES_PER_BATCH"), (stories, "ARTICLES_PER_BATCH"),
                          (stories, "PAIRS_PER_BATCH")):
        monkeypatch.setattr(module, batch, 2)
    assert to_json(analyse(load([generated]))) == alone
    monkeypatch.setattr(load_module, "PARALLEL_FILES", 1)
    monkeypatch.setattr(load_module, "FILES_PER_BATCH", 2)
    with Workers() as shared:  # the same worker processes parse the files, then analyse them
        assert to_json(analyse(load([generated], workers=shared), workers=shared)) == alone


def test_files_parsed_in_worker_processes_load_as_here_with_problems_in_file_order(tmp_path, monkeypatch):
    for n in range(6):
        (tmp_path / f"{n}-story.md").write_text(f"---\ntitle: Story {n}\n---\nStory {n}\n\nIts paragraph.\n")
    (tmp_path / "2-binary.txt").write_bytes(b"\x00\x01binary")
    (tmp_path / "4-bad.md").write_text("---\ntitle: [never closed\n---\nThe body still shows.\n")
    (tmp_path / "5-empty.txt").write_text("  \n")
    here = load([tmp_path])
    monkeypatch.setattr(load_module, "PARALLEL_FILES", 1)
    monkeypatch.setattr(load_module, "FILES_PER_BATCH", 2)
    with Workers(1) as pool:
        there = load([tmp_path], workers=pool)
        assert pool._pool is not None  # the workers did start
        monkeypatch.setattr(load_module, "_UNPARSED_BYTES", 100)  # a few files at a time: few bytes held
        few = load([tmp_path], workers=pool)
    for loaded in (there, few):
        assert [(a.id, a.title, a.passages) for a in loaded.articles] == [
            (a.id, a.title, a.passages) for a in here.articles]
        assert loaded.problems == here.problems
    assert [Path(p.path).name for p in here.problems] == ["2-binary.txt", "4-bad.md", "5-empty.txt"]


def test_a_story_linked_in_a_worker_process_gets_the_links_it_gets_here(monkeypatch):
    corpus = analyse(load(SEEDS))
    story = next(links.stories_of(corpus))
    groups = links.link_story(story)
    here = [[(link.to, link.score, link.why) for link in passage.links] for _, passage in story]
    assert any(here) and groups
    monkeypatch.setattr(workers, "_vocabulary", Vocabulary())  # as a worker process has
    assert links._link_portable(links._portable(story)) == (here, groups)


def test_an_article_read_in_a_worker_process_has_the_features_it_has_here(monkeypatch):
    corpus = analyse(load(SEEDS))
    monkeypatch.setattr(workers, "_vocabulary", Vocabulary())
    for article in corpus.articles:
        kept = [portable(p) for p in article.passages if p.kept]
        assert stories._read_portable(kept) == stories._read([p for p in article.passages if p.kept], Vocabulary())


def test_workers_take_jobs_from_the_front_while_this_process_takes_them_from_the_back(tmp_path):
    marker = tmp_path / "a-worker-did-a-job"
    done_here = []

    def here(n: int) -> int:
        wait_for(marker)
        done_here.append(n)
        return n * n

    pool = Workers(1)
    try:
        results = pool.share(40, send=lambda n: (square_and_mark, (str(marker), n)), here=here, batch=3)
    finally:
        pool.close()
    assert results == [n * n for n in range(40)]
    assert done_here[0] == 39


def test_when_a_worker_process_dies_this_process_does_its_jobs(tmp_path):
    marker = tmp_path / "a-worker-died"

    def here(n: int) -> int:
        wait_for(marker)
        return n * n

    pool = Workers(1)
    try:
        assert pool.share(12, send=lambda n: (die, (str(marker),)), here=here, batch=2) == [n * n for n in range(12)]
        assert pool.share(12, send=lambda n: (pow, (n, 2)), here=here, batch=2) == [n * n for n in range(12)]
    finally:
        pool.close()


def test_where_worker_processes_cannot_start_this_process_does_every_job(monkeypatch):
    def unavailable(*args, **kwargs):
        raise OSError("this system has no working semaphores")

    monkeypatch.setattr("concurrent.futures.ProcessPoolExecutor", unavailable)
    pool = Workers(1)
    assert pool.share(12, send=lambda n: (pow, (n, 2)), here=lambda n: n * n, batch=2) == [n * n for n in range(12)]
    assert pool.count == 0


def test_an_analysis_told_to_stop_stops_within_the_stage_and_starts_no_further_one(generated):
    started = []
    corpus = load([generated])
    with pytest.raises(Cancelled):
        analyse(corpus, on_stage=lambda name, done, total: started.append(name),
                should_stop=lambda: "stories" in started)
    assert started == ["clean", "entities", "stories"]
    assert all(article.story is None for article in corpus.articles)
    assert any(passage.entities for article in corpus.articles for passage in article.passages)


def test_an_analysis_told_to_stop_while_linking_links_no_further_story(generated, monkeypatch):
    assert len(list(links.stories_of(analyse(load([generated]))))) > 2
    linked = []
    original = links.link_story
    monkeypatch.setattr(links, "link_story", lambda passages, *rest: linked.append(passages) or original(passages, *rest))
    with pytest.raises(Cancelled):
        analyse(load([generated]), should_stop=lambda: len(linked) == 2)
    assert len(linked) == 2


def test_an_analysis_stopped_midway_leaves_a_cache_that_gives_the_whole_analysis(generated, tmp_path, monkeypatch):
    fresh = to_json(analyse(load([generated])))
    linked = []
    original = links.link_story
    monkeypatch.setattr(links, "link_story", lambda passages, *rest: linked.append(passages) or original(passages, *rest))
    cache = Cache([generated], tmp_path / "cache")
    with pytest.raises(Cancelled):
        analyse(load([generated], cache=cache), cache=cache, should_stop=lambda: len(linked) == 2)
    cache = Cache([generated], tmp_path / "cache")
    assert to_json(analyse(load([generated], cache=cache), cache=cache)) == fresh


def test_loading_and_analysing_pause_the_cycle_collector_and_leave_it_as_they_found_it():
    import gc

    assert gc.isenabled()
    frozen = gc.get_freeze_count()
    analyse(load(SEEDS))
    assert gc.isenabled() and gc.get_freeze_count() > frozen  # what they made is out of the collector's sight
    gc.disable()  # as the reader has it while it starts
    try:
        analyse(load(SEEDS))
        assert not gc.isenabled()
    finally:
        gc.enable()
