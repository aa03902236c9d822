"""The analysis pipeline: each stage fills one annotation layer of the corpus, in order."""

from __future__ import annotations

from collections.abc import Callable

from reader.model import Corpus

Stage = Callable[[Corpus], None]

# (name, stage) in the order they must run: later stages read earlier layers.
STAGES: tuple[tuple[str, Stage], ...] = ()


def analyse(corpus: Corpus) -> Corpus:
    for _name, stage in STAGES:
        stage(corpus)
    return corpus
