"""The help screen: every key binding of the app, the list and the reader, with what it does."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import VerticalScroll
from textual.content import Content
from textual.screen import ModalScreen
from textual.widgets import Static


class HelpScreen(ModalScreen[None]):
    BINDINGS = [Binding("escape,q,question_mark", "dismiss", "Close help", id="help.close")]

    def __init__(self, sections: list[tuple[str, list[BindingType]]]) -> None:
        super().__init__()
        self.sections = sections

    def compose(self) -> ComposeResult:
        with VerticalScroll(classes="dialog"):
            yield Static(self._table(), id="help-table")
            yield Static(Content.styled("escape, q or ? closes this help", "dim"))

    def _table(self) -> Content:
        lines: list[Content] = []
        for title, bindings in self.sections:
            lines.append(Content.styled(title, "bold underline"))
            for binding in bindings:
                if not isinstance(binding, Binding) or not binding.description:
                    continue
                keys = ", ".join(self.app.get_key_display(Binding(key, "")) for key in binding.key.split(","))
                lines.append(Content.assemble((f"  {keys:<22}", "bold"), binding.description))
            lines.append(Content(""))
        return Content("\n").join(lines)
