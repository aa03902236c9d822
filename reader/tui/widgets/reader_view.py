"""The reader: an article's title, then one widget per passage, with a passage cursor."""

from __future__ import annotations

from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.content import Content, Span
from textual.message import Message
from textual.reactive import reactive
from textual.widgets import Static

from reader.clean import REASONS
from reader.model import Article, Kind, Passage

ENTITY_LABELS = ("person", "org", "place", "date", "money", "percent", "quantity")


def entity_class(label: str) -> str:
    """The component class that colours entities of ``label``."""
    label = label.lower()
    return f"entity--{label if label in ENTITY_LABELS else 'other'}"


class PassageView(Static):
    """One passage of article text, rendered from Content objects (never parsed as markup).

    Entity colours come from component classes, so themes and the stylesheet decide them.
    """

    COMPONENT_CLASSES = {entity_class(label) for label in ENTITY_LABELS} | {"entity--other"}

    def __init__(self, passage: Passage, *, highlight: bool) -> None:
        kind = f"-{passage.kind.value}"
        super().__init__(classes=f"passage {kind}" + ("" if passage.kept else " -removed"))
        self.passage = passage
        self._plain = passage_content(passage, highlight=False)
        self._highlighted = passage_content(passage, highlight=True) if passage.entities else self._plain
        self.highlight(highlight)
        if passage.boilerplate is not None:
            self.border_title = Content(f"removed: {passage.boilerplate}")
            self.border_subtitle = Content(REASONS.get(passage.boilerplate, ""))

    def highlight(self, on: bool) -> None:
        """Show entity colours, or plain text."""
        self.update(self._highlighted if on else self._plain)


def passage_content(passage: Passage, *, highlight: bool) -> Content:
    """The passage text as Content with a span per entity; list items get a bullet."""
    spans = [Span(e.start, e.end, "." + entity_class(e.label)) for e in passage.entities] if highlight else None
    text = Content(passage.text, spans)
    if passage.kind is Kind.LIST_ITEM:
        return Content.assemble("• ", text)
    return text


class ArticleHeader(Static):
    """The article's title (or a derived one, visibly marked) and where it comes from."""

    def show(self, article: Article) -> None:
        title, derived = article.display_title
        heading = (
            Content.assemble(("no headline · ", "dim"), (title, "italic"))
            if derived
            else Content.styled(title, "bold")
        )
        details = [article.source or "unknown source", article.published or "undated", article.path.name]
        if article.removed_count:
            details.append(f"{article.removed_count} passages removed")
        self.update(Content.assemble(heading, "\n", (" · ".join(details), "dim")))


class ReaderView(VerticalScroll, can_focus=True):
    """Shows one article. Up/down move a cursor from passage to passage."""

    BINDINGS = [
        Binding("down,j", "cursor(1)", "Next passage", show=False, id="reader.down"),
        Binding("up,k", "cursor(-1)", "Previous passage", show=False, id="reader.up"),
        Binding("g,home", "cursor_to(0)", "First passage", show=False, id="reader.top"),
        Binding("G,end", "cursor_to(-1)", "Last passage", show=False, id="reader.bottom"),
        Binding("left,escape", "back", "Back to the list", show=False, id="reader.back"),
    ]

    cursor: reactive[int] = reactive(0, init=False)
    show_removed: reactive[bool] = reactive(False, init=False)
    highlight_entities: reactive[bool] = reactive(True, init=False)

    class Back(Message):
        """The user wants to return to the article list."""

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.article: Article | None = None

    def show(self, article: Article, passage_id: str | None = None) -> None:
        """Show ``article`` with the cursor on ``passage_id``.

        Redrawing the shown article (after analysis) keeps the cursor where it was.
        """
        if passage_id is None and self.article is article and self.current_passage:
            passage_id = self.current_passage.id
        self.article = article
        with self.app.batch_update():
            self.remove_children()
            header = ArticleHeader(classes="article-header")
            header.show(article)
            views = [PassageView(p, highlight=self.highlight_entities) for p in article.body]
            self.mount(header, *views)
        self.move_to(passage_id)

    def move_to(self, passage_id: str | None) -> None:
        """Put the cursor on a passage (shown even if removed), or on the first one."""
        target = next((v for v in self.query_children(PassageView) if v.passage.id == passage_id), None)
        if target is not None and not target.passage.kept:
            self.show_removed = True
        views = self.passage_views
        index = views.index(target) if target in views else 0
        self.set_reactive(ReaderView.cursor, index)
        self._mark_cursor()
        if target is None:
            self.scroll_home(animate=False)

    @property
    def passage_views(self) -> list[PassageView]:
        """The passages on screen (removed ones only while they are shown)."""
        return [v for v in self.query_children(PassageView) if v.passage.kept or self.show_removed]

    @property
    def current_passage(self) -> Passage | None:
        views = self.passage_views
        return views[self.cursor].passage if 0 <= self.cursor < len(views) else None

    def action_cursor(self, step: int) -> None:
        self.cursor = max(0, min(self.cursor + step, len(self.passage_views) - 1))

    def action_cursor_to(self, index: int) -> None:
        count = len(self.passage_views)
        self.cursor = max(0, count + index if index < 0 else index)
        if self.cursor == 0:
            self.scroll_home(animate=False)

    def action_back(self) -> None:
        self.post_message(self.Back())

    def watch_cursor(self) -> None:
        self._mark_cursor()

    def watch_show_removed(self, show: bool) -> None:
        self.set_class(show, "-show-removed")
        every = list(self.query_children(PassageView))
        views = self.passage_views
        # stay on the passage the cursor was on, or the nearest shown one after it
        at = next((i for i, v in enumerate(every) if v.has_class("-cursor")), 0)
        target = next((v for v in every[at:] if v in views), None)
        target = target or (views[-1] if views else None)
        self.set_reactive(ReaderView.cursor, views.index(target) if target else 0)
        self._mark_cursor()

    def watch_highlight_entities(self, on: bool) -> None:
        for view in self.query_children(PassageView):
            view.highlight(on)

    def _mark_cursor(self) -> None:
        views = self.passage_views
        current = views[self.cursor] if 0 <= self.cursor < len(views) else None
        for view in self.query_children(PassageView):
            view.set_class(view is current, "-cursor")
        if current is not None:
            self.scroll_to_widget(current, animate=False)
