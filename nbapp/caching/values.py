"""Immutable cached values: what cache_data keeps, and what each hit hands out without copying big data.

The rule (also in :func:`nbapp.caching.cache_data`'s docstring):

* numpy arrays come back as **read-only views** of the cache's own copy
  (zero copy); ``arr.copy()`` gives a writable one;
* pandas DataFrames, Series and Indexes come back as **copy-on-write shallow
  copies** (pandas >= 3): mutate them freely, the first write copies the
  touched column and the cache never sees it. The cache's copy has read-only
  buffers, so even ``df["a"].array[0] = x`` (which bypasses copy-on-write)
  raises instead of writing into the cache. With pandas < 3 each hit is a deep
  copy;
* the two above are found inside plain ``tuple`` / ``list`` / ``dict``
  containers too, so ``return X, y`` is zero copy;
* immutable scalars (``int``, ``str``, ``None``, tuples of those, ...) are
  returned as they are;
* **anything else is a fresh copy**, unpickled on every hit as Streamlit does
  (a model, a dict holding Python lists, an object-dtype frame holding lists).

On a miss the cache's copy is made once, so an object the function still
holds (a module-level array it returned) cannot change the cache later: with
the disk store, an array or frame is written and its entry mapped back
read-only (:mod:`nbapp.caching.caches`); otherwise it is copied in memory.
"""
from __future__ import annotations

import io
import pickle
import sys
import threading
from typing import Any

from nbapp.caching.content import ContentSource, remember
from nbapp.caching.hashing import is_immutable

__all__ = ["Frozen", "freeze", "can_map"]


class Frozen:
    """A value as the cache stores it. :meth:`thaw` returns what one hit hands out."""

    __slots__ = ()

    def thaw(self) -> Any:
        """Return the value for one hit, safe to mutate or read-only (see the module rule)."""
        raise NotImplementedError

    def release(self) -> None:
        """Called when the cache drops this value (eviction, ttl, clear)."""


class _Immutable(Frozen):
    __slots__ = ("value",)

    def __init__(self, value: Any) -> None:
        self.value = value

    def thaw(self) -> Any:
        return self.value


class _Array(Frozen):
    __slots__ = ("source",)

    def __init__(self, source: ContentSource) -> None:
        self.source = source

    def thaw(self) -> Any:
        # Always a plain ndarray, whether the cache's copy is in memory or a
        # np.memmap of its entry on disk.
        view = self.source.master.view(sys.modules["numpy"].ndarray)
        remember(view, self.source)
        return view


class _Pandas(Frozen):
    __slots__ = ("source", "cow")

    def __init__(self, source: ContentSource, cow: bool) -> None:
        self.source = source
        self.cow = cow

    def thaw(self) -> Any:
        master = self.source.master
        if not self.cow:  # pandas < 3 without copy-on-write: a shallow copy would share writes
            return master.copy(deep=True)
        copy = master.copy(deep=False)
        remember(copy, self.source)
        return copy

    def release(self) -> None:
        _keep_while_shared(self.source)


class _Pickled(Frozen):
    """A pickle of the value in which arrays and frames are references to zero-copy leaves."""

    __slots__ = ("data", "leaves")

    def __init__(self, data: bytes, leaves: list[Frozen]) -> None:
        self.data = data
        self.leaves = leaves

    def thaw(self) -> Any:
        if not self.leaves:
            return pickle.loads(self.data)
        unpickler = _LeafUnpickler(io.BytesIO(self.data))
        unpickler.leaves = self.leaves
        unpickler.thawed = {}
        return unpickler.load()

    def release(self) -> None:
        for leaf in self.leaves:
            leaf.release()


class _LeafUnpickler(pickle.Unpickler):
    leaves: list[Frozen]
    thawed: dict[int, Any]

    def persistent_load(self, pid: Any) -> Any:
        # One view per leaf per hit, so two references to one array stay one object.
        if pid not in self.thawed:
            self.thawed[pid] = self.leaves[pid].thaw()
        return self.thawed[pid]


class _LeafPickler(pickle.Pickler):
    leaf_ids: dict[int, int]

    def persistent_id(self, obj: Any) -> Any:
        return self.leaf_ids.get(id(obj))


class UnpicklableValue(Exception):
    """The value cannot be pickled, so cache_data cannot give out fresh copies of it."""


def freeze(value: Any, owned: bool) -> Frozen:
    """Return the frozen form of ``value`` that the cache stores.

    Parameters
    ----------
    value : object
        What the cached function returned, or what was loaded from disk.
    owned : bool
        True when nobody else holds ``value`` (it was just loaded from the
        disk store), so its arrays need no defensive copy.

    Returns
    -------
    Frozen
        Call ``.thaw()`` on each hit.

    Raises
    ------
    UnpicklableValue
        When a value that needs fresh copies cannot be pickled.

    Examples
    --------
    >>> import numpy as np
    >>> hit = freeze(np.arange(3), owned=False).thaw()
    >>> hit.flags.writeable
    False
    """
    if is_immutable(value):
        return _Immutable(value)
    leaf = _leaf(value, owned)
    if leaf is not None:
        return leaf
    leaves: list[Frozen] = []
    leaf_ids: dict[int, int] = {}
    _collect_leaves(value, owned, leaves, leaf_ids, set(), 0)
    buffer = io.BytesIO()
    pickler = _LeafPickler(buffer, protocol=pickle.HIGHEST_PROTOCOL)
    pickler.leaf_ids = leaf_ids
    try:
        pickler.dump(value)
    except Exception as exc:
        raise UnpicklableValue(f"{type(exc).__name__}: {exc}") from exc
    return _Pickled(buffer.getvalue(), leaves)


def _collect_leaves(value: Any, owned: bool, leaves: list[Frozen], leaf_ids: dict[int, int],
                    seen: set[int], depth: int) -> None:
    # Only through plain containers: an array inside an arbitrary object stays
    # part of that object's fresh copy (its methods may write to it).
    if depth > 20 or id(value) in seen:
        return
    seen.add(id(value))
    if type(value) in (list, tuple):
        items = value
    elif type(value) is dict:
        items = value.values()
    else:
        return
    for item in items:
        if id(item) in leaf_ids:
            continue
        leaf = _leaf(item, owned)
        if leaf is not None:
            leaf_ids[id(item)] = len(leaves)
            leaves.append(leaf)
        else:
            _collect_leaves(item, owned, leaves, leaf_ids, seen, depth + 1)


def can_map(value: Any) -> bool:
    """Return True for values kept as read-only buffers (numpy arrays, pandas objects of immutable data).

    Examples
    --------
    >>> import numpy as np
    >>> can_map(np.arange(3)), can_map([np.arange(3)])
    (True, False)
    """
    np = sys.modules.get("numpy")
    if np is not None and type(value) in (np.ndarray, np.memmap):
        return not value.dtype.hasobject
    pd = sys.modules.get("pandas")
    if pd is not None and (type(value) in (pd.DataFrame, pd.Series) or isinstance(value, pd.Index)):
        return _pandas_safe(value)
    return False


def _leaf(value: Any, owned: bool) -> Frozen | None:
    if not can_map(value):
        return None  # not big data, or holds Python objects that may be mutable
    np = sys.modules["numpy"]  # pandas imports it too
    if type(value) in (np.ndarray, np.memmap):
        # A small array read from disk is a view of the bytes it was read
        # into, a writable buffer through which a view could be made writable
        # again: give it its own memory (a big one is a read-only mapping).
        borrowed = type(value) is np.ndarray and not value.flags.owndata
        master = value if owned and not borrowed else np.array(value, copy=True, order="K")
        master.flags.writeable = False
        return _Array(ContentSource(master))
    master = value if owned else value.copy(deep=True)
    _make_read_only(master)
    return _Pandas(ContentSource(master), _copy_on_write())


# Object-dtype data is safe to share only if every element is immutable.
_SAFE_INFERRED = frozenset({
    "string", "bytes", "floating", "integer", "mixed-integer-float", "decimal", "complex", "boolean",
    "datetime64", "datetime", "date", "timedelta64", "timedelta", "time", "period", "interval", "empty",
})


def _pandas_safe(value: Any) -> bool:
    pd = sys.modules["pandas"]
    if getattr(value, "attrs", None):
        return False  # attrs is a plain dict that copies would share
    if isinstance(value, pd.DataFrame):
        columns = [value.iloc[:, i] for i, dtype in enumerate(value.dtypes) if dtype == object]
        return all(_objects_safe(c) for c in columns) and _objects_safe(value.index) and _objects_safe(value.columns)
    return _objects_safe(value) and (not isinstance(value, pd.Series) or _objects_safe(value.index))


def _objects_safe(values: Any) -> bool:
    if getattr(values, "dtype", None) != object:
        return True
    pd = sys.modules["pandas"]
    if isinstance(values, pd.MultiIndex):
        return all(_objects_safe(level) for level in values.levels)
    return pd.api.types.infer_dtype(values, skipna=True) in _SAFE_INFERRED


def _make_read_only(master: Any) -> None:
    pd = sys.modules["pandas"]
    np = sys.modules["numpy"]
    if isinstance(master, pd.DataFrame):
        arrays = [blk.values for blk in master._mgr.blocks]
        indexes = [master.index, master.columns]
    elif isinstance(master, pd.Series):
        arrays = [master._values]
        indexes = [master.index]
    else:
        arrays = []
        indexes = [master]
    # A RangeIndex would build its whole array on ._data; it has none to protect.
    arrays += [idx._data for idx in indexes if not isinstance(idx, (pd.MultiIndex, pd.RangeIndex))]
    for values in arrays:
        targets = [values] if isinstance(values, np.ndarray) else [
            getattr(values, a) for a in ("_ndarray", "_data", "_mask", "_codes") if hasattr(values, a)
        ]
        for arr in targets:
            if isinstance(arr, np.ndarray):
                arr.flags.writeable = False


def _copy_on_write() -> bool:
    pd = sys.modules["pandas"]
    if int(pd.__version__.split(".")[0]) >= 3:
        return True
    try:
        return pd.get_option("mode.copy_on_write") is True
    except Exception:
        return False


# Masters of pandas values dropped by the cache while a shallow copy (or a view
# derived from one: df.rename(...), df["a"]) still shares their read-only
# buffers. pandas copies before writing only while another object references
# the block, so the master must outlive every object that shares it.
_shared_masters: list[ContentSource] = []
_shared_lock = threading.Lock()


def _keep_while_shared(source: ContentSource) -> None:
    with _shared_lock:
        _shared_masters.append(source)
        _shared_masters[:] = [s for s in _shared_masters if _still_shared(s.master)]


def _still_shared(master: Any) -> bool:
    pd = sys.modules["pandas"]
    try:
        if isinstance(master, pd.Index):
            return False  # indexes are never written in place
        blocks = master._mgr.blocks
        return any(blk.refs.has_reference() for blk in blocks)
    except AttributeError:
        return True  # cannot tell: keeping it costs only the small pandas objects
