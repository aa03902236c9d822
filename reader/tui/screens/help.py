"""The help screen: every key binding of the app, its panes and its dialogs, with what it does."""

from __future__ import annotations

from textual.binding import Binding, BindingType
from textual.content import Content

from reader.tui.screens.text_dialog import TextDialog

Section = tuple[str, list[BindingType], str]  # title, bindings, a note on keys handled by a widget


class HelpScreen(TextDialog):
    BINDINGS = [Binding("escape,q,question_mark", "dismiss", "Close help", id="help.close")]
    hint = "escape, q or ? closes this help"

    def __init__(self, sections: list[Section]) -> None:
        super().__init__()
        self.sections = sections

    def body(self) -> Content:
        lines: list[Content] = []
        for title, bindings, note in self.sections:
            lines.append(Content.styled(title, "bold underline"))
            for binding in bindings:
                if not isinstance(binding, Binding) or not binding.description:
                    continue
                keys = ", ".join(self.app.get_key_display(Binding(key, "")) for key in binding.key.split(","))
                lines.append(Content.assemble((f"  {keys:<16}", "bold"), binding.tooltip or binding.description))
            if note:
                lines.append(Content.styled(f"  {note}", "italic"))
            lines.append(Content(""))
        return Content("\n").join(lines)
