"""Operating-system errors as one line: the path, what went wrong, what to do.

>>> import errno
>>> describe_os_error(OSError(errno.ENOSPC, "No space left on device", "out/graph.ttl"))
'out/graph.ttl: no space left on the device; free some space or choose another --out folder'
>>> describe_os_error(PermissionError(errno.EACCES, "Permission denied", "out"))
'out: permission denied; choose an --out folder you can write to, or change its permissions'
"""
from __future__ import annotations

import errno
import os

__all__ = ["describe_os_error"]

#: errno -> (what happened, what to do)
_ADVICE = {
    errno.EACCES: ("permission denied", "choose an --out folder you can write to, or change its permissions"),
    errno.EPERM: ("operation not permitted", "choose another path, or change its permissions"),
    errno.EROFS: ("the file system is read-only", "choose an --out folder on a writable disk"),
    errno.ENOSPC: ("no space left on the device", "free some space or choose another --out folder"),
    errno.EDQUOT: ("disk quota exceeded", "free some space or choose another --out folder"),
    errno.ENOENT: ("no such file or folder", "check the path"),
    errno.ENOTDIR: ("a part of the path is a file, not a folder", "choose another path"),
    errno.EISDIR: ("is a folder, not a file", "give a file name"),
    errno.EEXIST: ("already exists", "remove it or choose another path"),
    errno.ENAMETOOLONG: ("the name is too long", "choose a shorter path"),
    errno.EPIPE: ("the output was closed before everything was written", ""),
    errno.EMFILE: ("too many open files", "raise the limit (ulimit -n) and try again"),
}


def describe_os_error(e: OSError) -> str:
    """One line naming the path(s) of ``e``, the problem and the remedy."""
    what, todo = _ADVICE.get(e.errno, (e.strerror or str(e), ""))
    paths = [os.fsdecode(p) for p in (e.filename, e.filename2) if p is not None]
    where = " -> ".join(paths) if paths else "a file operation"
    line = f"{where}: {what}".replace("\n", " ")
    return f"{line}; {todo}" if todo else line
