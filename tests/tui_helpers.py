"""Helpers for driving the app in tests."""

from __future__ import annotations

from textual.app import App


def screen_text(app: App) -> str:
    """The characters on the terminal screen, line by line, as a user sees them."""
    return "\n".join(strip.text for strip in app.screen._compositor.render_strips())
