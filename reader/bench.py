"""Throughput of the analysis stages: ``python -m reader.bench [PATH...] [--repeat N] [--rounds N]``.

Not a test: it prints, for each stage, the words of the corpus, the best time of a few rounds and
the words per second, as a table. Times are CPU times of this process (the stages run on one
thread), so other work on the machine disturbs them less than it would wall-clock times. The
corpus is the given article files or folders (the bundled story if none), repeated to make the
timing steady. Each stage is one small function taking the loaded corpus and returning its
:class:`Result`.
"""

from __future__ import annotations

import argparse
import copy
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

from reader.entities import annotate_entities
from reader.entities.resolve import intrinsic, key_for
from reader.load import load
from reader.model import Corpus, passage_id


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
    """The entity recogniser over the whole corpus, starting each round with cold caches."""
    def cold() -> None:
        intrinsic.cache_clear()
        key_for.cache_clear()

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
    widths = [max(len(row[i]) for row in rows) for i in range(4)]
    return "\n".join(
        "  ".join(cell.ljust(w) if i == 0 else cell.rjust(w) for i, (cell, w) in enumerate(zip(row, widths)))
        for row in rows
    )


def main(argv: Sequence[str] | None = None) -> int:
    from reader.paths import bundled_articles

    parser = argparse.ArgumentParser(prog="python -m reader.bench", description=__doc__.splitlines()[0])
    parser.add_argument("paths", nargs="*", type=Path, metavar="PATH")
    parser.add_argument("--repeat", type=int, default=40, help="copies of the corpus to time (default 40)")
    parser.add_argument("--rounds", type=int, default=3, help="rounds per stage; the best counts (default 3)")
    args = parser.parse_args(argv)
    corpus = repeated(load(args.paths or [bundled_articles()]), max(1, args.repeat))
    print(format_table([bench(corpus, max(1, args.rounds)) for _name, bench in BENCHES]))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
