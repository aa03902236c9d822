"""Atomic file writes: a reader sees the old file or the new one, never a torn mix.

Everything newsprism keeps (cache, link feedback, config) is written through
:func:`write_atomic`, so a crash mid-write or two instances writing the same
file at once cannot leave it corrupt: the last complete write wins.
"""

from __future__ import annotations

import os
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

try:
    import fcntl
except ImportError:  # Windows: no advisory locks; writes stay atomic, the last one wins
    fcntl = None


def write_atomic(path: Path | str, data: str | bytes, encoding: str = "utf-8") -> None:
    """Replace ``path`` with ``data`` in one step, creating its folder if needed.

    The data goes to a temporary file in the same folder (so the rename stays
    on one file system), is flushed to disk, and is then renamed over ``path``.
    A new file is readable by its owner only; a replaced one keeps its mode.
    """
    path = Path(path)
    payload = data.encode(encoding) if isinstance(data, str) else data
    path.parent.mkdir(parents=True, exist_ok=True)
    descriptor, temporary = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    try:
        with os.fdopen(descriptor, "wb") as file:
            file.write(payload)
            file.flush()
            os.fsync(file.fileno())
            try:
                os.chmod(temporary, os.stat(path).st_mode & 0o7777)
            except FileNotFoundError:
                pass
        os.replace(temporary, path)
    except BaseException:
        try:
            os.unlink(temporary)
        except FileNotFoundError:
            pass
        raise
    _sync_folder(path.parent)


@contextmanager
def locked(path: Path | str) -> Iterator[None]:
    """Hold an exclusive advisory lock for ``path`` (on ``path`` + ".lock") while reading and rewriting it.

    Two instances updating the same file in turn then both keep their change.
    """
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    with open(path.with_name(path.name + ".lock"), "a") as lock:
        if fcntl is not None:
            fcntl.flock(lock.fileno(), fcntl.LOCK_EX)
        try:
            yield
        finally:
            if fcntl is not None:
                fcntl.flock(lock.fileno(), fcntl.LOCK_UN)


def _sync_folder(folder: Path) -> None:
    """Flush the rename to disk (POSIX); on systems that cannot open folders there is nothing to do."""
    try:
        descriptor = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(descriptor)
    except OSError:
        pass
    finally:
        os.close(descriptor)
