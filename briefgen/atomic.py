"""Atomic file writes: a reader sees the old files or the new ones, never half."""

from __future__ import annotations

import errno
import os
import shutil
import tempfile
from pathlib import Path


def write_bytes(path: Path, data: bytes) -> None:
    """Write ``data`` to a temporary file beside ``path`` and rename it into place."""
    write_all({path: data})


def write_all(files: dict[Path, bytes]) -> None:
    """Replace every file or none: all are written and synced as temporary
    files first, then renamed into place, since a rename needs no space and
    a full disk or a fault while writing must leave the old set whole."""
    staged: list[tuple[str, Path]] = []
    try:
        for path, data in files.items():
            staged.append((_stage(path, data), path))
    except BaseException:
        for tmp, _path in staged:
            Path(tmp).unlink(missing_ok=True)
        raise
    # Each old file is kept under a second name (a hard link: the file itself
    # never leaves its place, so a kill at any moment leaves old or new) until
    # every new one is in; a file that cannot be replaced (immutable, a
    # folder in the way) puts every replaced one back.
    kept: list[tuple[Path, str | None]] = []  # replaced files and their old contents' second name
    pending: str | None = None
    try:
        for tmp, path in staged:
            pending = _keep(path)
            os.replace(tmp, path)
            kept.append((path, pending))
            pending = None
    except BaseException:
        for path, old in reversed(kept):
            if old is not None:
                os.replace(old, path)
            else:
                path.unlink(missing_ok=True)  # new, and there was none before
        for leftover in [tmp for tmp, _path in staged] + ([pending] if pending else []):
            Path(leftover).unlink(missing_ok=True)
        raise
    for _path, old in kept:
        if old is not None:
            Path(old).unlink(missing_ok=True)


def _keep(path: Path) -> str | None:
    """A second name for the current ``path`` (None when there is none)."""
    if not path.exists():
        return None
    old = tempfile.mktemp(prefix=f".{path.name}.", suffix=".old.tmp", dir=path.parent)  # noqa: S306 - linked, not opened
    try:
        os.link(path, old)
    except OSError as err:
        if err.errno in (errno.EPERM, errno.EACCES):
            raise  # an immutable or protected file: it cannot be replaced either
        shutil.copy2(path, old)  # a file system without hard links
    return old


def _stage(path: Path, data: bytes) -> str:
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        # mkstemp creates 0600; outputs are shared files, so honour the umask instead.
        umask = os.umask(0)
        os.umask(umask)
        os.chmod(tmp, 0o666 & ~umask)
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
    return tmp
