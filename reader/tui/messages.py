"""Messages the background analysis posts to the app."""

from __future__ import annotations

from textual.message import Message

from reader.model import Corpus


class CorpusLoaded(Message):
    """The articles are read and parsed: the list can be shown."""

    def __init__(self, corpus: Corpus) -> None:
        super().__init__()
        self.corpus = corpus


class AnalysisProgress(Message):
    """An analysis stage started."""

    def __init__(self, stage: str, done: int, total: int) -> None:
        super().__init__()
        self.stage = stage
        self.done = done
        self.total = total


class CorpusAnalysed(Message):
    """Every analysis layer of the corpus is filled."""

    def __init__(self, corpus: Corpus) -> None:
        super().__init__()
        self.corpus = corpus
