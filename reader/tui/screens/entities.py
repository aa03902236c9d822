"""The story's entities by type, with a count per source; choosing one goes to its mentions."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.content import Content
from textual.screen import ModalScreen
from textual.widgets import OptionList, Static
from textual.widgets.option_list import Option

from reader.entities import EntityInfo
from reader.model import Article, article_id_of
from reader.tui.wording import plural, source_labels
from reader.tui.widgets.reader_view import ENTITY_CLASSES, entity_class

_LABEL_NAMES = {"PERSON": "People", "ORG": "Organisations", "PLACE": "Places", "DATE": "Dates"}


class EntityList(OptionList):
    """Entity names coloured by the same component classes as the reader."""

    COMPONENT_CLASSES = ENTITY_CLASSES


class EntitiesScreen(ModalScreen[str | None]):
    """Dismissed with the chosen entity key, or None."""

    BINDINGS = [Binding("escape,E,q", "dismiss(None)", "Close", id="entities.close")]

    def __init__(self, entities: dict[str, EntityInfo], articles: list[Article]) -> None:
        super().__init__()
        self.articles = articles
        ids = {a.id for a in articles}
        self.entities = [
            info for info in entities.values() if any(article_id_of(pid) in ids for pid, _ in info.mentions)
        ]

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog"):
            yield Static(Content(f"Entities of the story ({len(self.entities)})"), classes="dialog-title")
            yield EntityList(*self._options(), id="entity-list")
            yield Static(Content("enter: go to its first mention, then n / N for the next / previous · escape: close"),
                         classes="dialog-hint")

    def _options(self) -> list[Option]:
        sources = source_labels(self.articles)
        options: list[Option] = []
        order = list(_LABEL_NAMES) + sorted({i.label for i in self.entities} - set(_LABEL_NAMES))
        for label in order:
            group = sorted((i for i in self.entities if i.label == label), key=lambda i: (-len(i.mentions), i.name))
            if not group:
                continue
            options.append(Option(Content.styled(f"{_LABEL_NAMES.get(label, label.title())} ({len(group)})", "bold"),
                                  disabled=True))
            for info in group:
                counts = [f"{sources[a]} {n}" for a, n in info.count_by_article().items() if a in sources]
                prompt = Content.assemble(
                    Content.styled(info.name, "." + entity_class(info.label)),
                    (f"  {plural(len(info.mentions), 'mention')} · " + " · ".join(counts), "dim"),
                )
                options.append(Option(prompt, id=info.key))
        return options

    def on_mount(self) -> None:
        self.query_one(EntityList).focus()

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        self.dismiss(event.option.id)
