"""The cache behind each decorated function, in a process-wide registry keyed by the function's identity.

Re-executing a cell (or rerunning an ``%%app``) decorates a new function
object; the registry hands it the cache its predecessor filled, because the
key is the function's identity (module, qualified name, compiled body), not
the object. Options given again (``ttl``, ``max_entries``, ``validate``) update
that cache in place, so a rerun never throws entries away.
"""
from __future__ import annotations

import contextlib
import re
import threading
from typing import Any, Callable, Iterator

import xxhash

from nbapp.caching.errors import UnserializableReturnValueError
from nbapp.caching.hashing import FunctionIdentity
from nbapp.caching.storage import DiskStore, MemoryLayer, all_disk_stores, get_disk_store
from nbapp.caching.values import Frozen, UnpicklableValue, can_map, freeze

__all__ = ["DataCache", "ResourceCache", "data_cache", "resource_cache", "clear_kind", "clear_everything"]


class _KeyLocks:
    """One re-entrant lock per key in use, so that two threads asking for one key compute it once."""

    def __init__(self) -> None:
        self._guard = threading.Lock()
        self._locks: dict[str, list[Any]] = {}

    @contextlib.contextmanager
    def hold(self, key: str) -> Iterator[None]:
        with self._guard:
            slot = self._locks.get(key)
            if slot is None:
                slot = self._locks[key] = [threading.RLock(), 0]
            slot[1] += 1
        try:
            with slot[0]:
                yield
        finally:
            with self._guard:
                slot[1] -= 1
                if slot[1] == 0:
                    del self._locks[key]


def _folder_name(identity: FunctionIdentity) -> str:
    readable = re.sub(r"[^A-Za-z0-9_.-]+", "_", identity.name)[:80]
    return f"{readable}-{xxhash.xxh3_64(identity.name.encode()).hexdigest()[:8]}"


def _release(frozen: Frozen) -> None:
    frozen.release()


class DataCache:
    """The entries of one ``cache_data`` function: memory layer, then disk, then compute.

    Parameters
    ----------
    identity : FunctionIdentity
        Whose entries these are.
    ttl, max_entries : optional
        See :func:`nbapp.caching.cache_data`.
    disk : DiskStore, optional
        None for ``persist=False``.
    """

    def __init__(self, identity: FunctionIdentity, ttl: float | None, max_entries: int | None,
                 disk: DiskStore | None) -> None:
        self.identity = identity
        self.memory = MemoryLayer(max_entries, ttl, on_drop=_release)
        self.disk = disk
        self._folder = _folder_name(identity)
        self._version = "v" + identity.version
        self._locks = _KeyLocks()

    def configure(self, ttl: float | None, max_entries: int | None, disk: DiskStore | None) -> None:
        """Apply the options of a newer decoration of the same function."""
        self.memory.ttl = ttl
        self.memory.max_entries = max_entries
        self.disk = disk

    def get_or_compute(self, key: str, compute: Callable[[], Any], func_name: str) -> Any:
        """Return the value for ``key`` (an immutable view or a fresh copy), computing it on a miss.

        Raises
        ------
        UnserializableReturnValueError
            When the function returned something that cannot be pickled.
        """
        entry = self.memory.get(key)
        if entry is not None:
            return entry.value.thaw()
        with self._locks.hold(key):
            entry = self.memory.get(key)  # another thread may have filled it while we waited
            if entry is not None:
                return entry.value.thaw()
            parts = (self._folder, self._version, key)
            disk = self.disk
            if disk is not None:
                found, value, created = disk.load(parts, self.memory.ttl)
                if found:
                    frozen = freeze(value, owned=True)
                    self.memory.set(key, frozen, created)
                    return frozen.thaw()
            frozen, result = self._store(parts, compute(), func_name)
            self.memory.set(key, frozen)
            return result

    def _store(self, parts: tuple[str, str, str], value: Any, func_name: str) -> tuple[Frozen, Any]:
        """Keep ``value`` in memory and on disk; return the cache's copy and the caller's (thawed once)."""
        disk = self.disk
        mapped = disk is not None and disk.maps_own_writes and can_map(value)
        if mapped:
            # Big data: write it, then map what was written. The cache's copy
            # is then the file in the page cache (shared by every kernel that
            # maps it, read-only by construction) instead of a second copy in
            # this process's memory, and the layout kept in memory is the one a
            # restart reads back, so content digests agree across restarts.
            if disk.dump(parts, value, self.memory.max_entries):
                found, loaded, _ = disk.load(parts, ttl=None, verify=False)
                if found:
                    frozen = freeze(loaded, owned=True)
                    return frozen, frozen.thaw()
        try:
            frozen = freeze(value, owned=False)
        except UnpicklableValue as exc:
            raise UnserializableReturnValueError(
                f"cache_data cannot store what '{func_name}()' returned ({type(value).__module__}."
                f"{type(value).__qualname__}): it cannot be pickled ({exc}). cache_data hands out a "
                f"fresh copy of such values on every hit; to share one object instead (a model, a "
                f"connection), decorate '{func_name}' with @cache_resource."
            ) from exc
        result = frozen.thaw()
        if disk is not None and not mapped:
            # What the caller gets, not what the function returned: the
            # cache's copy may be laid out differently (pandas consolidates
            # blocks when copying), and content digests follow the layout.
            disk.dump(parts, result, self.memory.max_entries)
        return frozen, result

    def clear(self, key: str | None = None) -> None:
        """Forget one entry (``key``) or all of this function's entries, in memory and on disk."""
        if key is not None:
            self.memory.pop(key)
            if self.disk is not None:
                self.disk.remove((self._folder, self._version, key))
            return
        self.memory.clear()
        if self.disk is not None:
            self.disk.remove((self._folder,))  # every version: older bodies are stale anyway

    def disk_entries(self) -> int:
        """How many entries of this function version are on disk (for tests and ``nbapp cache``)."""
        return 0 if self.disk is None else self.disk.count((self._folder, self._version))


class ResourceCache:
    """The shared objects of one ``cache_resource`` function, in this process only.

    Parameters
    ----------
    identity : FunctionIdentity
        Whose objects these are.
    ttl, max_entries, validate : optional
        See :func:`nbapp.caching.cache_resource`.
    """

    def __init__(self, identity: FunctionIdentity, ttl: float | None, max_entries: int | None,
                 validate: Callable[[Any], bool] | None) -> None:
        self.identity = identity
        self.memory = MemoryLayer(max_entries, ttl)
        self.validate = validate
        self._locks = _KeyLocks()

    def configure(self, ttl: float | None, max_entries: int | None, validate: Callable[[Any], bool] | None) -> None:
        """Apply the options of a newer decoration of the same function."""
        self.memory.ttl = ttl
        self.memory.max_entries = max_entries
        self.validate = validate

    def get_or_compute(self, key: str, compute: Callable[[], Any], func_name: str) -> Any:
        """Return the one shared object for ``key``, creating it on a miss (once, whatever the threads)."""
        entry = self.memory.get(key)
        if entry is not None and self._valid(entry.value):
            return entry.value
        with self._locks.hold(key):
            entry = self.memory.get(key)
            if entry is not None:
                if self._valid(entry.value):
                    return entry.value
                self.memory.pop(key)
            value = compute()
            self.memory.set(key, value)
            return value

    def _valid(self, value: Any) -> bool:
        return self.validate is None or bool(self.validate(value))

    def clear(self, key: str | None = None) -> None:
        """Forget one object (``key``) or all of this function's objects."""
        if key is None:
            self.memory.clear()
        else:
            self.memory.pop(key)


_registry: dict[tuple[str, str], Any] = {}
_registry_lock = threading.Lock()


def _registered(kind: str, identity: FunctionIdentity, make: Callable[[], Any], options: tuple) -> Any:
    with _registry_lock:
        cache = _registry.get((kind, identity.key))
        if cache is None:
            cache = _registry[(kind, identity.key)] = make()
        else:
            cache.configure(*options)
        return cache


def data_cache(identity: FunctionIdentity, ttl: float | None, max_entries: int | None,
               persist: bool, cache_dir: str | None) -> DataCache:
    """Return the :class:`DataCache` of ``identity``, created or reconfigured with these options."""
    options = (ttl, max_entries, get_disk_store(cache_dir) if persist else None)
    return _registered("data", identity, lambda: DataCache(identity, *options), options)


def resource_cache(identity: FunctionIdentity, ttl: float | None, max_entries: int | None,
                   validate: Callable[[Any], bool] | None) -> ResourceCache:
    """Return the :class:`ResourceCache` of ``identity``, created or reconfigured with these options."""
    options = (ttl, max_entries, validate)
    return _registered("resource", identity, lambda: ResourceCache(identity, *options), options)


def clear_kind(kind: str) -> None:
    """Clear every cache of one kind (``'data'`` or ``'resource'``); for data, the disk stores too."""
    with _registry_lock:
        caches = [c for (k, _), c in _registry.items() if k == kind]
    for cache in caches:
        cache.memory.clear()
    if kind == "data":
        stores = {id(s): s for s in all_disk_stores()}
        default = get_disk_store()
        stores[id(default)] = default
        for store in stores.values():
            store.clear()


def clear_everything(cache_dir: str | None = None) -> None:
    """Clear every cache in this process and the disk store (default folder, or ``cache_dir``)."""
    clear_kind("resource")
    clear_kind("data")
    if cache_dir is not None:
        get_disk_store(cache_dir).clear()
