"""The analysis cache: a warm analysis gives exactly what a fresh one gives, only what changed is
analysed again, and a damaged cache is never an error."""

from __future__ import annotations

import json
import os
import time
from collections import Counter
from pathlib import Path

import pytest

import reader.analysis
import reader.links
import reader.load
from reader import cache as cache_module
from reader import feedback
from reader.analysis import analyse
from reader.cache import Cache, analyser_version
from reader.cli import main
from reader.export import to_json
from reader.load import load
from reader.synthetic import write_corpus

SEEDS = sorted((Path(__file__).parent / "fixtures" / "seeds").glob("*.txt"))


def exported(paths: list[Path], folder: Path | None) -> str:
    """The JSON export of ``paths``, through a cache in ``folder`` (None: no cache)."""
    cache = Cache(paths, folder) if folder is not None else None
    return to_json(analyse(load(paths, cache=cache), cache=cache))


def links_of(export: str, passage_id: str) -> list[str]:
    """The passages an exported passage links to."""
    passages = (p for a in json.loads(export)["articles"] for p in a["passages"])
    return [link["to"] for link in next(p for p in passages if p["id"] == passage_id)["links"]]


@pytest.fixture
def work(monkeypatch) -> Counter:
    """How often each costly step runs: parsing a file, judging and scanning an article, grouping, linking a story."""
    counts: Counter = Counter()
    for module, name in ((reader.load, "parse"), (reader.analysis, "judge_article"),
                         (reader.analysis, "scan_article"), (reader.analysis, "group_stories"),
                         (reader.links, "link_story")):
        def counting(*args, _original=getattr(module, name), _name=name, **kwargs):
            counts[_name] += 1
            return _original(*args, **kwargs)

        monkeypatch.setattr(module, name, counting)
    return counts


@pytest.fixture(scope="module")
def generated(tmp_path_factory) -> Path:
    return write_corpus(tmp_path_factory.mktemp("generated") / "corpus", 24)


@pytest.mark.parametrize("corpus", ["seeds", "generated"])
def test_a_warm_analysis_exports_byte_identical_json_to_a_cold_one(corpus, generated, tmp_path, work):
    paths = SEEDS if corpus == "seeds" else [generated]
    fresh = exported(paths, None)
    cold = exported(paths, tmp_path / "cache")
    work.clear()
    warm = exported(paths, tmp_path / "cache")
    assert warm == cold == fresh
    assert sum(work.values()) == 0  # nothing was parsed, judged, scanned, grouped or linked again


def test_changing_one_file_analyses_again_only_that_file_and_its_story(generated, tmp_path, work):
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    for file in generated.iterdir():
        (corpus / file.name).write_bytes(file.read_bytes())
    analysed = analyse(load([corpus]))
    stories = Counter(a.story for a in analysed.articles)
    changed = next(a.path.name for a in analysed.articles if stories[a.story] > 1 and a.path.suffix == ".md")
    exported([corpus], tmp_path / "cache")
    with open(corpus / changed, "a", encoding="utf-8") as file:
        file.write("\nThe weather stayed mild all week, and the streets were quiet again by evening.\n")
    work.clear()
    warm = exported([corpus], tmp_path / "cache")
    assert work == {"parse": 1, "judge_article": 1, "scan_article": 1, "group_stories": 1, "link_story": 1}
    assert warm == exported([corpus], None)


def test_links_come_from_the_cache_before_the_users_verdicts_so_a_forgotten_verdict_brings_a_link_back(
        generated, tmp_path):
    cache_folder = tmp_path / "cache"
    exported([generated], cache_folder)
    corpus = load([generated])
    analyse(corpus)
    passage = next(p for a in corpus.articles for p in a.body if p.links)
    other = passage.links[0].to
    feedback.record(corpus, passage.id, other, feedback.Verdict.REJECTED)
    rejected = exported([generated], cache_folder)
    assert rejected == exported([generated], None)
    assert other not in links_of(rejected, passage.id)
    feedback.record(corpus, passage.id, other, None)
    forgotten = exported([generated], cache_folder)
    assert forgotten == exported([generated], None)
    assert other in links_of(forgotten, passage.id)


@pytest.mark.parametrize("damage", [
    lambda data: b"",
    lambda data: data[: len(data) // 2],  # a partial write
    lambda data: data.replace(b"[", b"{", 1),  # the body changed under its checksum
    lambda data: b"\x00\xff garbage \xfe" * 40,
    lambda data: data.split(b"\n", 1)[0].replace(b"newsprism-cache", b"another-program") + b"\n{}",
])
def test_a_damaged_cache_is_ignored_and_rebuilt(damage, tmp_path, work):
    cache_folder = tmp_path / "cache"
    fresh = exported(SEEDS, cache_folder)
    packs = sorted(cache_folder.rglob("*.pack"))
    assert {p.name.split(".")[1] for p in packs} == {"files", "judgements", "scans", "entities", "stories", "links"}
    for pack in packs:
        pack.write_bytes(damage(pack.read_bytes()))
    assert exported(SEEDS, cache_folder) == fresh
    work.clear()
    assert exported(SEEDS, cache_folder) == fresh  # rebuilt: warm again
    assert sum(work.values()) == 0


def test_records_of_the_wrong_shape_under_a_valid_checksum_are_ignored(tmp_path):
    cache_folder = tmp_path / "cache"
    fresh = exported(SEEDS, cache_folder)
    for pack in cache_folder.rglob("*.pack"):
        header, _, body = pack.read_bytes().partition(b"\n")
        wrong = b"\n".join(line.split(b"\t")[0] + b'\t[7,null,"x"]' for line in body.split(b"\n"))
        kind = header.split(b" ")[2].decode()
        pack.write_bytes(b" ".join(header.split(b" ")[:3] + [cache_module._checksum(wrong)]) + b"\n" + wrong)
        assert cache_module._read_pack(pack, kind)  # the damage is not caught by the checksum
    assert exported(SEEDS, cache_folder) == fresh


def test_the_export_keeps_its_cache_in_the_user_cache_directory_and_no_cache_touches_none(tmp_path, capsys):
    folder = tmp_path / "articles"
    folder.mkdir()
    for seed in SEEDS[:2]:
        (folder / seed.name).write_bytes(seed.read_bytes())
    before = sorted(folder.iterdir())
    cache_dir = Path(os.environ["NEWSPRISM_CACHE_DIR"])
    packs = set(cache_dir.rglob("*.pack"))
    assert main(["export", "--no-cache", str(folder)]) == 0
    without = capsys.readouterr().out
    assert set(cache_dir.rglob("*.pack")) == packs
    assert main(["export", str(folder)]) == 0
    assert main(["export", str(folder)]) == 0
    assert capsys.readouterr().out == without * 2
    new = set(cache_dir.rglob("*.pack")) - packs
    assert {p.name.split(".")[1] for p in new} >= {"files", "judgements", "scans", "entities", "stories", "links"}
    assert sorted(folder.iterdir()) == before


def test_a_change_to_the_analysis_code_or_data_makes_a_new_cache(tmp_path, monkeypatch):
    package = tmp_path / "reader"
    (package / "data").mkdir(parents=True)
    (package / "clean.py").write_text("RULE = 1\n")
    (package / "data" / "words.txt").write_text("alpha\n")
    monkeypatch.setattr(cache_module, "_PACKAGE", package)
    versions = []
    for change in (lambda: None, lambda: (package / "clean.py").write_text("RULE = 2\n"),
                   lambda: (package / "data" / "words.txt").write_text("alpha\nbeta\n")):
        change()
        analyser_version.cache_clear()
        versions.append(analyser_version())
    analyser_version.cache_clear()
    assert len(set(versions)) == 3


def test_packs_unused_for_a_month_are_deleted(tmp_path):
    cache_folder = tmp_path / "cache"
    exported(SEEDS, cache_folder)
    old_version = cache_folder / "v-0123456789abcdef01234567"
    old_version.mkdir()
    stale, recent = old_version / "stale.links.pack", cache_folder / "v-fedcba9876543210fedcba98" / "recent.links.pack"
    recent.parent.mkdir()
    for pack in (stale, recent):
        pack.write_text("newsprism-cache")
    month_ago = time.time() - (cache_module.STALE_DAYS + 1) * 86400
    os.utime(stale, (month_ago, month_ago))
    exported([*SEEDS[:1]], cache_folder)  # another set of paths: its packs are written, and the cache pruned
    assert not old_version.exists() and recent.exists()


async def test_the_reader_takes_unchanged_files_from_the_cache(tmp_path, work):
    from reader.tui.app import NewsprismApp
    from reader.tui.widgets.article_list import ArticleList
    from tests.tui_helpers import screen_text

    folder = tmp_path / "articles"
    folder.mkdir()
    for seed in SEEDS:
        (folder / seed.name).write_bytes(seed.read_bytes())
    screens = []
    for start in range(2):
        work.clear()
        app = NewsprismApp([folder])
        async with app.run_test(size=(120, 40)) as pilot:
            await app.workers.wait_for_complete()
            await pilot.pause()
            assert app.analysed and app.query_one(ArticleList).option_count == len(SEEDS)
            screens.append(screen_text(app))
        assert (sum(work.values()) == 0) == (start == 1)
    assert screens[0] == screens[1]
