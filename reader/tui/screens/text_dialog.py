"""A modal dialog that shows one block of Content and closes on a key."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.containers import VerticalScroll
from textual.content import Content
from textual.screen import ModalScreen
from textual.widgets import Static


class TextDialog(ModalScreen[None]):
    """Subclasses give ``body()`` and a binding to ``dismiss``; ``hint`` says how to close."""

    hint = "escape closes"

    def compose(self) -> ComposeResult:
        with VerticalScroll(classes="dialog"):
            yield Static(self.body(), classes="dialog-body")
            yield Static(Content.styled(self.hint, "dim"))

    def body(self) -> Content:
        raise NotImplementedError
