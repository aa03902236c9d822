"""The reader: an article's header, then its passages, each with a gutter badge, and a passage cursor.

One widget draws the whole article through Textual's line API. It lays the article out once per width
and per "show removed" setting (each passage's height, from wrapping its plain text) and renders only
the lines on screen; each passage's lines are kept until its look changes (cursor, jump mark, colours,
marked mention, badge). Opening an article, or jumping into one, mounts nothing, so it costs the same
for ten passages or eight hundred.
"""

from __future__ import annotations

from bisect import bisect_right
from dataclasses import dataclass

from rich.cells import cell_len
from rich.segment import Segment
from textual import events
from textual.binding import Binding
from textual.cache import LRUCache
from textual.content import Content, Span
from textual.geometry import Region, Size
from textual.message import Message
from textual.reactive import reactive
from textual.scroll_view import ScrollView
from textual.strip import Strip
from textual.style import Style as VisualStyle
from textual.timer import Timer

from reader.model import Article, Entity, Kind, Passage
from reader.tui.wording import plural

ENTITY_LABELS = ("person", "org", "place", "date", "money", "percent", "quantity")
# Component classes that colour entities; declared on the reader so the stylesheet and themes set them.
ENTITY_CLASSES = {f"entity--{label}" for label in ENTITY_LABELS} | {"entity--other", "entity--current"}
# Component classes for the rest of what the reader draws (see newsprism.tcss).
PART_CLASSES = {
    "reader--gutter", "reader--gutter-only", "reader--cursor", "reader--cursor-bar", "reader--jumped",
    "reader--heading", "reader--quote", "reader--quote-bar", "reader--removed", "reader--frame",
    "reader--frame-title", "reader--rule", "reader--note",
}

GUTTER = 11  # cells left of a passage: its badge, right-aligned, and a space
TEXT_INSET = GUTTER + 2  # the gutter, then a bar (the cursor's, or a quote's) and a space
HEADER_INSET = 12  # the header's left margin
FRAME = ("┏", "╍", "┓", "╏", "┗", "┛")  # the dashed frame round a removed passage shown in place
JUMP_MARK_SECONDS = 1.0  # how long a passage reached by a jump stays marked


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


def header_content(article: Article) -> Content:
    """The article's title (or a derived one, visibly marked), where it comes from, and the colour legend."""
    from reader.load import shown_path  # imported by the loading worker by now, and kept off the start

    title, derived = article.display_title
    heading = (Content.assemble(("no headline · ", "dim"), (title, "italic")) if derived
               else Content.styled(title, "bold"))
    details = [article.source or "unknown source", article.published or "undated", shown_path(article.path.name)]
    if article.removed_count:
        details.append(plural(article.removed_count, "passage") + " removed")
    return Content.assemble(heading, "\n", (" · ".join(details), "dim"), "\n", legend())


@dataclass(eq=False, slots=True)
class PassageRow:
    """One passage as the reader shows it, with ``others``: how many other sources report it (None before
    linking, and for passages that are never linked)."""

    passage: Passage
    others: int | None

    def badge(self) -> Content:
        """The gutter badge: "+N src", "only here", or nothing."""
        if self.others is None:
            return Content("")
        if self.others == 0:
            return Content("only here")
        return Content(f"+{self.others} src")


_HEADER, _NOTE = "header", "note"  # the blocks of the layout that are not passages


class ReaderView(ScrollView, can_focus=True):
    """Shows one article. Up/down move a cursor from passage to passage."""

    COMPONENT_CLASSES = ENTITY_CLASSES | PART_CLASSES
    ALLOW_SELECT = False  # Textual's mouse selection needs text offsets that these drawn lines do not carry

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
        self.current_entity: Entity | None = None  # the mention marked by entity navigation
        self._all_rows: list[PassageRow] = []  # every passage of the body, removed ones included
        self._rows: list[PassageRow] = []  # the rows shown: kept ones, and removed ones while shown
        self._jumped: PassageRow | None = None  # the row a jump landed on, marked for a moment
        self._jump_timer: Timer | None = None
        # The layout for one width: each block (header, row, note) and the line it starts on.
        self._layout_width: int | None = None  # None: to be laid out again
        self._tops: list[int] = []
        self._blocks: list[PassageRow | str] = []
        self._row_tops: dict[int, int] = {}  # id(row) -> its first line
        self._height = 0
        self._line_counts: LRUCache[tuple[str, int], int] = LRUCache(maxsize=65536)  # (passage id, width) -> lines
        self._strips: LRUCache[tuple, list[Strip]] = LRUCache(maxsize=2048)  # a block's drawn lines, by its look
        self._class_styles: dict[str, VisualStyle] = {}  # component class -> its style (see _component_style)

    # -- what is shown ----------------------------------------------------------------------

    def show(self, article: Article, others: dict[str, int] | None = None, passage_id: str | None = None) -> None:
        """Show ``article`` with the cursor on ``passage_id``.

        ``others`` gives, per passage id, how many other sources report it (None before linking).
        Redrawing the shown article (after analysis) keeps the cursor on its passage, or on the nearest
        shown one after it if the analysis removed it.
        """
        was_on = self.current_row if self.article is article else None
        self.article = article
        self.current_entity = self._jumped = None
        self._all_rows = [PassageRow(p, None if others is None else others.get(p.id)) for p in article.body]
        self._strips.clear()  # the analysis may have given the passages entities and verdicts since
        self._update_rows()
        if passage_id is None and was_on is not None:
            at = self._shown_from(was_on.passage.id)
            passage_id = at.passage.id if at else None
        self.move_to(passage_id)

    def _shown_from(self, passage_id: str) -> PassageRow | None:
        """The shown row of a passage, or the nearest shown one after it, else the last shown row."""
        ids = [r.passage.id for r in self._all_rows]
        start = ids.index(passage_id) if passage_id in ids else 0
        shown = set(map(id, self._rows))
        return next((r for r in self._all_rows[start:] if id(r) in shown), self._rows[-1] if self._rows else None)

    def _update_rows(self) -> None:
        """Choose the rows to show and ask for a new layout."""
        self._rows = [r for r in self._all_rows if r.passage.kept or self.show_removed]
        self._layout_width = None
        self.refresh()

    def move_to(self, passage_id: str | None) -> None:
        """Put the cursor on a passage (shown even if removed), or on the first one."""
        target = next((r for r in self._all_rows if r.passage.id == passage_id), None)
        if target is not None and not target.passage.kept:
            self.show_removed = True
        rows = self._rows
        index = rows.index(target) if target in rows else 0
        if self.cursor == index:
            self._mark_cursor()
        self.cursor = index
        if target is None:
            self.scroll_home(animate=False, immediate=True)

    @property
    def rows(self) -> list[PassageRow]:
        """The passages on screen (removed ones only while they are shown), in order."""
        return list(self._rows)

    @property
    def current_row(self) -> PassageRow | None:
        return self._rows[self.cursor] if 0 <= self.cursor < len(self._rows) else None

    @property
    def current_passage(self) -> Passage | None:
        row = self.current_row
        return row.passage if row else None

    def content_of(self, row: PassageRow) -> Content:
        """The passage text of ``row`` as drawn: entity colours if on, and the marked mention on the cursor's row."""
        current = self.current_entity if row is self.current_row else None
        return passage_content(row.passage, highlight=self.highlight_entities, current=current)

    def mark_entity(self, entity: Entity | None) -> None:
        """Mark one mention in the current passage (entity navigation), or clear the mark."""
        self.current_entity = entity
        self.refresh()

    def mark_jump(self) -> None:
        """Mark the cursor's passage for a moment: the one a jump landed on."""
        self._jumped = row = self.current_row
        if self._jump_timer is not None:
            self._jump_timer.stop()
        self._jump_timer = self.set_timer(JUMP_MARK_SECONDS, lambda: self._end_jump_mark(row))
        self.refresh()

    def _end_jump_mark(self, row: PassageRow | None) -> None:
        if self._jumped is row:
            self._jumped = None
            self.refresh()

    # -- keys and reactive state ---------------------------------------------------------------

    def action_cursor(self, step: int) -> None:
        self.cursor = max(0, min(self.cursor + step, len(self._rows) - 1))

    def action_cursor_to(self, index: int) -> None:
        count = len(self._rows)
        self.cursor = max(0, count + index if index < 0 else index)
        if self.cursor == 0:
            self.scroll_home(animate=False, immediate=True)

    def action_back(self) -> None:
        self.post_message(self.Back())

    def watch_cursor(self) -> None:
        self._mark_cursor()

    def watch_show_removed(self) -> None:
        at = self.current_passage
        self._update_rows()
        # stay on the passage the cursor was on, or the nearest shown one after it
        target = self._shown_from(at.id) if at else None
        self.set_reactive(ReaderView.cursor, self._rows.index(target) if target else 0)
        self._mark_cursor()

    def watch_highlight_entities(self) -> None:
        self.refresh()

    def _mark_cursor(self) -> None:
        self.current_entity = None
        self.refresh()
        self._scroll_to_cursor()

    def _scroll_to_cursor(self) -> None:
        """Scroll the cursor's passage into view (once the reader has a width to lay it out at)."""
        row = self.current_row
        if row is None or not self._lay_out():
            return
        top = self._row_tops[id(row)]
        height = self._block_height(row)
        self.scroll_to_region(Region(0, top, self._layout_width or 0, max(1, height - 1)),
                              animate=False, force=True, immediate=True)

    def on_resize(self, event: events.Resize) -> None:
        self._scroll_to_cursor()

    def notify_style_update(self) -> None:
        super().notify_style_update()
        self._class_styles.clear()  # the theme or the stylesheet changed: every colour is drawn again
        self._strips.clear()

    # -- layout ------------------------------------------------------------------------------------

    def _lay_out(self) -> bool:
        """Lay the article out at the reader's width if not yet done; False while the reader has no width."""
        width = self.scrollable_content_region.width
        if width <= 0:
            return False
        if self._layout_width == width:
            return True
        self._layout_width = width
        blocks: list[PassageRow | str] = []
        if self.article is not None:
            blocks = [_HEADER, *self._rows]
            if self._all_rows and not any(r.passage.kept for r in self._all_rows):
                blocks.append(_NOTE)
        tops, row_tops, y = [], {}, 0
        for block in blocks:
            tops.append(y)
            if isinstance(block, PassageRow):
                row_tops[id(block)] = y
            y += self._block_height(block)
        self._blocks, self._tops, self._row_tops, self._height = blocks, tops, row_tops, y
        self.virtual_size = Size(width, y)
        return True

    def _block_height(self, block: PassageRow | str) -> int:
        """Lines a block takes at the laid-out width, the blank line after it included."""
        width = self._layout_width or 0
        if block == _HEADER:
            return len(header_content(self.article).wrap(_at_least_one(width - HEADER_INSET - 1))) + 2
        if block == _NOTE:
            return len(self._note().wrap(_at_least_one(width - GUTTER))) + 1
        framed = not block.passage.kept
        return self._text_lines(block.passage, _text_width(width, framed)) + (3 if framed else 1)

    def _text_lines(self, passage: Passage, width: int) -> int:
        key = (passage.id, width)
        count = self._line_counts.get(key)
        if count is None:
            count = self._line_counts[key] = len(passage_content(passage, highlight=False).wrap(width))
        return count

    def _note(self) -> Content:
        count = len(self._all_rows)
        return Content(f"All {plural(count, 'passage')} of this article were removed as boilerplate: "
                       "press b to show them.")

    # -- drawing -------------------------------------------------------------------------------------

    def render_lines(self, crop: Region) -> list[Strip]:
        self._lay_out()
        return super().render_lines(crop)

    def render_line(self, y: int) -> Strip:
        line = self.scroll_offset.y + y
        width = self.scrollable_content_region.width
        index = bisect_right(self._tops, line) - 1
        if index < 0 or line >= self._height or width != self._layout_width:
            return Strip.blank(width, self.visual_style.rich_style)
        strips = self._block_strips(self._blocks[index], width)
        offset = line - self._tops[index]
        return strips[offset] if offset < len(strips) else Strip.blank(width, self.visual_style.rich_style)

    def _block_strips(self, block: PassageRow | str, width: int) -> list[Strip]:
        """A block's lines at ``width``, from the cache when its look is unchanged."""
        if isinstance(block, PassageRow):
            current = block is self.current_row
            key = (block.passage.id, width, block.passage.kept, block.others, current, block is self._jumped,
                   self.highlight_entities, self.current_entity if current else None)
        else:
            key = (block, width, self.article.id if self.article else None)
        strips = self._strips.get(key)
        if strips is None:
            if block == _HEADER:
                strips = self._header_strips(width)
            elif block == _NOTE:
                note = self._look("reader--note")
                strips = [self._strip([(" " * GUTTER, note), (line, note)], width)
                          for line in self._note().wrap(_at_least_one(width - GUTTER))]
            else:
                strips = self._row_strips(block, width)
            blank = Strip.blank(width, self.visual_style.rich_style)
            strips = self._strips[key] = strips + [blank] * (self._block_height(block) - len(strips))
        return strips

    def _look(self, *names: str) -> VisualStyle:
        """The reader's style with its component classes ``names`` laid over it, in order."""
        style = self.visual_style
        for name in names:
            style = style + self._component_style(name)
        return style

    def _parse_style(self, style: str | VisualStyle) -> VisualStyle:
        """A style a span of Content names: a component class of the reader (".entity--org") or a plain one."""
        if isinstance(style, VisualStyle):
            return style
        return self._component_style(style[1:]) if style.startswith(".") else VisualStyle.parse(style)

    def _component_style(self, name: str) -> VisualStyle:
        """What a component class sets, reverse video included (``get_visual_style`` leaves it out, and the
        marked mention is drawn reversed)."""
        style = self._class_styles.get(name)
        if style is None:
            style = self.get_visual_style(name, partial=True)
            if self.get_component_styles(name).text_style.reverse:
                style = style + VisualStyle(reverse=True)
            self._class_styles[name] = style
        return style

    def _strip(self, parts: list[tuple[Content | str, VisualStyle]], width: int) -> Strip:
        """One line from its parts, each drawn in its style (a Content's spans over it), cut or padded to ``width``."""
        segments = []
        for part, style in parts:
            if isinstance(part, Content):
                segments += [Segment(text, span_style.rich_style)
                             for text, span_style in part.render(style, end="", parse_style=self._parse_style)]
            elif part:
                segments.append(Segment(part, style.rich_style))
        return Strip(segments).adjust_cell_length(width, self.visual_style.rich_style)

    def _header_strips(self, width: int) -> list[Strip]:
        assert self.article is not None
        base = self.visual_style
        lines = header_content(self.article).wrap(_at_least_one(width - HEADER_INSET - 1))
        return [self._strip([(" " * HEADER_INSET, base), (line, base)], width) for line in lines] + [
            self._strip([("─" * width, self._look("reader--rule"))], width)]

    def _row_strips(self, row: PassageRow, width: int) -> list[Strip]:
        """A passage's lines: the badge in the gutter, a bar, the wrapped text; framed with its reason if removed."""
        passage = row.passage
        framed = not passage.kept
        text_width = _text_width(width, framed)
        looks = []  # the text's component classes, weakest first
        if passage.kind is Kind.HEADING:
            looks.append("reader--heading")
        elif passage.kind is Kind.QUOTE:
            looks.append("reader--quote")
        if framed:
            looks.append("reader--removed")
        if row is self.current_row:
            looks.append("reader--cursor")
        if row is self._jumped:
            looks.append("reader--jumped")
        area = self._look(*looks)
        if row is self.current_row:
            bar = ("▌", self._look(*looks, "reader--cursor-bar"))
        elif passage.kind is Kind.QUOTE:
            bar = ("│", self._look(*looks, "reader--quote-bar"))
        else:
            bar = (" ", area)
        gutter = self._look("reader--gutter-only" if row.others == 0 else "reader--gutter")
        frame = self._look("reader--frame")
        strips = []
        for n, text in enumerate(self.content_of(row).wrap(text_width)):
            badge = row.badge().plain if n == 0 else ""
            parts = [(f"{badge:>{GUTTER - 1}} ", gutter), bar, (" ", area), (text, area),
                     (" " * (text_width - text.cell_length + 1), area)]
            strips.append(self._strip([(FRAME[3], frame), *parts, (FRAME[3], frame)] if framed else parts, width))
        if not framed:
            return strips
        from reader.clean import REASONS  # removed passages exist only once the analysis has imported it

        labels = self._look("reader--frame-title")
        top = _frame_edge(f" removed: {passage.boilerplate} ", width, left=True)
        bottom = _frame_edge(f" {REASONS.get(passage.boilerplate or '', '')} ", width, left=False)
        return [self._strip([(part, labels if n == 2 else frame) for n, part in enumerate(top)], width), *strips,
                self._strip([(part, labels if n == 2 else frame) for n, part in enumerate(bottom)], width)]


def _frame_edge(label: str, width: int, *, left: bool) -> tuple[str, str, str, str, str]:
    """The top (``left``: label on the left) or bottom edge of a removed passage's frame: corner, dashes,
    the label, dashes, corner."""
    label = Content(label).truncate(max(0, width - 4), ellipsis=True).plain
    fill = FRAME[1] * max(0, width - 3 - cell_len(label))
    if left:
        return FRAME[0], FRAME[1], label, fill, FRAME[2]
    return FRAME[4], fill, label, FRAME[1], FRAME[5]


def _text_width(width: int, framed: bool) -> int:
    """The width passage text wraps at in a reader ``width`` cells wide (a frame takes a cell each side)."""
    return _at_least_one(width - TEXT_INSET - 1 - (2 if framed else 0))


def _at_least_one(width: int) -> int:
    return max(1, width)
