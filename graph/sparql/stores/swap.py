"""Replace an on-disk Oxigraph store whole: load beside, then swap a symlink.

``oxigraph:DIR`` on disk is a relative symlink to one version folder::

    DIR -> DIR.versions/20250101T120000-4242-x1y2  (the live store)
    DIR.versions/20241231T090000-4100-a3b4  (the previous one, kept)
    DIR.versions/.lock                      (one build at a time)

A build loads the new graph into a fresh version folder that nobody else
sees, then points ``DIR`` at it by renaming a prepared symlink over ``DIR``
(``rename`` is atomic). A ``kill -9`` at any moment therefore leaves ``DIR``
pointing at the old store or the new one, each whole; a version folder a
killed build left half-written is never pointed at and is removed by the next
build. Versions are never written after the swap, so readers open them
read-only (:meth:`OxigraphStore.read_only <OxigraphStore>`), any number at
once, and a reader that resolved ``DIR`` before a swap keeps its folder: the
previous version is kept, and so is any version another process holds open
for writing (e.g. ``oxigraph serve --location DIR``, which keeps serving the
version it opened until restarted).

Why a symlink rather than renaming folders or a pointer file: renaming
``DIR`` away and the new folder in is two steps with no store in between;
a pointer file inside ``DIR`` would hide the store from tools that open
``DIR`` directly (``oxigraph serve --location DIR`` follows the symlink).
A ``DIR`` that is still a plain store folder (made before versions) is
swapped by an atomic exchange (Linux ``renameat2``); elsewhere by two
renames, after which a kill between them is repaired by the next build.

Test hook: with ``HANKEVERKKO_TEST_PAUSE_AT=POINT`` a build prints
``paused at POINT`` on stderr and sleeps there, so a test can kill it at that
moment. Points: ``store-opened`` (new folder open, empty), ``store-loaded``
(loaded, nothing else written), ``swapped`` (``DIR`` points at the new store,
old versions not yet removed).
"""
from __future__ import annotations

import ctypes
import errno
import os
import shutil
import sys
import tempfile
import time
from pathlib import Path
from typing import Optional

from hankeverkko.graph.errors import StoreError

try:
    import fcntl
except ImportError:  # pragma: no cover - not POSIX: no build lock
    fcntl = None

__all__ = ["StoreReplacement", "versions_folder", "PAUSE_ENV"]

PAUSE_ENV = "HANKEVERKKO_TEST_PAUSE_AT"


def pause_point(name: str) -> None:
    """Test hook (see the module text): stop here when asked to."""
    if os.environ.get(PAUSE_ENV) == name:
        sys.stderr.write(f"paused at {name}\n")
        sys.stderr.flush()
        time.sleep(3600)


def versions_folder(store_dir: Path) -> Path:
    return store_dir.parent / (store_dir.name + ".versions")


def _exchange(a: Path, b: Path) -> bool:
    """Swap the names ``a`` and ``b`` atomically (Linux renameat2); False where unsupported."""
    try:
        fn = ctypes.CDLL(None, use_errno=True).renameat2
    except (OSError, AttributeError):
        return False
    fn.argtypes = [ctypes.c_int, ctypes.c_char_p, ctypes.c_int, ctypes.c_char_p, ctypes.c_uint]
    at_fdcwd, rename_exchange = -100, 2
    if fn(at_fdcwd, os.fsencode(a), at_fdcwd, os.fsencode(b), rename_exchange) == 0:
        return True
    err = ctypes.get_errno()
    if err in (errno.ENOSYS, errno.EINVAL, errno.EOPNOTSUPP):
        return False
    raise OSError(err, os.strerror(err), str(a), None, str(b))


def _held_by_writer(folder: Path) -> bool:
    """True when another process has the RocksDB store in ``folder`` open for writing."""
    lock = folder / "LOCK"
    if fcntl is None or not lock.is_file():
        return False
    try:
        fd = os.open(lock, os.O_RDWR)
    except OSError:
        return False
    try:
        fcntl.lockf(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        fcntl.lockf(fd, fcntl.LOCK_UN)
        return False
    except OSError:
        return True
    finally:
        os.close(fd)


class StoreReplacement:
    """Replace the store at ``store_dir`` whole (see the module text).

    ``with StoreReplacement(d) as r: r.load(graph); r.swap()`` — entering takes
    the build lock (a :class:`StoreError` at once if another build holds it,
    before anything is written); leaving without :meth:`swap` removes the new
    folder, so a failed build changes nothing.
    """

    def __init__(self, store_dir, spec: Optional[str] = None):
        self.dir = Path(store_dir)
        self.spec = spec or f"oxigraph:{self.dir}"
        self.versions = versions_folder(self.dir)
        self.new: Optional[Path] = None
        self.link: Optional[Path] = None
        self.triples = self.graphs = 0
        self._lock_fd: Optional[int] = None
        self._swapped = False

    def __enter__(self) -> "StoreReplacement":
        if self.dir.exists() and not self.dir.is_dir():
            raise StoreError(f"{self.dir}: is a file, not a store folder; choose another --store oxigraph:DIR")
        try:
            self.versions.mkdir(parents=True, exist_ok=True)
            self._lock_fd = os.open(self.versions / ".lock", os.O_RDWR | os.O_CREAT, 0o666)
        except OSError as e:
            raise StoreError(f"{self.versions}: cannot prepare the store folder ({e.strerror or e})") from e
        if fcntl is not None:
            try:
                fcntl.flock(self._lock_fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
            except OSError:
                os.close(self._lock_fd)
                self._lock_fd = None
                raise StoreError(f"{self.dir}: another `hankeverkko build --store` is replacing this store; "
                                 "nothing was written; run the build again when it has finished") from None
        self._repair()
        return self

    def __exit__(self, *exc) -> None:
        try:
            if not self._swapped:
                for leftover in (self.link, self.new):
                    if leftover is not None and (leftover.is_symlink() or leftover.exists()):
                        _remove(leftover)
        finally:
            if self._lock_fd is not None:
                os.close(self._lock_fd)
                self._lock_fd = None

    def run(self, graph) -> tuple[int, int]:
        """Load ``graph`` and swap it in: the whole replacement in one call."""
        with self:
            counts = self.load(graph)
            self.swap()
        return counts

    def _repair(self) -> None:
        """Finish what a killed build left: stray temporary links; a missing
        ``DIR`` after the two-rename fallback (point it at the newest plain store kept)."""
        for stray in self.dir.parent.glob(f".{self.dir.name}.link-*"):
            _remove(stray)
        if not self.dir.is_symlink() and not self.dir.exists():
            kept = sorted(self.versions.glob("plain-*"))
            if kept:
                os.symlink(os.path.relpath(kept[-1], self.dir.parent), self.dir)

    def load(self, graph) -> tuple[int, int]:
        """Load ``graph`` into a new version folder (invisible until :meth:`swap`)."""
        from hankeverkko.graph.sparql.stores.oxigraph import OxigraphStore

        stamp = time.strftime("%Y%m%dT%H%M%S")
        self.new = Path(tempfile.mkdtemp(prefix=f"{stamp}-{os.getpid()}-", dir=self.versions))
        mask = os.umask(0)
        os.umask(mask)
        os.chmod(self.new, 0o777 & ~mask)  # mkdtemp makes 0700; readers may be other users
        with OxigraphStore(self.new, create=True) as store:
            pause_point("store-opened")
            self.triples = store.load(graph)
            self.graphs = len(store.named_graphs())
        self.link = self.dir.parent / f".{self.dir.name}.link-{os.getpid()}"
        if self.link.is_symlink():
            self.link.unlink()
        os.symlink(os.path.relpath(self.new, self.dir.parent), self.link)
        pause_point("store-loaded")
        return self.triples, self.graphs

    def swap(self) -> None:
        """Point ``DIR`` at the new version in one atomic step, then remove old versions."""
        if self.new is None or self.link is None:
            raise StoreError("nothing loaded to swap in")
        previous = Path(os.path.realpath(self.dir)) if self.dir.is_symlink() else None
        if self.dir.is_dir() and not self.dir.is_symlink():  # a plain store folder from before versions
            kept = self.versions / f"plain-{time.strftime('%Y%m%dT%H%M%S')}-{os.getpid()}"
            if _exchange(self.link, self.dir):
                os.rename(self.link, kept)  # the link's name now holds the old folder
            else:
                os.rename(self.dir, kept)
                os.replace(self.link, self.dir)
            previous = kept
        else:
            os.replace(self.link, self.dir)
        self._swapped = True
        pause_point("swapped")
        self._prune(keep={p.resolve() for p in (self.new, previous) if p is not None})

    def _prune(self, keep: set) -> None:
        for folder in self.versions.iterdir():
            if folder.name.startswith(".") or folder.resolve() in keep or _held_by_writer(folder):
                continue
            _remove(folder)


def _remove(path: Path) -> None:
    try:
        if path.is_symlink() or not path.is_dir():
            path.unlink()
        else:
            shutil.rmtree(path)
    except FileNotFoundError:
        pass
