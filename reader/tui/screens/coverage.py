"""Coverage: the story's events by source, and what only one source reports; Enter goes to the passage."""

from __future__ import annotations

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.content import Content
from textual.screen import ModalScreen
from textual.widgets import DataTable, Static

from reader.links import only_here
from reader.model import Article, Corpus, Event, article_id_of
from reader.tui.wording import source_labels


def _short(text: str, width: int = 60) -> str:
    text = " ".join(text.split())
    return text if len(text) <= width else text[: width - 1] + "…"


def _central_passage(corpus: Corpus, event: Event) -> str:
    """The event's passage most linked to the others: the one that best says what the event is."""
    members = set(event.passage_ids)

    def linked_weight(passage_id: str) -> float:
        located = corpus.locate(passage_id)
        return sum(link.score for link in located[1].links if link.to in members) if located else 0.0

    return max(event.passage_ids, key=linked_weight)


class CoverageScreen(ModalScreen[str | None]):
    """Dismissed with the id of the passage to jump to, or None. Cells are rich Text: never markup."""

    BINDINGS = [Binding("escape,v,q", "dismiss(None)", "Close", id="coverage.close")]

    def __init__(self, corpus: Corpus, articles: list[Article]) -> None:
        super().__init__()
        self.corpus = corpus
        self.articles = articles
        self.targets: dict[tuple[str, int], str] = {}  # (row key, column) -> passage id

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog"):
            yield Static(Content(f"Coverage: events by source ({len(self.articles)} articles)"), classes="dialog-title")
            yield DataTable(id="coverage-table", cursor_type="cell", zebra_stripes=True)
            yield Static(Content("●: the source reports the event · enter: go to its passage · escape: close"),
                         classes="dialog-hint")

    def on_mount(self) -> None:
        table = self.query_one(DataTable)
        table.add_column(Text("event"), key="event")
        for article, label in zip(self.articles, source_labels(self.articles).values()):
            table.add_column(Text(label), key=article.id)
        column_of = {a.id: i + 1 for i, a in enumerate(self.articles)}
        events = [e for e in self.corpus.events if any(s in column_of for s in e.sources)]
        events.sort(key=lambda e: (-len(set(e.sources)), e.passage_ids[0]))
        for event in events:
            cells: list[Text] = [Text("·", justify="center") for _ in self.articles]
            for passage_id in event.passage_ids:
                column = column_of.get(article_id_of(passage_id))
                if column is not None and (event.id, column) not in self.targets:
                    self.targets[(event.id, column)] = passage_id
                    cells[column - 1] = Text("●", justify="center")
            central = self.corpus.locate(_central_passage(self.corpus, event))
            label = _short(central[1].text, 40) if central else event.id
            self.targets[(event.id, 0)] = central[1].id if central else event.passage_ids[0]
            table.add_row(Text(label), *cells, key=event.id)
        only = ["only here", *["" for _ in self.articles]]
        for article in self.articles:
            solo = [p.id for p in article.passages if only_here(self.corpus, p.id)]
            if solo:
                self.targets[("only-here", column_of[article.id])] = solo[0]
                only[column_of[article.id]] = str(len(solo))
        table.add_row(*(Text(cell, justify="center" if i else "left") for i, cell in enumerate(only)), key="only-here")
        table.focus()

    def on_data_table_cell_selected(self, event: DataTable.CellSelected) -> None:
        target = self.targets.get((event.cell_key.row_key.value, event.coordinate.column))
        if target is not None:
            self.dismiss(target)
