"""The reader: an article's title, then one widget per passage, with a passage cursor."""

from __future__ import annotations

from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.content import Content
from textual.message import Message
from textual.reactive import reactive
from textual.widgets import Static

from reader.model import Article, Kind, Passage


class PassageView(Static):
    """One passage of article text, rendered from a Content object (never parsed as markup)."""

    def __init__(self, passage: Passage) -> None:
        super().__init__(passage_content(passage), classes=f"passage -{passage.kind.value}")
        self.passage = passage


def passage_content(passage: Passage) -> Content:
    """The passage text as Content; list items get a bullet."""
    text = Content(passage.text)
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
        details = " · ".join(
            part for part in (article.source or "unknown source", article.published or "undated", article.path.name)
        )
        self.update(Content.assemble(heading, "\n", (details, "dim")))


class ReaderView(VerticalScroll, can_focus=True):
    """Shows one article. Up/down move a cursor from passage to passage."""

    BINDINGS = [
        Binding("down,j", "cursor(1)", "Next passage", show=False, id="reader.down"),
        Binding("up,k", "cursor(-1)", "Previous passage", show=False, id="reader.up"),
        Binding("g,home", "cursor_to(0)", "Top", show=False, id="reader.top"),
        Binding("G,end", "cursor_to(-1)", "Bottom", show=False, id="reader.bottom"),
        Binding("left,escape", "back", "Back to list", show=False, id="reader.back"),
    ]

    cursor: reactive[int] = reactive(0, init=False)

    class Back(Message):
        """The user wants to return to the article list."""

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.article: Article | None = None

    def show(self, article: Article) -> None:
        """Replace the shown article (or redraw it after analysis), keeping the cursor on the same passage."""
        keep = self.current_passage.id if self.article is article and self.current_passage else None
        self.article = article
        with self.app.batch_update():
            self.remove_children()
            header = ArticleHeader(classes="article-header")
            header.show(article)
            views = [PassageView(p) for p in article.body]
            self.mount(header, *views)
        index = next((i for i, v in enumerate(views) if v.passage.id == keep), 0)
        self.set_reactive(ReaderView.cursor, index)
        self._mark_cursor()
        if keep is None:
            self.scroll_home(animate=False)

    @property
    def passage_views(self) -> list[PassageView]:
        return list(self.query_children(PassageView))

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

    def _mark_cursor(self) -> None:
        for i, view in enumerate(self.passage_views):
            view.set_class(i == self.cursor, "-cursor")
        views = self.passage_views
        if 0 <= self.cursor < len(views):
            self.scroll_to_widget(views[self.cursor], animate=False)
