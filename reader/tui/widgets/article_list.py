"""The list of open articles, grouped by story: source, date and title of each."""

from __future__ import annotations

from textual.binding import Binding
from textual.content import Content
from textual.geometry import Region
from textual.message import Message
from textual.strip import Strip
from textual.widgets import OptionList
from textual.widgets.option_list import Option

from reader.model import Article, Corpus


FIRST_OPTIONS = 200  # entries (articles, their separators, story headings) listed before the first frame


class ArticleList(OptionList):
    """Articles by story. Article text is untrusted: every prompt is a Content object."""

    _painted = False  # whether it has been drawn with articles in it
    _listing = 0  # how many times ``show`` was called: a listing's rest is added only if no other came since

    BINDINGS = [
        Binding("down,j", "cursor_down", "Next article", show=False, id="list.down"),
        Binding("up,k", "cursor_up", "Previous article", show=False, id="list.up"),
        Binding("g,home", "first", "First article", show=False, id="list.top"),
        Binding("G,end", "last", "Last article", show=False, id="list.bottom"),
        Binding("enter,right", "select", "Open the article", show=False, id="list.open"),
    ]

    class Painted(Message):
        """The list was drawn with articles in it for the first time."""

    class Opened(Message):
        """The user chose an article to read."""

        def __init__(self, article_id: str) -> None:
            super().__init__()
            self.article_id = article_id

    def render_lines(self, crop: Region) -> list[Strip]:
        if self.option_count and not self._painted:
            self._painted = True
            # Posted from the list's own queue, after this frame is on the screen (a message made while the
            # screen draws would count the screen as its sender and stop there, short of the app).
            self.call_later(lambda: self.post_message(self.Painted()))
        return super().render_lines(crop)

    def show(self, corpus: Corpus) -> None:
        """List the corpus's articles, keeping the highlighted article where it is.

        A first listing of many articles puts ``FIRST_OPTIONS`` on screen first and the rest right
        after that frame: the list measures every entry it holds, a thousand articles take a fifth
        of a second, and the first screenful is what the user waits for.
        """
        highlighted = self.highlighted_article_id
        options: list[Option | None] = []
        stories: dict[str | None, list[Article]] = {}
        for article in corpus.articles:
            stories.setdefault(article.story, []).append(article)
        for story, articles in stories.items():
            if story is not None and len(stories) > 1:
                options.append(Option(_story_heading(story, articles), disabled=True))
            for article in articles:
                options.extend((Option(_prompt(article), id=article.id), None))
        first = options if highlighted is not None else options[:FIRST_OPTIONS]
        self._listing += 1
        self.set_options(first)
        if len(first) < len(options):
            self.call_after_refresh(self._add_rest, self._listing, options[len(first):])
        if highlighted is not None:
            self.highlighted = self.get_option_index(highlighted)
        elif corpus.articles:
            self.highlighted = self.get_option_index(corpus.articles[0].id)

    def _add_rest(self, listing: int, rest: list[Option | None]) -> None:
        if listing == self._listing:
            self.add_options(rest)

    def highlight_article(self, article_id: str) -> None:
        self.highlighted = self.get_option_index(article_id)

    @property
    def highlighted_article_id(self) -> str | None:
        if self.highlighted is None:
            return None
        return self.get_option_at_index(self.highlighted).id

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        if event.option.id is not None:
            self.post_message(self.Opened(event.option.id))


def _story_heading(story: str, articles: list[Article]) -> Content:
    return Content.styled(f"{story} · {len(articles)} articles", "bold")


def _prompt(article: Article) -> Content:
    title, derived = article.display_title
    heading = Content.styled(f"≈ {title}", "italic") if derived else Content.styled(title, "bold")
    details = [article.source or "unknown source", article.published or "undated"]
    if article.removed_count:
        details.append(f"{article.removed_count} removed")
    return Content.assemble(heading, "\n", (" · ".join(details), "dim"))
