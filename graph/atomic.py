"""Atomic file writes: a reader sees the old file or the new one, never half.

>>> import tempfile, pathlib
>>> p = pathlib.Path(tempfile.mkdtemp()) / "sub" / "x.txt"
>>> write_atomic(p, "hei").read_text()
'hei'
"""
from __future__ import annotations

import os
import tempfile
from pathlib import Path

__all__ = ["write_atomic"]


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask


def write_atomic(path: str | Path, data: bytes | str) -> Path:
    """Write ``data`` to ``path`` via a temporary file and an atomic rename.

    An ``OSError`` names ``path`` (not the temporary file), also when the
    system gave no file name (a full disk while writing).
    """
    path = Path(path)
    try:
        return _write(path, data)
    except OSError as e:
        if e.filename is not None and Path(e.filename) in (path, *path.parents):
            raise
        raise OSError(e.errno, e.strerror or str(e), str(path)) from e


def _write(path: Path, data: bytes | str) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", dir=path.parent)
    try:
        with os.fdopen(fd, "wb") as f:
            f.write(data.encode("utf-8") if isinstance(data, str) else data)
        os.chmod(tmp, 0o666 & ~_umask())  # mkstemp makes 0600; give the file ordinary permissions
        os.replace(tmp, path)
    except BaseException:
        if os.path.exists(tmp):
            os.unlink(tmp)
        raise
    return path
