"""The newsprism app: the article list beside the reader; loading and analysis run in a background worker."""

from __future__ import annotations

import gc
import threading
from collections.abc import Sequence
from dataclasses import replace
from pathlib import Path
from typing import TYPE_CHECKING

from textual import work
from textual.app import App, ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal
from textual.widgets import Static
from textual.worker import get_current_worker

from reader import __version__
from reader.model import Article, Corpus, Entity, Kind, Severity, article_id_of
from reader.tui.messages import AnalysisProgress, CorpusAnalysed, CorpusLoaded
from reader.tui.widgets.article_list import ArticleList
from reader.tui.widgets.key_hints import KeyHints
from reader.tui.widgets.reader_view import ReaderView
from reader.tui.widgets.title_bar import TitleBar
from reader.tui.wording import plural

# The analysis and the dialogs are imported once the article list is on screen, by the worker or by
# the actions that need them: the list paints without waiting for them.
if TYPE_CHECKING:
    from textual.widgets import ProgressBar

    from reader.entities import EntityInfo
    from reader.tui.screens.compare import CompareScreen

_LINKABLE = (Kind.PARAGRAPH, Kind.LIST_ITEM, Kind.QUOTE)
FIRST_FRAME_WAIT = 0.15  # seconds the first frame may wait for the articles to load


def _readable_mentions(corpus: Corpus) -> dict[str, EntityInfo]:
    """The corpus's entities with only the mentions a reader shows: in kept passages of the body."""
    from reader.entities import entity_index

    readable = {p.id for article in corpus.articles for p in article.body if p.kept}
    entities = {}
    for key, info in entity_index(corpus).items():
        mentions = [m for m in info.mentions if m[0] in readable]
        if mentions:
            entities[key] = replace(info, mentions=mentions)
    return entities


class NewsprismApp(App[None]):
    CSS_PATH = "newsprism.tcss"
    TITLE = "newsprism"
    SUB_TITLE = __version__

    BINDINGS = [
        Binding("q", "quit", "Quit", id="app.quit"),
        Binding("question_mark", "help", "Help", key_display="?", id="app.help", tooltip="Every key and what it does"),
        Binding("right_square_bracket", "jump(1)", "Next source", key_display="]", id="app.next_source",
                tooltip="The same passage in the next source"),
        Binding("left_square_bracket", "jump(-1)", "Prev source", key_display="[", id="app.previous_source",
                show=False, tooltip="The same passage in the previous source"),
        Binding("c", "compare", "Compare", id="app.compare", tooltip="This passage beside its linked ones, with reasons"),
        Binding("v", "coverage", "Coverage", id="app.coverage", tooltip="The story's events by source"),
        Binding("E", "entities", "Entities", id="app.entities", tooltip="The story's entities by type"),
        Binding("n", "mention(1)", "Next mention", id="app.next_mention",
                tooltip="Next mention of the entity under the cursor"),
        Binding("N", "mention(-1)", "Prev mention", id="app.previous_mention", show=False,
                tooltip="Previous mention of that entity"),
        Binding("b", "toggle_removed", "Removed", id="app.toggle_removed",
                tooltip="Show or hide the removed boilerplate and why"),
        Binding("e", "toggle_entities", "Colours", id="app.toggle_entities", show=False,
                tooltip="Entity colours on or off"),
        Binding("p", "problems", "Problems", id="app.problems", show=False,
                tooltip="Files that could not be opened, and why"),
        Binding("tab", "focus_next", "Next pane", show=False, id="app.focus_next"),
        Binding("shift+tab", "focus_previous", "Previous pane", show=False, id="app.focus_previous"),
    ]

    def __init__(self, paths: Sequence[Path]) -> None:
        super().__init__()
        self.paths = list(paths)
        self.corpus = Corpus()
        self.analysed = False
        self.entities: dict[str, EntityInfo] = {}
        self.entity_key: str | None = None  # the entity n / N move through
        self._reading_order: dict[str, int] = {}  # passage id -> position in the corpus
        self.progress: ProgressBar | None = None  # shown while the analysis runs
        self._listed = threading.Event()  # set once the article list is on screen: the analysis may start
        self._loaded: Corpus | None = None  # the loaded articles, set by the worker just before CorpusLoaded
        self._loading = threading.Event()  # set with _loaded
        self._collecting = False  # whether the cycle collector is to be resumed once the list is shown

    def compose(self) -> ComposeResult:
        yield TitleBar(id="title")
        with Horizontal(id="panes"):
            yield ArticleList(id="articles")
            yield ReaderView(id="reader")
        yield Static(id="footer-space")  # the footer's line, until the footer is mounted after the first paint

    def on_load(self) -> None:
        """Start loading before the screen is composed; nothing animates meanwhile: every frame drawn
        before the list delays it."""
        self.sub_title = "loading…"
        self._collecting = gc.isenabled()
        gc.disable()  # until the list is on screen: see _started
        self.load_and_analyse()

    def on_mount(self) -> None:
        """Give the loading worker a moment to finish before the first frame, so that frame shows the list.

        The event loop waits (nothing is on screen yet to answer keys): a warm or small load then
        runs alone instead of sharing the interpreter with frames of an empty list, and is on
        screen sooner. A longer load paints the empty panes first and fills them when done.
        """
        if self._loading.wait(timeout=FIRST_FRAME_WAIT):
            self._show_loaded(self._loaded)

    async def on_article_list_painted(self) -> None:
        await self._started()

    async def _started(self) -> None:
        """The article list is on screen (or there is nothing to list): resume what waited for it.

        Python's cycle collector was paused: the start makes many objects but few cycles, and a full
        collection fell in the first frame with the list (a twentieth of a second). What exists now
        (modules, styles, the loaded articles) is kept out of its sight (``gc.freeze``) so later
        collections do not walk it again. The footer mounts a widget per key, so it waits too.
        """
        self._resume_collector()
        await self.query_one("#footer-space").remove()
        await self.mount(KeyHints())
        self.screen.refresh_bindings()  # the footer shows the keys once told the bindings changed
        self._listed.set()

    def _resume_collector(self) -> None:
        if self._collecting:
            self._collecting = False
            gc.freeze()
            gc.enable()

    def on_unmount(self) -> None:
        self._resume_collector()  # quit before the list was shown

    # -- background work ---------------------------------------------------------------

    @work(thread=True, exclusive=True, group="analysis")
    def load_and_analyse(self) -> None:
        """Load the articles and list them; once the list is on screen, analyse them.

        Both go through the analysis cache: unchanged files are neither parsed nor analysed again.
        Quitting cancels the worker, and the analysis stops at its next article or story.
        """
        from reader.cache import Cache
        from reader.load import load
        from reader.workers import Workers

        worker = get_current_worker()
        cache = Cache(self.paths)
        with Workers() as workers:
            corpus = load(self.paths, cache=cache, workers=workers)
            self._loaded = corpus
            self._loading.set()
            self.post_message(CorpusLoaded(corpus))
            self._listed.wait(timeout=5)
            if worker.is_cancelled:
                return
            from reader.analysis import STAGES, Cancelled, analyse

            self.call_from_thread(self._show_progress, len(STAGES))
            try:
                analyse(corpus, cache=cache, should_stop=lambda: worker.is_cancelled, workers=workers,
                        on_stage=lambda name, done, total: self.post_message(AnalysisProgress(name, done, total)))
            except Cancelled:
                return
        self.post_message(CorpusAnalysed(corpus))

    def _show_progress(self, stages: int) -> None:
        """Put a progress bar of ``stages`` steps under the panes (mounted only now, after the first paint)."""
        from textual.widgets import ProgressBar

        self.progress = ProgressBar(total=stages, show_eta=False, id="progress")
        self.mount(self.progress, after=self.query_one("#panes"))

    def on_corpus_loaded(self, message: CorpusLoaded) -> None:
        if message.corpus is not self.corpus:  # not shown at mount already
            self._show_loaded(message.corpus)

    def _show_loaded(self, corpus: Corpus) -> None:
        self.corpus = corpus
        self.sub_title = __version__
        articles = self.query_one(ArticleList)
        articles.show(self.corpus)
        articles.focus()
        if self.corpus.articles:
            self.open_article(self.corpus.articles[0])
        problems = [p for p in self.corpus.problems if p.severity is not Severity.SKIPPED]
        if problems:
            self.notify(f"{plural(len(problems), 'file')} had problems: press p to see them", severity="warning",
                        markup=False)
        if not self.corpus.articles:
            self.call_later(self._started)
            self.notify("No articles to show: give newsprism .md or .txt files or folders", severity="error",
                        markup=False)

    def on_analysis_progress(self, message: AnalysisProgress) -> None:
        if self.progress is not None:
            self.progress.update(progress=message.done)
        self.sub_title = f"analysing: {message.stage}"

    def on_corpus_analysed(self, message: CorpusAnalysed) -> None:
        self.analysed = True
        self.entities = _readable_mentions(self.corpus)
        self._reading_order = {p.id: n for n, p in enumerate(p for a in self.corpus.articles for p in a.passages)}
        if self.progress is not None:
            self.progress.remove()
            self.progress = None
        self.sub_title = __version__
        self.query_one(ArticleList).show(self.corpus)
        reader = self.query_one(ReaderView)
        if reader.article is not None:
            self.open_article(reader.article)

    # -- showing articles ----------------------------------------------------------------

    def open_article(self, article: Article, passage_id: str | None = None) -> None:
        self.query_one(ReaderView).show(article, self._others(article) if self.analysed else None, passage_id)

    def _others(self, article: Article) -> dict[str, int]:
        """For each linkable kept passage, how many other sources report it."""
        return {
            p.id: len({article_id_of(link.to) for link in p.links})
            for p in article.body
            if p.kept and p.kind in _LINKABLE
        }

    def go_to(self, passage_id: str, entity: Entity | None = None) -> None:
        """Open the article holding a passage, put the cursor on it, and mark it."""
        located = self.corpus.locate(passage_id)
        if located is None:
            return
        article, _passage = located
        reader = self.query_one(ReaderView)
        if reader.article is not article:
            self.open_article(article, passage_id)
            self.query_one(ArticleList).highlight_article(article.id)
        else:
            reader.move_to(passage_id)
        if entity is not None:
            reader.mark_entity(entity)
        reader.mark_jump()
        reader.focus()

    def on_article_list_opened(self, message: ArticleList.Opened) -> None:
        article = next((a for a in self.corpus.articles if a.id == message.article_id), None)
        if article is not None:
            self.open_article(article)
            self.query_one(ReaderView).focus()

    def on_reader_view_back(self, message: ReaderView.Back) -> None:
        self.query_one(ArticleList).focus()

    def _current(self) -> tuple[Article, str] | None:
        reader = self.query_one(ReaderView)
        passage = reader.current_passage
        if reader.article is None or passage is None:
            return None
        return reader.article, passage.id

    def _story_articles(self, article: Article) -> list[Article]:
        return [a for a in self.corpus.articles if a.story == article.story] if article.story else [article]

    # -- cross-source navigation ---------------------------------------------------------

    def _analysis_ready(self) -> bool:
        """Whether links and entities are there; if not, say so."""
        if not self.analysed:
            self.notify("Still analysing: links and entities are not ready yet", markup=False)
        return self.analysed

    def action_jump(self, step: int) -> None:
        current = self._current()
        if current is None or not self._analysis_ready():
            return
        from reader.links import other_sources

        article, passage_id = current
        linked = {a.id: p.id for a, p in other_sources(self.corpus, passage_id)}
        if not linked:
            self.notify("No other source reports this passage", markup=False)
            return
        order = [a.id for a in self.corpus.articles]
        here = order.index(article.id)
        ring = order[here + 1:] + order[:here] if step > 0 else order[:here][::-1] + order[here + 1:][::-1]
        target = next((a for a in ring if a in linked), None)
        if target is not None:
            self.go_to(linked[target])

    def action_compare(self) -> None:
        current = self._current()
        if current is None or not self._analysis_ready():
            return
        from reader.tui.screens.compare import CompareScreen

        located = self.corpus.locate(current[1])
        if located is not None:
            compare = CompareScreen(self.corpus, *located)
            self.push_screen(compare, lambda passage_id: self._after_compare(compare, passage_id))

    def action_coverage(self) -> None:
        from reader.tui.screens.coverage import CoverageScreen

        reader = self.query_one(ReaderView)
        if reader.article is not None and self._analysis_ready():
            self.push_screen(CoverageScreen(self.corpus, self._story_articles(reader.article)), self._go_to_chosen)

    def _after_compare(self, compare: CompareScreen, passage_id: str | None) -> None:
        reader = self.query_one(ReaderView)
        if reader.article is not None and compare.verdicts:
            self.open_article(reader.article)  # confirmed or rejected links change the gutter badges
        self._go_to_chosen(passage_id)

    def _go_to_chosen(self, passage_id: str | None) -> None:
        if passage_id is not None:
            self.go_to(passage_id)

    # -- entities ------------------------------------------------------------------------

    def action_entities(self) -> None:
        from reader.tui.screens.entities import EntitiesScreen

        reader = self.query_one(ReaderView)
        if reader.article is not None and self._analysis_ready():
            self.push_screen(EntitiesScreen(self.entities, self._story_articles(reader.article)), self._chose_entity)

    def _chose_entity(self, key: str | None) -> None:
        if key is None or key not in self.entities:
            return
        self.entity_key = key
        current = self._current()
        mentions = self.entities[key].mentions
        here = [m for m in mentions if current and article_id_of(m[0]) == current[0].id]
        passage_id, entity = (here or mentions)[0]
        self.go_to(passage_id, entity)

    def action_mention(self, step: int) -> None:
        reader = self.query_one(ReaderView)
        passage = reader.current_passage
        if passage is None:
            return
        key = self._entity_here(reader)
        if key not in self.entities:
            self.notify("No entity here: choose one from the entity list (E)", markup=False)
            return
        self.entity_key = key
        mentions = self.entities[key].mentions
        # mentions in reading order; the cursor sits before the first mention of its passage unless one is marked
        marked = reader.current_entity
        position = (self._reading_order[passage.id], marked.start if marked is not None and marked.key == key else -1)
        ranked = [(self._reading_order[pid], entity.start) for pid, entity in mentions]
        if step > 0:
            index = next((i for i, at in enumerate(ranked) if at > position), 0)
        else:
            index = next((i for i in reversed(range(len(ranked))) if ranked[i] < position), len(ranked) - 1)
        self.go_to(*mentions[index])
        self.notify(f"{self.entities[key].name}: mention {index + 1} of {len(mentions)}", timeout=1.5, markup=False)

    def _entity_here(self, reader: ReaderView) -> str | None:
        """The entity n / N follow: the marked mention's, the chosen one if this passage has it, else its first name."""
        if reader.current_entity is not None:
            return reader.current_entity.key
        entities = reader.current_passage.entities
        keys = [e.key for e in entities]
        if self.entity_key in keys:
            return self.entity_key
        named = [e.key for e in entities if e.label != "DATE"]
        return (named or keys or [self.entity_key])[0]

    # -- toggles and screens -------------------------------------------------------------

    def action_toggle_removed(self) -> None:
        reader = self.query_one(ReaderView)
        reader.show_removed = not reader.show_removed

    def action_toggle_entities(self) -> None:
        reader = self.query_one(ReaderView)
        reader.highlight_entities = not reader.highlight_entities

    def action_help(self) -> None:
        from reader.tui.screens.compare import CompareScreen
        from reader.tui.screens.coverage import CoverageScreen
        from reader.tui.screens.entities import EntitiesScreen
        from reader.tui.screens.help import HelpScreen

        self.push_screen(HelpScreen([
            ("Everywhere", self.BINDINGS, ""),
            ("Article list", ArticleList.BINDINGS, ""),
            ("Reader", ReaderView.BINDINGS, ""),
            ("Compare (c)", CompareScreen.BINDINGS, "enter: go to the highlighted passage"),
            ("Coverage (v)", CoverageScreen.BINDINGS, "enter: go to the event's passage in that source"),
            ("Entities (E)", EntitiesScreen.BINDINGS, "enter: go to the entity's first mention; then n / N"),
        ]))

    def action_problems(self) -> None:
        from reader.tui.screens.problems import ProblemsScreen

        self.push_screen(ProblemsScreen(self.corpus.problems))
