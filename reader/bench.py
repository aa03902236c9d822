"""Speed and scale: ``python -m reader.bench [--sizes 100,1000,10000]``, or ``python -m reader.bench PATH...``.

Not a test: it prints measurements. Without paths it writes generated corpora (``reader.synthetic``)
of each size into a temporary folder and prints, per size, the wall-clock time of each stage of a
first (cold) analysis, its words per second, CPU time and peak memory, and the time of a second
(warm) analysis through the cache; then the start of the reader: time to first paint on the
bundled story against a bare Textual app, the warm start on a generated corpus, key-press to jump
latency for ``]``, the list's key latency while analysis runs and the opening of a long article; then
the entity recogniser's words per second on the bundled story. Every analysis and every start runs in
a fresh process, so one measurement does not warm the next; the user's own cache and link feedback
are never touched.

With paths, it prints only the entity recogniser's words per second on those files, repeated
``--repeat`` times, best of ``--rounds`` (CPU time, cold caches), as a table.
"""

from __future__ import annotations

import argparse
import compileall
import copy
import json
import os
import platform
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

from reader.model import Corpus, passage_id

SIZES = (100, 1_000, 10_000)
WARM_SIZE = 1_000  # the corpus the warm start and the key latencies are measured on (if among the sizes)
LONG_ARTICLE = 800  # paragraphs of the article whose opening is timed
STAGE_NAMES = ("load", "clean", "entities", "stories", "links")


# -- entity recogniser words per second ------------------------------------------------------------

@dataclass(frozen=True, slots=True)
class Result:
    """One stage's measurement: the words it read and its best time."""

    stage: str
    words: int
    seconds: float

    @property
    def words_per_second(self) -> float:
        return self.words / self.seconds if self.seconds else float("inf")


def corpus_words(corpus: Corpus) -> int:
    """Whitespace-separated words in every passage of ``corpus``."""
    return sum(len(p.text.split()) for a in corpus.articles for p in a.passages)


def repeated(corpus: Corpus, times: int) -> Corpus:
    """A corpus holding ``times`` independent copies of every article (ids made unique)."""
    out = Corpus(problems=list(corpus.problems))
    for n in range(times):
        for article in corpus.articles:
            twin = copy.deepcopy(article)
            twin.id = f"{article.id}~{n}"
            for i, passage in enumerate(twin.passages):
                passage.id = passage_id(twin.id, i)
            out.articles.append(twin)
    return out


def _best_time(run: Callable[[], None], rounds: int, reset: Callable[[], None] = lambda: None) -> float:
    best = float("inf")
    for _ in range(rounds):
        reset()
        started = time.process_time()
        run()
        best = min(best, time.process_time() - started)
    return best


def bench_entities(corpus: Corpus, rounds: int) -> Result:
    """The entity recogniser over the whole corpus, as the pipeline runs it (the cycle collector paused),
    starting each round with cold caches."""
    from reader.collector import cycle_collection_paused
    from reader.entities import annotate_entities
    from reader.entities.resolve import intrinsic, key_for

    def cold() -> None:
        intrinsic.cache_clear()
        key_for.cache_clear()

    with cycle_collection_paused():
        seconds = _best_time(lambda: annotate_entities(corpus), rounds, cold)
    return Result("entities", corpus_words(corpus), seconds)


# (name, bench) in pipeline order.
BENCHES: tuple[tuple[str, Callable[[Corpus, int], Result]], ...] = (
    ("entities", bench_entities),
)


def format_table(results: Sequence[Result]) -> str:
    """The results as an aligned text table."""
    rows = [("stage", "words", "seconds", "words/s")]
    rows += [(r.stage, f"{r.words:,}", f"{r.seconds:.3f}", f"{r.words_per_second:,.0f}") for r in results]
    return _aligned(rows)


def _aligned(rows: Sequence[Sequence[str]]) -> str:
    """Rows of cells as text: the first column to the left, the others to the right."""
    widths = [max(len(row[i]) for row in rows) for i in range(len(rows[0]))]
    return "\n".join(
        "  ".join(cell.ljust(w) if i == 0 else cell.rjust(w) for i, (cell, w) in enumerate(zip(row, widths)))
        for row in rows
    )


# -- analysis of a corpus, in a fresh process --------------------------------------------------------

def measure_analysis(folder: Path, cache_folder: Path) -> dict:
    """Load and analyse ``folder`` through the cache in ``cache_folder``: wall time per stage, CPU time, peak RSS.

    Run in a process of its own (``--measure``), so that imports, caches and memory are its own.
    Loading counts from the start, writing the parsed files to the cache included.
    """
    import resource

    from reader.analysis import analyse
    from reader.cache import Cache
    from reader.load import load
    from reader.workers import Workers

    cpu = time.process_time()
    starts = [("load", time.perf_counter())]
    cache = Cache([folder], cache_folder)
    with Workers() as workers:
        corpus = load([folder], cache=cache, workers=workers)
        analyse(corpus, on_stage=lambda name, _done, _total: starts.append((name, time.perf_counter())), cache=cache,
                workers=workers)
    bounds = [t for _, t in starts] + [time.perf_counter()]
    return {
        "articles": len(corpus.articles),
        "words": corpus_words(corpus),
        "stages": {name: bounds[n + 1] - bounds[n] for n, (name, _) in enumerate(starts)},
        "seconds": bounds[-1] - bounds[0],
        "cpu": time.process_time() - cpu,
        "rss_mib": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / (2**20 if sys.platform == "darwin" else 2**10),
    }


# -- the reader's start and keys, in fresh processes ---------------------------------------------------

# Each probe is a whole program: it starts the app headless and, when the first frame showing what the
# user waits for is composed, prints "painted" and ends at once. The bare app shows one Static.
_BARE_PROBE = """
import os
from textual.app import App
from textual.widgets import Static

class Bare(App):
    def compose(self):
        yield Static("newsprism")

    def _display(self, screen, renderable):
        super()._display(screen, renderable)
        if renderable is not None and self.query(Static):
            os.write(1, b"painted\\n")
            os._exit(0)

Bare().run(headless=True)
"""
_READER_PROBE = """
import os, sys
from pathlib import Path
import reader.tui.app
from reader.tui.app import NewsprismApp
from reader.tui.widgets.article_list import ArticleList

class Probe(NewsprismApp):
    CSS_PATH = str(Path(reader.tui.app.__file__).with_name(NewsprismApp.CSS_PATH))

    def _display(self, screen, renderable):
        super()._display(screen, renderable)
        lists = self.query(ArticleList)
        if renderable is not None and lists and lists.first().option_count:
            os.write(1, b"painted\\n")
            os._exit(0)

Probe([Path(p) for p in sys.argv[1:]]).run(headless=True)
"""


def time_to_paint(probe: str, arguments: Sequence[str], env: dict[str, str], cwd: Path) -> float:
    """Seconds from starting a probe program in ``cwd`` to its first paint (interpreter start included)."""
    started = time.perf_counter()
    done = subprocess.run([sys.executable, "-c", probe, *arguments], env=env, cwd=cwd, capture_output=True,
                          timeout=300)
    seconds = time.perf_counter() - started
    if done.stdout != b"painted\n":
        raise RuntimeError(f"the probe did not paint: {done.stderr.decode(errors='replace')[-2000:]}")
    return seconds


# Key-press latencies in the reader on the folder given (``python -c _KEYS_PROBE FOLDER PRESSES``): a key
# is sent as the terminal would send it, and timed until the first frame composed after it that shows
# its effect: ``down`` in the article list once it is on screen, while the analysis runs (one every
# 50 ms), then, once it is done, ``]`` from a linked passage to the same report in the next source:
# one press every 100 ms, as a reader looks where each jump landed, then the key held down (each
# press sent as soon as the last one shows, so it may wait for the frames the last one started).
# Prints {"during": [seconds...], "jumps": [seconds...], "held": [seconds...]} as JSON.
_KEYS_PROBE = """
import asyncio, json, sys, time
from pathlib import Path
from textual import events
import reader.tui.app
from reader.tui.app import NewsprismApp
from reader.tui.widgets.article_list import ArticleList
from reader.tui.widgets.reader_view import ReaderView

class Timed(NewsprismApp):
    CSS_PATH = str(Path(reader.tui.app.__file__).with_name(NewsprismApp.CSS_PATH))
    awaited = None  # what the next frame to note must show
    shown = None
    shown_at = 0.0

    def _display(self, screen, renderable):
        super()._display(screen, renderable)
        if renderable is not None and self.awaited is not None and self.awaited():
            self.awaited = None
            self.shown_at = time.perf_counter()
            self.shown.set()

async def frame(app, showing, key=None):
    # the first frame that shows showing(), after sending key (name, character) if given
    app.shown, app.awaited = asyncio.Event(), showing
    if key is not None:
        app._driver.send_message(events.Key(*key))
    await asyncio.wait_for(app.shown.wait(), timeout=300)

async def latency(app, key, character, changed):
    started = time.perf_counter()
    await frame(app, changed, (key, character))
    return app.shown_at - started

async def main(folder, presses):
    app = Timed([folder])
    during, jumps, held = [], [], []
    async with app.run_test(size=(120, 40)):
        articles = app.query_one(ArticleList)
        await frame(app, lambda: articles.option_count > 0)
        while not app.analysed and len(during) < presses:
            before = articles.highlighted
            during.append(await latency(app, "down", None, lambda: articles.highlighted != before))
            await asyncio.sleep(0.05)
        await app.workers.wait_for_complete()
        await asyncio.sleep(0.1)
        reader = app.query_one(ReaderView)
        linked = next((p.id for a in app.corpus.articles for p in a.body if p.links), None)
        if linked is not None:
            app.go_to(linked)
            await asyncio.sleep(0.1)
            for times, pause in ((jumps, 0.1), (held, 0)):
                for _ in range(presses):
                    before = reader.current_passage.id
                    moved = lambda: reader.current_passage is not None and reader.current_passage.id != before
                    times.append(await latency(app, "right_square_bracket", "]", moved))
                    await asyncio.sleep(pause)
    print(json.dumps({"during": during, "jumps": jumps, "held": held}))

asyncio.run(main(Path(sys.argv[1]), int(sys.argv[2])))
"""


# Opening a long article (``python -c _OPEN_PROBE FOLDER OPENS``): the folder holds it and a short one;
# the short one is opened, then the long one with ``enter`` from the list, timed until the first frame
# composed with it in the reader. The first opening lays the article out; later ones find it laid out.
# Prints [seconds...] as JSON.
_OPEN_PROBE = _KEYS_PROBE[:_KEYS_PROBE.index("async def main")] + """
async def main(folder, opens):
    app = Timed([folder])
    times = []
    async with app.run_test(size=(120, 40)):
        await app.workers.wait_for_complete()
        articles, reader = app.query_one(ArticleList), app.query_one(ReaderView)
        long = max(app.corpus.articles, key=lambda a: len(a.passages))
        short = next(a for a in app.corpus.articles if a is not long)
        for _ in range(opens):
            for article in (short, long):
                articles.focus()
                articles.highlight_article(article.id)
                await asyncio.sleep(0.1)
                times.append(await latency(app, "enter", None, lambda: reader.article is article))
    print(json.dumps(times[1::2]))

asyncio.run(main(Path(sys.argv[1]), int(sys.argv[2])))
"""


def write_long_article(folder: Path, paragraphs: int = LONG_ARTICLE, seed: int = 7) -> Path:
    """``folder`` with one article of ``paragraphs`` numbered paragraphs (40 to 110 words each, varied
    wording) and one short article, listed first (so the app opens it at the start, not the long one)."""
    import random

    pick = random.Random(seed).choice
    words = ("the council said its engineers would inspect the bridge over the river before the spring "
             "while residents asked for more buses and the mayor promised a vote on new funding for repairs "
             "to the harbour road the ferry timetable and the closure of the old depot").split()
    body = [f"Paragraph {n}: " + " ".join(pick(words) for _ in range(40 + n % 71)) + "."
            for n in range(1, paragraphs + 1)]
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "2-long.md").write_text("---\ntitle: A long report\nsource: Harbour Gazette\n---\n"
                                    + "\n\n".join(body) + "\n", encoding="utf-8")
    (folder / "1-short.md").write_text("---\ntitle: A short note\nsource: Harbour Post\n---\n"
                                     "The council said the bridge would be inspected in spring.\n", encoding="utf-8")
    return folder


# -- the whole benchmark -------------------------------------------------------------------------------

def _run_child(arguments: Sequence[str], env: dict[str, str], cwd: Path) -> dict:
    """Run ``python -m reader.bench ARGUMENTS`` in ``cwd`` and return the JSON it prints."""
    done = subprocess.run([sys.executable, "-m", "reader.bench", *arguments], env=env, cwd=cwd,
                          capture_output=True, text=True)
    if done.returncode:
        raise RuntimeError(f"reader.bench {' '.join(arguments)} failed:\n{done.stderr[-3000:]}")
    return json.loads(done.stdout)


def _machine() -> str:
    cores = os.cpu_count()
    usable = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else cores
    load = " · load average %.1f %.1f %.1f" % os.getloadavg() if hasattr(os, "getloadavg") else ""
    return (f"machine: {cores} cores ({usable} usable) · {platform.machine()} {platform.system()} · "
            f"Python {platform.python_version()}{load}")


def _milliseconds(values: Sequence[float]) -> str:
    if not values:
        return "n/a (the analysis ended first)"
    return (f"median {statistics.median(values) * 1000:.1f} ms, max {max(values) * 1000:.1f} ms "
            f"({len(values)} presses)")


def run(sizes: Sequence[int], starts: int, presses: int, out: Callable[[str], None] = print, runs: int = 1) -> None:
    """The benchmark without paths (see the module docstring), printed line by line through ``out``."""
    from reader.load import load
    from reader.paths import bundled_articles

    out(_machine())
    with tempfile.TemporaryDirectory(prefix="newsprism-bench-") as scratch_name:
        scratch = Path(scratch_name)
        # The measuring processes run a copy of the code: the cache is keyed by the code, and files
        # edited while the benchmark runs must not make the warm runs cold.
        shutil.copytree(Path(__file__).resolve().parent, scratch / "code" / "reader",
                        ignore=shutil.ignore_patterns("__pycache__"))
        # Byte-compiled as pip and pipx do at install, so no start pays for compiling newsprism's source
        # (PYTHONDONTWRITEBYTECODE would otherwise make every start compile it again; Textual's is compiled).
        compileall.compile_dir(scratch / "code" / "reader", quiet=1)
        env = dict(os.environ, NEWSPRISM_DATA_DIR=str(scratch / "data"), NEWSPRISM_CACHE_DIR=str(scratch / "cache"),
                   PYTHONPATH=os.pathsep.join(filter(None, (str(scratch / "code"), os.environ.get("PYTHONPATH")))))
        corpora = _analysis_table(sizes, runs, scratch, env, out)
        size = WARM_SIZE if WARM_SIZE in corpora else max(corpora)
        _starts(size, corpora[size], starts, scratch, env, out)
        _keys(size, corpora[size], presses, scratch, env, out)
    result = bench_entities(repeated(load([bundled_articles()]), 40), 3)
    out(f"\nentity recogniser, bundled story ×40: {result.words:,} words in {result.seconds:.3f} s CPU, "
        f"{result.words_per_second:,.0f} words/s")


def _analysis_table(sizes: Sequence[int], runs: int, scratch: Path, env: dict[str, str],
                    out: Callable[[str], None]) -> dict[int, Path]:
    """Generate a corpus of each size in ``scratch``, analyse it cold then warm ``runs`` times, print a row
    each (the runs of median cold and median warm time); the corpora."""
    from reader.synthetic import write_corpus

    out("\nanalysis (wall-clock seconds; cold: first analysis, writing the cache; warm: again, through it"
        + (f"; each the run of median time of {runs})" if runs > 1 else ")"))
    widths = (8, 10, 6, 6, 8, 7, 6, 7, 9, 7, 9, 6, 9)

    def line(cells: Sequence[str]) -> str:
        return "  ".join(cell.rjust(width) for cell, width in zip(cells, widths))

    out(line(("articles", "words", *STAGE_NAMES, "cold", "words/s", "CPU s", "peak RSS", "warm", "warm RSS")))
    corpora: dict[int, Path] = {}
    for size in sizes:
        corpora[size] = write_corpus(scratch / f"corpus-{size}", size)
        colds, warms = [], []
        for n in range(runs):  # the last run's cache is the one the starts below find warm
            cache = scratch / (f"cache-{size}" if n == runs - 1 else f"cache-{size}-{n}")
            arguments = ["--measure", str(corpora[size]), "--cache-dir", str(cache)]
            colds.append(_run_child(arguments, env, scratch))
            warms.append(_run_child(arguments, env, scratch))
        cold, warm = (sorted(measured, key=lambda m: m["seconds"])[len(measured) // 2] for measured in (colds, warms))
        out(line((
            f"{cold['articles']:,}", f"{cold['words']:,}", *(f"{cold['stages'][s]:.2f}" for s in STAGE_NAMES),
            f"{cold['seconds']:.2f}", f"{cold['words'] / cold['seconds']:,.0f}", f"{cold['cpu']:.2f}",
            f"{cold['rss_mib']:.0f} MiB", f"{warm['seconds']:.2f}", f"{warm['rss_mib']:.0f} MiB",
        )))
        if runs > 1:
            times = ", ".join(f"{c['seconds']:.2f}" for c in colds)
            out(f"{'':10}cold runs: {times} s")
    out("(peak RSS: resource.getrusage maxrss of the analysing process, interpreter and imports included)")
    return corpora


def _starts(size: int, corpus: Path, starts: int, scratch: Path, env: dict[str, str],
            out: Callable[[str], None]) -> None:
    """Time to first paint: the bare app, the bundled story (empty and warm cache), ``corpus`` of ``size``
    articles (its cache is warm from the analysis table)."""
    from reader.paths import bundled_articles

    out(f"\nstart to first paint (headless; median of {starts} starts, each a new process, "
        "interpreter start included)")
    bundled = str(bundled_articles())
    _run_child(["--measure", bundled, "--cache-dir", str(scratch / "cache-bundled")], env, scratch)
    warm_env = dict(env, NEWSPRISM_CACHE_DIR=str(scratch / "cache-bundled"))
    corpus_env = dict(env, NEWSPRISM_CACHE_DIR=str(scratch / f"cache-{size}"))
    bare, cold_start, warm_start, warm_corpus = [], [], [], []
    for n in range(starts):
        bare.append(time_to_paint(_BARE_PROBE, [], env, scratch))
        cold_env = dict(env, NEWSPRISM_CACHE_DIR=str(scratch / f"cache-empty-{n}"))
        cold_start.append(time_to_paint(_READER_PROBE, [bundled], cold_env, scratch))
        warm_start.append(time_to_paint(_READER_PROBE, [bundled], warm_env, scratch))
        warm_corpus.append(time_to_paint(_READER_PROBE, [str(corpus)], corpus_env, scratch))
    base = statistics.median(bare)
    for label, times in (("bare Textual app, one Static", bare),
                         ("newsprism, bundled story, empty cache", cold_start),
                         ("newsprism, bundled story, warm cache", warm_start),
                         (f"newsprism, {size:,} articles, warm cache", warm_corpus)):
        median = statistics.median(times)
        out(f"  {label:42} {median:.3f} s   {median / base:.2f} × the bare app")


def _keys(size: int, corpus: Path, presses: int, scratch: Path, env: dict[str, str],
          out: Callable[[str], None]) -> None:
    """Key-press latencies in the reader on ``corpus`` of ``size`` articles, from a first start (empty cache),
    and the opening of an article of ``LONG_ARTICLE`` paragraphs."""
    done = subprocess.run([sys.executable, "-c", _KEYS_PROBE, str(corpus), str(presses)], cwd=scratch,
                          env=dict(env, NEWSPRISM_CACHE_DIR=str(scratch / "cache-keys")), capture_output=True,
                          text=True, timeout=3600)
    if done.returncode:
        raise RuntimeError(f"the key probe failed:\n{done.stderr[-3000:]}")
    keys = json.loads(done.stdout)
    out(f"\nkey press to the frame showing it ({size:,} articles, first start; "
        "Textual composes at most 60 frames/s)")
    out(f"  down in the list, while analysing:  {_milliseconds(keys['during'])}")
    out(f"  ] jump to the next source:          {_milliseconds(keys['jumps'])}")
    out(f"  ] held down:                        {_milliseconds(keys['held'])}")
    folder = write_long_article(scratch / "long-article")
    done = subprocess.run([sys.executable, "-c", _OPEN_PROBE, str(folder), str(min(presses, 10))], cwd=scratch,
                          env=dict(env, NEWSPRISM_CACHE_DIR=str(scratch / "cache-long")), capture_output=True,
                          text=True, timeout=3600)
    if done.returncode:
        raise RuntimeError(f"the long article probe failed:\n{done.stderr[-3000:]}")
    out(f"  {f'enter on the {LONG_ARTICLE}-paragraph article:':36}{_milliseconds(json.loads(done.stdout))}")


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m reader.bench", description=__doc__.splitlines()[0])
    parser.add_argument("paths", nargs="*", type=Path, metavar="PATH",
                        help="time the entity recogniser on these files or folders only")
    parser.add_argument("--sizes", default=",".join(map(str, SIZES)),
                        help="generated corpus sizes, in articles (default 100,1000,10000)")
    parser.add_argument("--starts", type=int, default=7, help="starts of the reader to time (default 7)")
    parser.add_argument("--presses", type=int, default=50, help="key presses to time (default 50)")
    parser.add_argument("--runs", type=int, default=1,
                        help="cold and warm analyses of each size; the median counts (default 1)")
    parser.add_argument("--repeat", type=int, default=40, help="with PATH: copies of the corpus to time (default 40)")
    parser.add_argument("--rounds", type=int, default=3, help="with PATH: rounds; the best counts (default 3)")
    parser.add_argument("--measure", type=Path, help=argparse.SUPPRESS)
    parser.add_argument("--cache-dir", type=Path, help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.measure:
        print(json.dumps(measure_analysis(args.measure, args.cache_dir)))
    elif args.paths:
        from reader.load import load

        corpus = repeated(load(args.paths), max(1, args.repeat))
        print(format_table([bench(corpus, max(1, args.rounds)) for _name, bench in BENCHES]))
    else:
        run([int(size) for size in args.sizes.split(",")], max(1, args.starts), max(1, args.presses),
            runs=max(1, args.runs))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
