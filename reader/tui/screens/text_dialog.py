"""A modal dialog that shows one block of Content and closes on a key."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.containers import Vertical, VerticalScroll
from textual.content import Content
from textual.screen import ModalScreen
from textual.widgets import Static


class TextDialog(ModalScreen[None]):
    """Subclasses give ``body()`` and a binding to ``dismiss``; ``hint`` says how to close."""

    hint = "escape closes"

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog text-dialog"):
            yield Static(Content.styled(self.hint, "dim"), classes="dialog-hint")
            with VerticalScroll():
                yield Static(self.body(), classes="dialog-body")

    def body(self) -> Content:
        raise NotImplementedError
