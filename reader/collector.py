"""Python's cycle collector, paused over work that makes millions of small objects but few cycles."""

from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import contextmanager


@contextmanager
def cycle_collection_paused() -> Iterator[None]:
    """Pause Python's cycle collector: loading and the analysis stages make millions of small objects
    but few cycles, and the collector would walk the whole corpus again and again (a sixth of the
    analysis time). Where it is paused already (the reader pauses it while it starts), nothing changes.

    The objects made meanwhile (mostly the corpus, kept while it is shown) are then moved
    out of the collector's sight (``gc.freeze``): its next run would otherwise walk them all at once,
    stalling whichever thread allocates next, the reader's interface included.
    """
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.freeze()
            gc.enable()
