"""The Textual interface on top of the headless core in ``reader``."""
