"""``st.cache_data``'s disk layer in object storage (``s3://``, ``gs://``, ``az://``...) through fsspec.

Chosen by a cache location that is a URL (``NBAPP_CACHE_DIR=s3://bucket/nbapp-cache``,
``nbapp run --cache-dir s3://...``, ``cache_data(cache_dir="s3://...")``); the protocol's
fsspec package (s3fs, gcsfs, adlfs) must be installed, and its credentials come from where
that package reads them (for S3: the AWS environment variables or config files).

Same keys and layout as the folder store (``<url>/joblib/<function>/<version>/<digest>/
output.pkl``); each object is ``joblib.dump``'s bytes followed by a 40-byte trailer (magic,
payload length, xxh3-128 checksum, creation time). An object ``PUT`` is atomic, so a
reader sees a whole entry or none; two servers writing one key leave one whole entry.
Unlike the folder store, values are read into memory (an object cannot be memory-mapped),
and there is no ownership check: whoever can write to the bucket can plant a pickle that
runs code when a kernel loads it, so give write access only to the app's servers.
"""
from __future__ import annotations

import io
import struct
import threading
import time
import warnings
from typing import Any

import joblib
import xxhash

from nbapp.cachedir import is_url  # noqa: F401  (re-exported)
from nbapp.caching.errors import CacheWarning

_MAGIC = b"NBAPPr1\n"
_TRAILER = struct.Struct("<8sQ16sd")


class _Writer:
    """joblib.dump's file: checksums and counts the bytes as they go to an in-memory buffer."""

    def __init__(self) -> None:
        self.buffer = io.BytesIO()
        self.hasher = xxhash.xxh3_128()

    def write(self, data: Any) -> int:
        self.hasher.update(data)
        return self.buffer.write(data)

    def tell(self) -> int:  # joblib aligns arrays on the position
        return self.buffer.tell()


class FsspecStore:
    """The on-disk layer's interface (load, dump, remove, clear, count) over an fsspec filesystem.

    Never raises for a storage problem: an unreadable or corrupt entry is a miss with a
    warning, a failed write turns writing off with one warning.

    Parameters
    ----------
    location : str
        A URL fsspec understands, e.g. ``s3://bucket/nbapp-cache`` or ``memory://cache``.

    Examples
    --------
    >>> store = FsspecStore("memory://nbapp-doc")
    >>> store.dump(("mod.f-0", "v1", "0" * 32), [1, 2])
    True
    >>> store.load(("mod.f-0", "v1", "0" * 32), ttl=None)[:2]
    (True, [1, 2])
    """

    maps_own_writes = False  # an object cannot be memory-mapped

    def __init__(self, location: str) -> None:
        import fsspec  # a dependency of the URL's protocol package (s3fs, gcsfs...)

        self.location = location
        self.fs, root = fsspec.core.url_to_fs(location)
        self._root = root.rstrip("/") + "/joblib"
        self.writable = True
        self._lock = threading.Lock()

    def _path(self, parts: tuple[str, ...]) -> str:
        return "/".join([self._root, *parts])

    def load(self, parts: tuple[str, str, str], ttl: float | None, verify: bool = True) -> tuple[bool, Any, float]:
        """Return ``(found, value, created)`` for one entry; ``found`` is False for a missing, expired or corrupt one.

        Examples
        --------
        >>> FsspecStore("memory://nbapp-doc").load(("no", "such", "entry"), ttl=None)[0]
        False
        """
        path = self._path(parts) + "/output.pkl"
        try:
            data = self.fs.cat_file(path)
        except FileNotFoundError:
            return False, None, 0.0
        except Exception as exc:
            self._warn(f"the cache entry {self.location}/{path} could not be read ({exc}); recomputing it.")
            return False, None, 0.0
        try:
            value, created = self._decode(data, verify)
        except Exception as exc:
            self._warn(f"the cache entry {path} could not be read ({exc}); recomputing it.")
            self._remove(self._path(parts))
            return False, None, 0.0
        if ttl is not None and time.time() - created > ttl:
            self._remove(self._path(parts))
            return False, None, 0.0
        return True, value, created

    @staticmethod
    def _decode(data: bytes, verify: bool) -> tuple[Any, float]:
        if len(data) < _TRAILER.size:
            raise ValueError(f"truncated: {len(data)} bytes")
        magic, length, digest, created = _TRAILER.unpack(data[-_TRAILER.size:])
        if magic != _MAGIC or length != len(data) - _TRAILER.size:
            raise ValueError("truncated or not written by nbapp")
        payload = memoryview(data)[:length]
        if verify and xxhash.xxh3_128(payload).digest() != digest:
            raise ValueError("checksum mismatch")
        return joblib.load(io.BytesIO(payload)), created

    def dump(self, parts: tuple[str, str, str], value: Any, max_entries: int | None = None) -> bool:
        """Write one entry (one atomic object PUT) and return True; False, with a warning, when it cannot.

        Examples
        --------
        >>> FsspecStore("memory://nbapp-doc").dump(("mod.f-0", "v1", "1" * 32), {"a": 1})
        True
        """
        if not self.writable:
            return False
        writer = _Writer()
        try:
            joblib.dump(value, writer)
        except Exception as exc:
            self._warn(f"could not store a value ({type(exc).__name__}: {exc}); it is cached in memory only.")
            return False
        writer.buffer.write(_TRAILER.pack(_MAGIC, writer.tell(), writer.hasher.digest(), time.time()))
        try:
            self.fs.pipe_file(self._path(parts) + "/output.pkl", writer.buffer.getvalue())
        except Exception as exc:
            with self._lock:
                if not self.writable:
                    return False
                self.writable = False
            self._warn(f"cannot write to {self.location} ({type(exc).__name__}: {exc}); cached values are kept "
                       f"in memory only in this process. Check the credentials and the bucket.")
            return False
        if max_entries is not None:
            self._trim(self._path(parts[:2]), max_entries)
        return True

    def _trim(self, version_dir: str, max_entries: int) -> None:
        try:
            entries = [path for path in self.fs.find(version_dir) if path.endswith("/output.pkl")]
        except Exception:
            return
        if len(entries) <= max_entries:
            return
        created = []
        for path in entries:
            try:
                tail = self.fs.cat_file(path, start=-_TRAILER.size)
                created.append((_TRAILER.unpack(tail)[3], path))
            except Exception:
                created.append((0.0, path))
        created.sort()
        for _, path in created[: len(created) - max_entries]:
            self._remove(path.rsplit("/", 1)[0])

    def _remove(self, path: str) -> None:
        try:
            self.fs.rm(path, recursive=True)
        except FileNotFoundError:
            pass
        except Exception as exc:  # unreachable, no permission: never fail the app for it
            self._warn(f"could not remove {self.location} entries ({type(exc).__name__}: {exc}).")
        self.fs.invalidate_cache()

    def remove(self, parts: tuple[str, ...]) -> None:
        """Remove an entry, a function version or a whole function (``parts`` is a prefix of the layout)."""
        self._remove(self._path(parts))

    def clear(self) -> None:
        """Remove every entry under this location, including those other servers wrote."""
        self._remove(self._root)

    def count(self, parts: tuple[str, ...] = ()) -> int:
        """Return how many entries are stored under ``parts`` (all by default).

        Examples
        --------
        >>> FsspecStore("memory://nbapp-doc").count(("no-such-function",))
        0
        """
        self.fs.invalidate_cache()
        try:
            return sum(1 for path in self.fs.find(self._path(parts)) if path.endswith("/output.pkl"))
        except Exception:  # missing, or unreachable: nothing this process can see
            return 0

    def _warn(self, message: str) -> None:
        warnings.warn(f"nbapp cache: {message}", CacheWarning, stacklevel=4)
