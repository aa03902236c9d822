"""The analysis pipeline: each stage fills one annotation layer of the corpus, in order."""

from __future__ import annotations

from collections.abc import Callable

from reader.clean import mark_boilerplate
from reader.entities import annotate_entities
from reader.links import link_passages
from reader.model import Corpus
from reader.stories import group_stories

Stage = Callable[[Corpus], None]

# (name, stage) in the order they must run: later stages read earlier layers.
STAGES: tuple[tuple[str, Stage], ...] = (
    ("clean", mark_boilerplate),
    ("entities", annotate_entities),
    ("stories", group_stories),
    ("links", link_passages),
)


def analyse(corpus: Corpus, on_stage: Callable[[str, int, int], None] | None = None) -> Corpus:
    """Run every stage over ``corpus``; ``on_stage(name, done, total)`` hears as each stage starts."""
    for done, (name, stage) in enumerate(STAGES):
        if on_stage is not None:
            on_stage(name, done, len(STAGES))
        stage(corpus)
    return corpus
