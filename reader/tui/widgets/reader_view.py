"""The reader: an article's title, then one row per passage (a gutter badge and the text), with a cursor."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, VerticalScroll
from textual.content import Content, Span
from textual.message import Message
from textual.reactive import reactive
from textual.widgets import Static

from reader.clean import REASONS
from reader.load import shown_path
from reader.model import Article, Entity, Kind, Passage
from reader.tui.wording import plural

ENTITY_LABELS = ("person", "org", "place", "date", "money", "percent", "quantity")
# Component classes that colour entities; declared on the reader so the stylesheet and themes set them.
ENTITY_CLASSES = {f"entity--{label}" for label in ENTITY_LABELS} | {"entity--other", "entity--current"}


def entity_class(label: str) -> str:
    """The component class that colours entities of ``label``."""
    label = label.lower()
    return f"entity--{label if label in ENTITY_LABELS else 'other'}"


def passage_content(passage: Passage, *, highlight: bool, current: Entity | None = None) -> Content:
    """The passage text as Content with a span per entity; list items get a bullet."""
    spans = []
    if highlight:
        spans = [Span(e.start, e.end, "." + entity_class(e.label)) for e in passage.entities]
    if current is not None:
        spans.append(Span(current.start, current.end, ".entity--current"))
    text = Content(passage.text, spans or None)
    if passage.kind is Kind.LIST_ITEM:
        return Content.assemble("• ", text)
    return text


def legend() -> Content:
    """A key to the entity colours, styled by the same component classes as the text."""
    names = {"person": "person", "org": "organisation", "place": "place", "date": "date"}
    parts: list[Content | str] = []
    for label, name in names.items():
        parts += [Content.styled(name, "." + entity_class(label)), "  "]
    return Content.assemble(*parts)


class PassageView(Static):
    """One passage of article text, rendered from Content (never parsed as markup)."""

    def __init__(self, passage: Passage, *, highlight: bool) -> None:
        super().__init__(classes="passage-text")
        self.passage = passage
        self._plain = passage_content(passage, highlight=False)
        self._coloured = passage_content(passage, highlight=True) if passage.entities else self._plain
        self.update(self._coloured if highlight else self._plain)

    def highlight(self, on: bool, current: Entity | None = None) -> None:
        """Show entity colours or plain text, with ``current`` marked if given."""
        if current is not None:
            self.update(passage_content(self.passage, highlight=on, current=current))
        else:
            self.update(self._coloured if on else self._plain)


class PassageRow(Horizontal):
    """A passage with its gutter badge: how many other sources report it, or that only this one does."""

    def __init__(self, passage: Passage, *, highlight: bool, others: int | None) -> None:
        classes = f"passage -{passage.kind.value}" + ("" if passage.kept else " -removed")
        super().__init__(classes=classes)
        self.passage = passage
        self.others = others
        self.text = PassageView(passage, highlight=highlight)
        if passage.boilerplate is not None:
            self.border_title = Content(f"removed: {passage.boilerplate}")
            self.border_subtitle = Content(REASONS.get(passage.boilerplate, ""))

    def compose(self) -> ComposeResult:
        yield Static(self.badge(), classes="gutter" + (" -only" if self.others == 0 else ""))
        yield self.text

    def badge(self) -> Content:
        if self.others is None:
            return Content("")
        if self.others == 0:
            return Content("only here")
        return Content(f"+{self.others} src")


class ArticleHeader(Static):
    """The article's title (or a derived one, visibly marked) and where it comes from."""

    def show(self, article: Article) -> None:
        title, derived = article.display_title
        heading = (
            Content.assemble(("no headline · ", "dim"), (title, "italic"))
            if derived
            else Content.styled(title, "bold")
        )
        details = [article.source or "unknown source", article.published or "undated", shown_path(article.path.name)]
        if article.removed_count:
            details.append(plural(article.removed_count, "passage") + " removed")
        self.update(Content.assemble(heading, "\n", (" · ".join(details), "dim"), "\n", legend()))


class ReaderView(VerticalScroll, can_focus=True):
    """Shows one article. Up/down move a cursor from passage to passage."""

    COMPONENT_CLASSES = ENTITY_CLASSES

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

    class Moved(Message):
        """The cursor moved to another passage."""

        def __init__(self, passage: Passage | None) -> None:
            super().__init__()
            self.passage = passage

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.article: Article | None = None
        self.current_entity: Entity | None = None  # the mention marked by entity navigation
        self._marked_row: PassageRow | None = None
        self._all_rows: list[PassageRow] = []  # the shown article's rows (old rows may still await removal)

    def show(self, article: Article, others: dict[str, int] | None = None, passage_id: str | None = None) -> None:
        """Show ``article`` with the cursor on ``passage_id``.

        ``others`` gives, per passage id, how many other sources report it (None before linking).
        Redrawing the shown article (after analysis) keeps the cursor where it was.
        """
        if passage_id is None and self.article is article and self.current_passage:
            passage_id = self.current_passage.id
        self.article = article
        self.current_entity = self._marked_row = None
        with self.app.batch_update():
            self.remove_children()
            header = ArticleHeader(classes="article-header")
            header.show(article)
            rows = [
                PassageRow(p, highlight=self.highlight_entities, others=None if others is None else others.get(p.id))
                for p in article.body
            ]
            self.mount(header, *rows)
            if rows and not any(r.passage.kept for r in rows):
                self.mount(Static(Content(f"All {plural(len(rows), 'passage')} of this article were removed as "
                                          "boilerplate: press b to show them."), classes="all-removed"))
        self._all_rows = rows
        self.move_to(passage_id)

    def move_to(self, passage_id: str | None) -> None:
        """Put the cursor on a passage (shown even if removed), or on the first one."""
        target = next((r for r in self._all_rows if r.passage.id == passage_id), None)
        if target is not None and not target.passage.kept:
            self.show_removed = True
        rows = self.rows
        index = rows.index(target) if target in rows else 0
        if self.cursor == index:
            self._mark_cursor()
        self.cursor = index
        if target is None:
            self.scroll_home(animate=False)

    @property
    def rows(self) -> list[PassageRow]:
        """The passages on screen (removed ones only while they are shown)."""
        return [r for r in self._all_rows if r.passage.kept or self.show_removed]

    @property
    def current_row(self) -> PassageRow | None:
        rows = self.rows
        return rows[self.cursor] if 0 <= self.cursor < len(rows) else None

    @property
    def current_passage(self) -> Passage | None:
        row = self.current_row
        return row.passage if row else None

    def mark_entity(self, entity: Entity | None) -> None:
        """Mark one mention in the current passage (entity navigation), or clear the mark."""
        if self._marked_row is not None:
            self._marked_row.text.highlight(self.highlight_entities)
        self.current_entity = entity
        row = self.current_row if entity is not None else None
        self._marked_row = row
        if row is not None:
            row.text.highlight(self.highlight_entities, entity)

    def action_cursor(self, step: int) -> None:
        self.cursor = max(0, min(self.cursor + step, len(self.rows) - 1))

    def action_cursor_to(self, index: int) -> None:
        count = len(self.rows)
        self.cursor = max(0, count + index if index < 0 else index)
        if self.cursor == 0:
            self.scroll_home(animate=False)

    def action_back(self) -> None:
        self.post_message(self.Back())

    def watch_cursor(self) -> None:
        self._mark_cursor()

    def watch_show_removed(self, show: bool) -> None:
        self.set_class(show, "-show-removed")
        every = list(self._all_rows)
        rows = self.rows
        # stay on the passage the cursor was on, or the nearest shown one after it
        at = next((i for i, r in enumerate(every) if r.has_class("-cursor")), 0)
        target = next((r for r in every[at:] if r in rows), None)
        target = target or (rows[-1] if rows else None)
        self.set_reactive(ReaderView.cursor, rows.index(target) if target else 0)
        self._mark_cursor()

    def watch_highlight_entities(self, on: bool) -> None:
        for row in self._all_rows:
            row.text.highlight(on)

    def _mark_cursor(self) -> None:
        current = self.current_row
        for row in self._all_rows:
            row.set_class(row is current, "-cursor")
        if self.current_entity is not None:
            self.mark_entity(None)
        if current is not None:  # new rows are laid out at the next refresh
            self.call_after_refresh(self.scroll_to_widget, current, animate=False)
        self.post_message(self.Moved(current.passage if current else None))
