"""The user's confirm/reject verdicts on links: kept in the user data folder, applied on the next start."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from reader import feedback
from reader.feedback import Verdict
from reader.links import link_passages
from reader.load import load
from reader.stories import group_stories

TWO_QUAKES = Path(__file__).parent / "fixtures" / "two_quakes"
FILES = [TWO_QUAKES / "wire-port-ellery.md", TWO_QUAKES / "ledger-port-ellery.md"]


@pytest.fixture
def data_dir(monkeypatch, tmp_path) -> Path:
    folder = tmp_path / "user-data"
    monkeypatch.setattr("reader.paths.user_data_dir", lambda: folder)
    return folder


def opened():
    """The two articles freshly loaded and analysed, as on a new start."""
    corpus = load(FILES)
    group_stories(corpus)
    link_passages(corpus)
    return corpus


def first_link(corpus):
    for article in corpus.articles:
        for passage in article.passages:
            if passage.links:
                return passage.id, passage.links[0].to
    raise AssertionError("no link to judge")


def unlinked_pair(corpus):
    a, b = corpus.articles
    for p in a.body:
        for q in b.body:
            if p.kept and q.kept and not any(link.to == q.id for link in p.links):
                return p.id, q.id
    raise AssertionError("every pair is linked")


def links_between(corpus, a, b):
    return [link for link in corpus.locate(a)[1].links if link.to == b]


def test_a_rejected_link_is_gone_now_and_after_a_restart(data_dir):
    corpus = opened()
    a, b = first_link(corpus)
    feedback.record(corpus, a, b, Verdict.REJECTED)
    assert links_between(corpus, a, b) == [] and links_between(corpus, b, a) == []
    again = opened()
    assert links_between(again, a, b) == [] and links_between(again, b, a) == []
    assert all(a not in e.passage_ids or b not in e.passage_ids for e in again.events)


def test_a_confirmed_link_scores_one_with_its_reason_after_a_restart(data_dir):
    corpus = opened()
    a, b = unlinked_pair(corpus)
    feedback.record(corpus, a, b, Verdict.CONFIRMED)
    for current in (corpus, opened()):
        for x, y in ((a, b), (b, a)):
            (link,) = links_between(current, x, y)
            assert link.score == 1.0
            assert link.why == ("confirmed by you",)


def test_feedback_lives_in_the_user_data_folder_not_beside_the_articles(data_dir):
    before = sorted(TWO_QUAKES.iterdir())
    corpus = opened()
    feedback.record(corpus, *first_link(corpus), Verdict.REJECTED)
    assert sorted(TWO_QUAKES.iterdir()) == before
    # no temporary file left behind; the lock file stays, empty
    assert sorted(p.name for p in data_dir.iterdir()) == [feedback.FILE_NAME, feedback.FILE_NAME + ".lock"]
    stored = json.loads((data_dir / feedback.FILE_NAME).read_text(encoding="utf-8"))
    assert list(stored["links"].values()) == ["rejected"]


def test_forgetting_a_verdict_removes_it(data_dir):
    corpus = opened()
    a, b = first_link(corpus)
    feedback.record(corpus, a, b, Verdict.REJECTED)
    feedback.record(corpus, a, b, None)
    assert feedback.load() == {}
    assert links_between(opened(), a, b)


@pytest.mark.parametrize("content", [b"{not json", b"\xff\xfe\x00garbage", b"[1, 2, 3]", b'{"links": {"x": "maybe"}}'])
def test_a_damaged_file_is_ignored(data_dir, content):
    data_dir.mkdir(parents=True)
    (data_dir / feedback.FILE_NAME).write_bytes(content)
    assert feedback.load() == {}
    corpus = opened()
    assert any(p.links for a in corpus.articles for p in a.passages)
    feedback.record(corpus, *first_link(corpus), Verdict.REJECTED)
    assert len(feedback.load()) == 1


def test_verdicts_follow_the_passages_not_their_ids(data_dir):
    """Opening the folder again in another order (other ids are possible) finds the same passages."""
    corpus = opened()
    a, b = first_link(corpus)
    texts = (corpus.locate(a)[1].text, corpus.locate(b)[1].text)
    feedback.record(corpus, a, b, Verdict.REJECTED)
    reordered = load(list(reversed(FILES)))
    group_stories(reordered)
    link_passages(reordered)
    by_text = {p.text: p for art in reordered.articles for p in art.passages}
    assert all(link.to != by_text[texts[1]].id for link in by_text[texts[0]].links)


def test_an_edited_article_drops_its_old_verdicts(data_dir, tmp_path):
    copies = []
    for path in FILES:
        copy = tmp_path / path.name
        copy.write_text(path.read_text(encoding="utf-8"), encoding="utf-8")
        copies.append(copy)
    corpus = load(copies)
    group_stories(corpus)
    link_passages(corpus)
    a, b = first_link(corpus)
    feedback.record(corpus, a, b, Verdict.REJECTED)
    copies[0].write_text(copies[0].read_text(encoding="utf-8") + "\nA correction was appended.\n", encoding="utf-8")
    edited = load(copies)
    group_stories(edited)
    link_passages(edited)
    assert links_between(edited, a, b)


def test_a_verdict_given_in_the_reader_updates_the_events_at_once(data_dir):
    from reader.links import find_events, record_verdict

    corpus = opened()
    a, b = first_link(corpus)
    record_verdict(corpus, a, b, Verdict.REJECTED)
    assert all({a, b} - set(e.passage_ids) for e in corpus.events)
    assert corpus.events == find_events(corpus)  # only the events around the verdict were found again
    c, d = unlinked_pair(corpus)
    record_verdict(corpus, c, d, Verdict.CONFIRMED)
    assert any({c, d} <= set(e.passage_ids) for e in corpus.events)
    assert corpus.events == find_events(corpus)


def test_a_confirmed_link_across_two_stories_makes_one_event_of_them_after_a_restart(data_dir):
    from reader.links import find_events

    def both_stories():
        corpus = load([TWO_QUAKES])
        group_stories(corpus)
        link_passages(corpus)
        return corpus

    corpus = both_stories()
    stories = {}
    for article in corpus.articles:
        stories.setdefault(article.story, article)
    assert len(stories) == 2
    first, second = (next(p for p in article.body if p.kept and p.links) for article in stories.values())
    feedback.record(corpus, first.id, second.id, Verdict.CONFIRMED)
    again = both_stories()
    # the events of the stories the verdict changed are found again; the others' are kept: the same as
    # finding every event afresh from the links
    assert again.events == find_events(again)
    assert any({first.id, second.id} <= set(e.passage_ids) for e in again.events)
    assert {e.id.split("/")[0] for e in again.events} == set(stories)


RECORDER = """
import sys
from reader import feedback
from reader.feedback import Verdict
from reader.load import load
part, files = int(sys.argv[1]), sys.argv[2:]
corpus = load(files)
a, b = corpus.articles
pairs = [(p.id, q.id) for p in a.passages for q in b.passages][part::2]
for p, q in pairs:
    feedback.record(corpus, p, q, Verdict.REJECTED)
print(len(pairs))
"""


def test_two_instances_recording_at_once_keep_every_verdict(tmp_path):
    import os
    import subprocess
    import sys

    root = str(Path(__file__).parent.parent)
    env = {**os.environ, "PYTHONPATH": root, "NEWSPRISM_DATA_DIR": str(tmp_path)}
    runs = [
        subprocess.Popen([sys.executable, "-c", RECORDER, str(part), *map(str, FILES)], env=env,
                         stdout=subprocess.PIPE, text=True)
        for part in (0, 1)
    ]
    written = sum(int(run.communicate()[0]) for run in runs)
    assert [run.returncode for run in runs] == [0, 0]
    assert len(feedback.load(tmp_path / feedback.FILE_NAME)) == written > 20
