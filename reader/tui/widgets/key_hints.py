"""The footer: the keys the app offers here, as Textual's Footer shows them."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.screen import Screen
from textual.widgets import Footer


class KeyHints(Footer):
    """Textual's Footer, built again only when the keys it shows change.

    The Footer mounts a widget per key whenever the focus moves (the bindings "changed"), though the
    keys it shows are the app's and stay the same: that was most of the time it took to open an
    article from the list.
    """

    _shown: tuple | None = None  # the keys the footer was last built with

    def compose(self) -> ComposeResult:
        built = False
        for widget in super().compose():
            built = True
            yield widget
        if built:
            self._shown = self._keys_to_show(self.screen)

    def bindings_changed(self, screen: Screen) -> None:
        if self._shown is None or self._keys_to_show(screen) != self._shown:
            super().bindings_changed(screen)

    def _keys_to_show(self, screen: Screen) -> tuple:
        """What the footer's keys are made from: the shown bindings and the command palette's."""
        return tuple(
            (key, binding.action, binding.description, binding.group, enabled, tooltip)
            for key, (_node, binding, enabled, tooltip) in screen.active_bindings.items()
            if binding.show or key == self.app.COMMAND_PALETTE_BINDING
        )
