"""newsprism: a source-annotated news reader for the terminal.

The package root is the headless analysis core; the Textual interface lives in
``reader.tui`` and is the only part that imports textual.
"""

__version__ = "0.1.0"
