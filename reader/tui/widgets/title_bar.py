"""The top line of the app: its title and sub-title, as Textual's Header shows them."""

from __future__ import annotations

from textual.widgets import Static


class TitleBar(Static):
    """The app's title and sub-title (its version, or what it is doing), kept up to date.

    One widget where Textual's Header mounts four: it is drawn before the article list can be, so its
    cost is part of every start.
    """

    def on_mount(self) -> None:
        self.watch(self.app, "title", self._show_title)
        self.watch(self.app, "sub_title", self._show_title)

    def _show_title(self) -> None:
        self.update(self.app.format_title(self.app.title, self.app.sub_title))
