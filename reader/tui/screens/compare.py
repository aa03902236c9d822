"""Compare: the current passage beside every passage of other sources linked to it, with the reasons."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.content import Content
from textual.screen import ModalScreen
from textual.widgets import OptionList, Static
from textual.widgets.option_list import Option

from reader.feedback import Verdict
from reader.links import record_verdict
from reader.model import Article, Corpus, Link, Passage, article_id_of
from reader.tui.wording import plural


def source_line(article: Article) -> str:
    """Who published an article and when, for headings."""
    title, _derived = article.display_title
    return f"{article.source or 'unknown source'} · {article.published or 'undated'} · {title}"


class CompareScreen(ModalScreen[str | None]):
    """Dismissed with the id of the passage to jump to, or None."""

    BINDINGS = [
        Binding("escape,c,q", "dismiss(None)", "Close", id="compare.close"),
        Binding("y", "verdict('confirmed')", "Confirm link", id="compare.confirm"),
        Binding("x", "verdict('rejected')", "Reject link", id="compare.reject"),
    ]

    def __init__(self, corpus: Corpus, article: Article, passage: Passage) -> None:
        super().__init__()
        self.corpus = corpus
        self.article = article
        self.passage = passage
        self.links: list[Link] = sorted(passage.links, key=lambda link: -link.score)
        self.verdicts: dict[str, Verdict] = {}

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog"):
            sources = {article_id_of(link.to) for link in self.links}
            title = f"{plural(len(self.links), 'passage')} in {plural(len(sources), 'other source')} report this"
            yield Static(Content(title), classes="dialog-title")
            with Horizontal(id="compare-panes"):
                with VerticalScroll(id="compare-current"):
                    yield Static(Content.styled(source_line(self.article), "bold"))
                    yield Static(Content(self.passage.text))
                yield OptionList(*self._options(), id="compare-links")
            yield Static(Content("enter: go there · y: confirm link · x: reject link · escape: close"),
                         classes="dialog-hint")

    def on_mount(self) -> None:
        self.query_one(OptionList).focus()

    def _options(self) -> list[Option | None]:
        if not self.links:
            return [Option(Content("No other source reports this passage."), disabled=True)]
        options: list[Option | None] = []
        for link in self.links:
            located = self.corpus.locate(link.to)
            if located is None:
                continue
            article, passage = located
            verdict = self.verdicts.get(link.to)
            mark = {Verdict.CONFIRMED: " · confirmed by you", Verdict.REJECTED: " · rejected by you"}.get(verdict, "")
            prompt = Content.assemble(
                (f"{source_line(article)}{mark}", "bold"), "\n",
                (f"score {link.score:.2f} · " + "; ".join(link.why), "dim"), "\n",
                passage.text,
            )
            options += [Option(prompt, id=link.to), None]
        return options

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        self.dismiss(event.option.id)

    def action_verdict(self, verdict: str) -> None:
        options = self.query_one(OptionList)
        if options.highlighted is None or not self.links:
            return
        other = options.get_option_at_index(options.highlighted).id
        if other is None:
            return
        try:
            record_verdict(self.corpus, self.passage.id, other, Verdict(verdict))
        except OSError as error:
            self.notify(f"Could not save your verdict: {error}", severity="error", markup=False)
            return
        self.verdicts[other] = Verdict(verdict)
        highlighted = options.highlighted
        options.set_options(self._options())
        options.highlighted = highlighted
        self.notify(f"Link {verdict}; kept for next time", markup=False)
