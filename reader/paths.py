"""Every place newsprism reads from or writes to, in one module.

newsprism never writes into article folders: what it keeps (cache, link
feedback) lives in the user directories platformdirs names for this platform.
"""

from __future__ import annotations

import os
from pathlib import Path

_PACKAGE = Path(__file__).resolve().parent


def bundled_articles() -> Path:
    """The folder of the story shipped with newsprism.

    An installed wheel carries ``articles/`` as ``reader/articles``; in a
    checkout it is ``articles/`` beside the package.
    """
    installed = _PACKAGE / "articles"
    return installed if installed.is_dir() else _PACKAGE.parent / "articles"


def user_data_dir() -> Path:
    """Where newsprism keeps what the user told it (link feedback).

    The platform's user data directory, or ``$NEWSPRISM_DATA_DIR`` when set.
    """
    if override := os.environ.get("NEWSPRISM_DATA_DIR"):
        return Path(override)
    from platformdirs import user_data_path

    return user_data_path("newsprism", appauthor=False)


def user_cache_dir() -> Path:
    """Where newsprism keeps what it can compute again (the analysis cache).

    The platform's user cache directory, or ``$NEWSPRISM_CACHE_DIR`` when set.
    """
    if override := os.environ.get("NEWSPRISM_CACHE_DIR"):
        return Path(override)
    from platformdirs import user_cache_path

    return user_cache_path("newsprism", appauthor=False)
