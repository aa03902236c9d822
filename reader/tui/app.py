"""The newsprism app: the article list beside the reader, analysis in a background worker."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from textual import work
from textual.app import App, ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal
from textual.widgets import Footer, Header

from reader import __version__
from reader.analysis import analyse
from reader.load import load
from reader.model import Corpus
from reader.tui.messages import CorpusAnalysed, CorpusLoaded
from reader.tui.screens.help import HelpScreen
from reader.tui.screens.problems import ProblemsScreen
from reader.tui.widgets.article_list import ArticleList
from reader.tui.widgets.reader_view import ReaderView


class NewsprismApp(App[None]):
    CSS_PATH = "newsprism.tcss"
    TITLE = "newsprism"
    SUB_TITLE = __version__

    BINDINGS = [
        Binding("q", "quit", "Quit", id="app.quit"),
        Binding("question_mark", "help", "Help", key_display="?", id="app.help"),
        Binding("b", "toggle_removed", "Removed", id="app.toggle_removed",
                tooltip="Show or hide the boilerplate newsprism removed, with the reason"),
        Binding("e", "toggle_entities", "Entities", id="app.toggle_entities",
                tooltip="Colour or uncolour people, organisations, places and dates"),
        Binding("p", "problems", "Problems", id="app.problems"),
        Binding("tab", "focus_next", "Next pane", show=False, id="app.focus_next"),
        Binding("shift+tab", "focus_previous", "Previous pane", show=False, id="app.focus_previous"),
    ]

    def __init__(self, paths: Sequence[Path]) -> None:
        super().__init__()
        self.paths = list(paths)
        self.corpus = Corpus()

    def compose(self) -> ComposeResult:
        yield Header()
        with Horizontal(id="panes"):
            yield ArticleList(id="articles")
            yield ReaderView(id="reader")
        yield Footer()

    def on_mount(self) -> None:
        self.query_one(ArticleList).loading = True
        self.load_and_analyse()

    @work(thread=True, exclusive=True, group="analysis")
    def load_and_analyse(self) -> None:
        corpus = load(self.paths)
        self.post_message(CorpusLoaded(corpus))
        analyse(corpus)
        self.post_message(CorpusAnalysed(corpus))

    def on_corpus_loaded(self, message: CorpusLoaded) -> None:
        self.corpus = message.corpus
        articles = self.query_one(ArticleList)
        articles.loading = False
        articles.show(self.corpus)
        articles.focus()
        if self.corpus.articles:
            self.open_article(self.corpus.articles[0].id)
        problems = [p for p in self.corpus.problems if p.severity != "skipped"]
        if problems:
            self.notify(f"{len(problems)} files had problems: press p to see them", severity="warning", markup=False)
        if not self.corpus.articles:
            self.notify("No articles to show: give newsprism .md or .txt files or folders", severity="error", markup=False)

    def on_corpus_analysed(self, message: CorpusAnalysed) -> None:
        self.query_one(ArticleList).show(self.corpus)
        reader = self.query_one(ReaderView)
        if reader.article is not None:
            reader.show(reader.article)

    def open_article(self, article_id: str) -> None:
        located = next((a for a in self.corpus.articles if a.id == article_id), None)
        if located is not None:
            self.query_one(ReaderView).show(located)

    def on_article_list_opened(self, message: ArticleList.Opened) -> None:
        self.open_article(message.article_id)
        self.query_one(ReaderView).focus()

    def on_reader_view_back(self, message: ReaderView.Back) -> None:
        self.query_one(ArticleList).focus()

    def action_help(self) -> None:
        self.push_screen(HelpScreen([
            ("Everywhere", self.BINDINGS),
            ("Article list", ArticleList.BINDINGS),
            ("Reader", ReaderView.BINDINGS),
        ]))

    def action_toggle_removed(self) -> None:
        reader = self.query_one(ReaderView)
        reader.show_removed = not reader.show_removed

    def action_toggle_entities(self) -> None:
        reader = self.query_one(ReaderView)
        reader.highlight_entities = not reader.highlight_entities

    def action_problems(self) -> None:
        self.push_screen(ProblemsScreen(self.corpus.problems))
