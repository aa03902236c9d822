"""Every place newsprism reads from or writes to, in one module.

newsprism never writes into article folders: what it keeps (cache, link
feedback) lives in the user directories platformdirs names for this platform.
"""

from __future__ import annotations

from importlib.resources import files
from pathlib import Path


def bundled_articles() -> Path:
    """The folder of the story shipped with newsprism (package data in a wheel, ``articles/`` in a checkout)."""
    try:
        packaged = Path(str(files("reader.articles")))
    except ModuleNotFoundError:
        packaged = None
    if packaged is not None and packaged.is_dir():
        return packaged
    return Path(__file__).resolve().parent.parent / "articles"
