"""Where cached values live: an in-process memory layer in front of a joblib store on disk.

The disk store is shared by every kernel of one user (two notebooks, a Voilà
server and JupyterLab) and survives kernel restarts. Its folder is, in order:
the ``cache_dir=`` argument of ``cache_data``, the ``NBAPP_CACHE_DIR``
environment variable, ``$XDG_CACHE_HOME/nbapp``, ``~/.cache/nbapp``
(``%LOCALAPPDATA%\\nbapp\\Cache`` on Windows); a URL there (``s3://bucket/prefix``) puts
the store in object storage instead (:mod:`nbapp.caching.remote`). nbapp creates a folder with mode 0700
and refuses to use one that other users can write to, because entries are
pickles and loading a pickle can run code.

Layout (``joblib.Memory``'s store, one folder per call)::

    <cache dir>/joblib/<module.qualname>-<h>/v<body digest>/<argument digest>/output.pkl

Each ``output.pkl`` is ``joblib.dump``'s format (arrays aligned so they can be
memory-mapped) followed by a 32-byte trailer: a magic string, the payload
length and its xxh3-128 checksum. It is written to a temporary file and
renamed, so two processes writing one key leave one whole entry.
"""
from __future__ import annotations

import errno
import mmap
import os
import shutil
import struct
import threading
import time
import uuid
import warnings
from collections import OrderedDict
from typing import Any, Callable, Iterator

import joblib
import xxhash

from nbapp.cachedir import ENV_VAR, default_cache_dir, is_url, use_cache_dir  # noqa: F401  (re-exported)
from nbapp.caching.errors import CacheWarning
from nbapp.caching.remote import FsspecStore

__all__ = ["ENV_VAR", "use_cache_dir", "default_cache_dir", "DiskStore", "get_disk_store", "all_disk_stores", "MemoryLayer"]

_MAGIC = b"NBAPPv1\n"
_TRAILER = struct.Struct("<8sQ16s")
# Below this a file is read into memory: mapping many tiny arrays costs more
# than it saves, and each mapping uses one of the process's limited map slots.
MMAP_MIN_BYTES = 1 << 20


def _now() -> float:
    """The clock of ttl checks (wall time, because file modification times are wall time)."""
    return time.time()


class _Corrupt(Exception):
    """An entry on disk that cannot be trusted: truncated, checksum mismatch, unreadable pickle."""


class _HashingWriter:
    """The file object given to joblib.dump: checksums the bytes on their way to disk (no second pass)."""

    def __init__(self, file: Any) -> None:
        self._file = file
        self.hasher = xxhash.xxh3_128()
        self.size = 0

    def write(self, data: Any) -> int:
        self.hasher.update(data)
        self.size += len(memoryview(data).cast("B"))
        return self._file.write(data)

    def tell(self) -> int:  # joblib aligns arrays on the position, so they can be memory-mapped
        return self.size


class DiskStore:
    """The on-disk layer in one folder, on ``joblib.Memory``'s store backend.

    Never raises for a disk problem: a corrupt entry is a miss with a warning,
    an unwritable folder turns writing off with one warning.

    Parameters
    ----------
    location : str
        The cache folder (see :func:`default_cache_dir`).

    Examples
    --------
    >>> store = DiskStore("/tmp/nbapp-doc-cache")
    >>> store.dump(("mod.f-0", "v1", "0" * 32), [1, 2])
    >>> store.load(("mod.f-0", "v1", "0" * 32), ttl=None)[0]
    True
    """

    def __init__(self, location: str) -> None:
        self.location = os.path.abspath(location)
        self._lock = threading.RLock()  # re-entrant: _open() may turn writes off while holding it
        self._root: str | None = None
        self._usable: bool | None = None  # None: not checked yet
        self.writable = True
        # Whether a miss may keep the memory-mapped file it just wrote as the
        # cache's copy. Not on Windows: there a mapped file can be neither
        # replaced nor deleted, which another kernel's write or a clear needs.
        self.maps_own_writes = os.name == "posix"

    # ----------------------------------------------------------------- folder

    def _ready(self) -> bool:
        if self._usable is not None:
            return self._usable
        with self._lock:
            if self._usable is None:
                self._usable = self._open()
        return self._usable

    def _open(self) -> bool:
        try:
            if not os.path.isdir(self.location):
                os.makedirs(self.location, mode=0o700, exist_ok=True)
                os.chmod(self.location, 0o700)  # makedirs' mode is filtered by the umask
            if not self._private():
                return False
            # joblib.Memory creates and owns <location>/joblib, its store
            # backend's folder; our entries live in its layout.
            self._root = joblib.Memory(self.location, verbose=0).store_backend.location
        except OSError as exc:
            self._turn_off_writes(exc)
            return False
        return True

    def _private(self) -> bool:
        if not hasattr(os, "geteuid"):
            return True
        st = os.stat(self.location)
        if st.st_uid == os.geteuid() and not st.st_mode & 0o022:
            return True
        warnings.warn(
            f"nbapp cache: not using the cache folder {self.location}: it is writable by other users "
            f"or owned by another user, and cache entries are pickles that run code when loaded. "
            f"Run `chmod 700 {self.location}` or set {ENV_VAR} to a private folder; "
            f"caching in memory only for now.",
            CacheWarning,
            stacklevel=5,
        )
        self.writable = False
        return False

    def _turn_off_writes(self, exc: OSError) -> None:
        with self._lock:
            if not self.writable:
                return
            self.writable = False
        warnings.warn(
            f"nbapp cache: cannot write to the cache folder {self.location} "
            f"({exc.strerror or exc}); cached values are kept in memory only in this process. "
            f"Free some space or set {ENV_VAR} to a writable folder.",
            CacheWarning,
            stacklevel=5,
        )

    def _path(self, parts: tuple[str, ...]) -> str:
        assert self._root is not None
        return os.path.join(self._root, *parts)

    # ----------------------------------------------------------------- entries

    def load(self, parts: tuple[str, str, str], ttl: float | None, verify: bool = True) -> tuple[bool, Any, float]:
        """Return ``(found, value, created)`` for one entry.

        Parameters
        ----------
        parts : tuple of str
            ``(function folder, version folder, argument digest)``.
        ttl : float or None
            Seconds an entry stays valid after it was written.
        verify : bool, default True
            Check the checksum (False only for an entry this process just wrote).

        Returns
        -------
        tuple
            ``found`` is False for a missing, expired or corrupt entry (the
            latter two are removed; a corrupt one with a :class:`CacheWarning`).

        Examples
        --------
        >>> DiskStore("/tmp/nbapp-doc-cache").load(("no", "such", "entry"), ttl=None)[0]
        False
        """
        if not self._ready():
            return False, None, 0.0
        path = os.path.join(self._path(parts), "output.pkl")
        for _ in range(3):  # another process may replace the file while we read it
            try:
                value, st = self._read(path, verify)
            except FileNotFoundError:
                return False, None, 0.0
            except _Replaced:
                continue
            except Exception as exc:  # _Corrupt, or any surprise while reading: never fail the app
                warnings.warn(
                    f"nbapp cache: the cache entry {path} could not be read ({exc}); recomputing it.",
                    CacheWarning,
                    stacklevel=5,
                )
                self._remove(os.path.dirname(path))
                return False, None, 0.0
            if ttl is not None and _now() - st.st_mtime > ttl:
                self._remove(os.path.dirname(path))
                return False, None, 0.0
            return True, value, st.st_mtime
        return False, None, 0.0

    def _read(self, path: str, verify: bool) -> tuple[Any, os.stat_result]:
        with open(path, "rb") as file:
            st = os.fstat(file.fileno())
            size = st.st_size
            if size < _TRAILER.size:
                raise _Corrupt(f"truncated: {size} bytes")
            file.seek(size - _TRAILER.size)
            magic, length, digest = _TRAILER.unpack(file.read(_TRAILER.size))
            if magic != _MAGIC or length != size - _TRAILER.size:
                raise _Corrupt("truncated or not written by nbapp")
            if verify and _checksum(file, length) != digest:
                raise _Corrupt("checksum mismatch")
            try:
                value = joblib.load(path, mmap_mode="r" if length >= MMAP_MIN_BYTES else None)
            except Exception as exc:
                raise _Corrupt(f"{type(exc).__name__}: {exc}") from exc
            try:
                if os.stat(path).st_ino != st.st_ino:
                    raise _Replaced()
            except FileNotFoundError:
                pass  # removed after we read it: what we read was whole and verified
        return value, st

    def dump(self, parts: tuple[str, str, str], value: Any, max_entries: int | None = None) -> bool:
        """Write one entry atomically and return True; never raises for a disk or pickling problem.

        Parameters
        ----------
        parts : tuple of str
            ``(function folder, version folder, argument digest)``.
        value : object
            Stored with ``joblib.dump`` (numpy arrays raw and aligned).
        max_entries : int, optional
            Keep at most this many entries of this function version on disk
            (the oldest writes go first).

        Returns
        -------
        bool
            False when nothing was written (with a warning, or folder off).

        Examples
        --------
        >>> DiskStore("/tmp/nbapp-doc-cache").dump(("mod.f-0", "v1", "1" * 32), {"a": 1})
        True
        """
        if not self._ready() or not self.writable:
            return False
        if not os.path.isdir(self.location):
            # Deleted while we ran (rm -rf by hand): recreate it private, not
            # with the umask's mode that makedirs below would give it.
            with self._lock:
                self._usable = self._open()
            if not self._usable:
                return False
        item_dir = self._path(parts)
        final = os.path.join(item_dir, "output.pkl")
        # joblib's dump_item writes through the same temp-file-and-rename, but
        # has no integrity check: a damaged output.pkl can unpickle into a wrong
        # value. We add a checksum trailer to the same atomically renamed file.
        temporary = f"{final}.{uuid.uuid4().hex}-{os.getpid()}.tmp"
        try:
            os.makedirs(item_dir, exist_ok=True)
            try:
                with open(temporary, "wb") as file:
                    writer = _HashingWriter(file)
                    joblib.dump(value, writer)
                    file.write(_TRAILER.pack(_MAGIC, writer.size, writer.hasher.digest()))
                os.replace(temporary, final)
            except BaseException:
                _silently_remove(temporary)
                raise
        except OSError as exc:
            if exc.errno == errno.ENOENT:
                return False  # another process cleared the cache while we wrote
            self._turn_off_writes(exc)
            return False
        except Exception as exc:
            warnings.warn(
                f"nbapp cache: could not store a value on disk ({type(exc).__name__}: {exc}); "
                f"it is cached in memory only.",
                CacheWarning,
                stacklevel=5,
            )
            return False
        if max_entries is not None:
            self._trim(os.path.dirname(item_dir), max_entries)
        return True

    def _trim(self, version_dir: str, max_entries: int) -> None:
        entries = []
        for entry in _scandirs(version_dir):
            try:
                entries.append((os.stat(os.path.join(entry, "output.pkl")).st_mtime, entry))
            except OSError:
                continue
        entries.sort()
        for _, entry in entries[: max(0, len(entries) - max_entries)]:
            self._remove(entry)

    def _remove(self, path: str) -> None:
        shutil.rmtree(path, ignore_errors=True)

    def remove(self, parts: tuple[str, ...]) -> None:
        """Remove an entry, a function version or a whole function: ``parts`` is a prefix of the layout.

        Examples
        --------
        >>> DiskStore("/tmp/nbapp-doc-cache").remove(("mod.f-0",))
        """
        if self._ready():
            self._remove(self._path(parts))

    def clear(self) -> None:
        """Remove every entry in this folder, including those written by other processes.

        Examples
        --------
        >>> DiskStore("/tmp/nbapp-doc-cache").clear()
        """
        if not os.path.isdir(os.path.join(self.location, "joblib")):
            return  # nothing stored: do not create the folder just to empty it
        # Deleting is safe even in a folder we would not load from (_private).
        joblib.Memory(self.location, verbose=0).clear(warn=False)

    def count(self, parts: tuple[str, ...] = ()) -> int:
        """Return how many entries are stored under ``parts`` (all by default).

        Examples
        --------
        >>> DiskStore("/tmp/nbapp-doc-cache").count(("no-such-function",))
        0
        """
        root = os.path.join(self.location, "joblib", *parts)
        return sum(1 for dirpath, _, files in os.walk(root) if "output.pkl" in files)


class _Replaced(Exception):
    """The file was replaced by another process while we read it: read it again."""


def _checksum(file: Any, length: int) -> bytes:
    if length >= MMAP_MIN_BYTES:
        with mmap.mmap(file.fileno(), 0, access=mmap.ACCESS_READ) as mapped:
            with memoryview(mapped) as whole, whole[:length] as payload:
                return xxhash.xxh3_128(payload).digest()
    file.seek(0)
    return xxhash.xxh3_128(file.read(length)).digest()


def _scandirs(path: str) -> Iterator[str]:
    try:
        with os.scandir(path) as entries:
            for entry in entries:
                if entry.is_dir(follow_symlinks=False):
                    yield entry.path
    except OSError:
        return


def _silently_remove(path: str) -> None:
    try:
        os.remove(path)
    except OSError:
        pass


_stores: dict[str, DiskStore] = {}
_stores_lock = threading.Lock()


def get_disk_store(location: str | os.PathLike[str] | None = None) -> DiskStore | FsspecStore:
    """Return the process's :class:`DiskStore` for a folder (the default folder if None).

    A URL (``s3://bucket/prefix``) gets a :class:`~nbapp.caching.remote.FsspecStore` instead.

    Examples
    --------
    >>> get_disk_store("/tmp/nbapp-doc-cache") is get_disk_store("/tmp/nbapp-doc-cache")
    True
    """
    if location is None:
        path = default_cache_dir()
    else:
        path = os.fspath(location)
        path = path if is_url(path) else os.path.abspath(path)
    with _stores_lock:
        store = _stores.get(path)
        if store is None:
            store = _stores[path] = FsspecStore(path) if is_url(path) else DiskStore(path)
        return store


def all_disk_stores() -> list[DiskStore | FsspecStore]:
    """Return every disk store this process has used.

    Examples
    --------
    >>> isinstance(all_disk_stores(), list)
    True
    """
    with _stores_lock:
        return list(_stores.values())


class _Entry:
    __slots__ = ("value", "created")

    def __init__(self, value: Any, created: float) -> None:
        self.value = value
        self.created = created


class MemoryLayer:
    """An in-process LRU map with a time to live; answers warm hits without touching the disk.

    Parameters
    ----------
    max_entries : int, optional
        Least recently used entries beyond this are dropped.
    ttl : float, optional
        Seconds after ``created`` when an entry stops counting.
    on_drop : callable, optional
        Called with each value the layer drops (evicted, expired, cleared).

    Examples
    --------
    >>> layer = MemoryLayer(max_entries=1)
    >>> layer.set("a", 1); layer.set("b", 2)
    >>> layer.get("a") is None, layer.get("b").value
    (True, 2)
    """

    def __init__(self, max_entries: int | None = None, ttl: float | None = None,
                 on_drop: Callable[[Any], None] | None = None) -> None:
        self.max_entries = max_entries
        self.ttl = ttl
        self._on_drop = on_drop
        self._entries: OrderedDict[str, _Entry] = OrderedDict()
        self._lock = threading.Lock()

    def get(self, key: str) -> _Entry | None:
        """Return the live entry for ``key`` (``.value``, ``.created``) or None."""
        with self._lock:
            entry = self._entries.get(key)
            if entry is None:
                return None
            if self.ttl is not None and _now() - entry.created > self.ttl:
                del self._entries[key]
                dropped = entry
            else:
                self._entries.move_to_end(key)
                return entry
        self._drop([dropped])
        return None

    def set(self, key: str, value: Any, created: float | None = None) -> None:
        """Store ``value`` under ``key``, evicting the least recently used beyond ``max_entries``."""
        dropped = []
        with self._lock:
            old = self._entries.pop(key, None)
            if old is not None:
                dropped.append(old)
            self._entries[key] = _Entry(value, _now() if created is None else created)
            while self.max_entries is not None and len(self._entries) > self.max_entries:
                dropped.append(self._entries.popitem(last=False)[1])
        self._drop(dropped)

    def pop(self, key: str) -> None:
        """Forget ``key`` if present."""
        with self._lock:
            entry = self._entries.pop(key, None)
        self._drop([entry] if entry is not None else [])

    def clear(self) -> None:
        """Forget every entry."""
        with self._lock:
            dropped = list(self._entries.values())
            self._entries.clear()
        self._drop(dropped)

    def __len__(self) -> int:
        return len(self._entries)

    def _drop(self, entries: list[_Entry]) -> None:
        if self._on_drop is not None:
            for entry in entries:
                self._on_drop(entry.value)
