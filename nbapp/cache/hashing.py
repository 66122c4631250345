"""Cache keys: a stable identity for functions, and content hashes of arguments that are fast on big data.

Three kinds of hashing meet here:

* **Function identity** (:func:`function_identity`): module + qualified name + a
  digest of the compiled body. It never looks at the file a function came from,
  so a function defined in a re-executed notebook cell, or after a kernel
  restart, finds its old entries (plain ``joblib.Memory`` keys notebook
  functions by the cell's temporary file and loses them).
* **Big data** (numpy arrays, pandas objects): xxh3-128 over the raw buffers,
  covering the whole content (no sampling), at memory speed.
* **Everything else**: ``joblib.hash`` semantics (a pickle-based hash that
  orders dicts and sets), through a joblib ``Hasher`` subclass that hands the
  big-data cases above to the fast path wherever they sit inside an argument.

Values that the cache itself returned are immutable, so their content hash is
computed once and remembered (:func:`remember`); passing a cached DataFrame to
the next cached function of a pipeline costs microseconds, not a pass over its
bytes.
"""
from __future__ import annotations

import datetime
import decimal
import fractions
import pickle
import struct
import sys
import threading
import types
import weakref
from dataclasses import dataclass
from typing import Any, Callable, Mapping

import xxhash
from joblib.hashing import Hasher, NumpyHasher

from nbapp.cache.errors import UnhashableParamError

__all__ = [
    "FunctionIdentity",
    "function_identity",
    "digest_value",
    "hash_arguments",
    "remember",
    "ContentSource",
    "type_name",
    "is_immutable",
    "value_like",
    "closure_digest",
]


def type_name(obj_or_type: Any) -> str:
    """Return the fully qualified name of a type (or of an object's type), e.g. ``'pandas.DataFrame'``."""
    t = obj_or_type if isinstance(obj_or_type, type) else type(obj_or_type)
    return f"{t.__module__}.{t.__qualname__}"


# --------------------------------------------------------------------------- functions


@dataclass(frozen=True)
class FunctionIdentity:
    """Who a cached function is, independent of where its code object came from.

    Attributes
    ----------
    name : str
        ``module.qualname``, e.g. ``'__main__.load_data'``.
    version : str
        Hex digest of the compiled body: any edit that changes what the function
        does changes it; comments, blank lines and moving the function do not.
    """

    name: str
    version: str

    @property
    def key(self) -> str:
        """``name@version``, the prefix of every cache key of this function."""
        return f"{self.name}@{self.version}"


# Code objects compare by value, so a cell executed again (new function object,
# equal code) reuses the digest; weak keys let edited-away code objects go.
_identity_memo: "weakref.WeakKeyDictionary[types.CodeType, str]" = weakref.WeakKeyDictionary()


def function_identity(func: Callable[..., Any]) -> FunctionIdentity:
    """Return the stable identity of ``func`` used in its cache keys.

    Parameters
    ----------
    func : callable
        A Python function (plain, nested, a method's function, a lambda).

    Returns
    -------
    FunctionIdentity
        ``module.qualname`` and a digest of the compiled body.

    Examples
    --------
    >>> def f(x):
    ...     return x + 1
    >>> function_identity(f).name.endswith("f")
    True
    """
    module = getattr(func, "__module__", None) or "__unknown__"
    qualname = getattr(func, "__qualname__", None) or getattr(func, "__name__", repr(type(func)))
    code = getattr(func, "__code__", None)
    if code is None:  # a builtin or a callable object: its type is all we know
        return FunctionIdentity(f"{module}.{qualname}", xxhash.xxh3_128(type_name(func).encode()).hexdigest())
    version = _identity_memo.get(code)
    if version is None:
        h = xxhash.xxh3_128()
        _code_digest(h, code)
        version = h.hexdigest()
        _identity_memo[code] = version
    return FunctionIdentity(f"{module}.{qualname}", version)


def _code_digest(h: Any, code: types.CodeType) -> None:
    # The compiled body rather than inspect.getsource: the source of a function
    # defined in a notebook cell or an exec'd %%app cell is only sometimes in
    # linecache, and a key that depends on that would change between a run and
    # a restart. Bytecode is deterministic for one Python version; line numbers
    # and the file name are left out on purpose.
    for part in (
        code.co_code,
        repr((code.co_argcount, code.co_posonlyargcount, code.co_kwonlyargcount, code.co_flags)).encode(),
        repr((code.co_names, code.co_varnames, code.co_freevars, code.co_cellvars)).encode(),
    ):
        h.update(struct.pack("<Q", len(part)))
        h.update(part)
    for const in code.co_consts:
        if isinstance(const, types.CodeType):
            h.update(b"<code>")
            _code_digest(h, const)
        else:
            h.update(_const_repr(const).encode())
        h.update(b"\x00")


def _const_repr(const: Any) -> str:
    # Frozenset constants iterate in hash order, which changes with PYTHONHASHSEED.
    if isinstance(const, frozenset):
        return "frozenset(" + repr(sorted(_const_repr(c) for c in const)) + ")"
    if isinstance(const, tuple):
        return "(" + ",".join(_const_repr(c) for c in const) + ")"
    return f"{type(const).__name__}:{const!r}"


_IMMUTABLE_TYPES = (
    type(None), bool, int, float, complex, str, bytes, range, type(Ellipsis),
    decimal.Decimal, fractions.Fraction,
    datetime.date, datetime.time, datetime.timedelta, datetime.timezone,
)


def is_immutable(value: Any, depth: int = 3) -> bool:
    """Return True for values that cannot change: numbers, strings, bytes, dates, tuples of those.

    Examples
    --------
    >>> is_immutable((1, "a")), is_immutable([1])
    (True, False)
    """
    # Subclasses from other modules (numpy.float64, pandas.Timestamp) may carry
    # mutable state: only the standard library's own types count.
    if isinstance(value, _IMMUTABLE_TYPES) and type(value).__module__ in ("builtins", "datetime", "decimal", "fractions"):
        return True
    if type(value) in (tuple, frozenset) and depth > 0 and len(value) <= 64:
        return all(is_immutable(v, depth - 1) for v in value)
    return False


def value_like(value: Any) -> bool:
    """Return True for values a function's result may depend on: immutables, arrays, frames, functions.

    Variables a function closes over, and its default values, count in its key
    only when value-like; a connection, a counter or a list used as a log do
    not, so that their changing state does not turn every call into a miss.

    Examples
    --------
    >>> value_like(3), value_like([3])
    (True, False)
    """
    if is_immutable(value) or isinstance(value, types.FunctionType) or getattr(type(value), "_nbapp_identity", None):
        return True
    np, pd = sys.modules.get("numpy"), sys.modules.get("pandas")
    return (np is not None and isinstance(value, np.ndarray)) or (
        pd is not None and isinstance(value, (pd.DataFrame, pd.Series, pd.Index)))


def closure_digest(func: Callable[..., Any], hash_funcs: Mapping[Any, Callable[[Any], Any]] | None = None,
                   defaults: bool = True) -> bytes:
    """Digest of what a function object adds to its body: value-like closure variables and defaults.

    Parameters
    ----------
    func : function
        A Python function.
    hash_funcs : mapping, optional
        See :func:`digest_value`.
    defaults : bool, default True
        Include default argument values (a cached function's own key already
        has them, bound to their parameter names).

    Returns
    -------
    bytes
        Empty when there is nothing value-like; names starting with ``_`` and
        values that cannot be hashed are skipped.

    Examples
    --------
    >>> def outer(n):
    ...     return lambda x: x * n
    >>> closure_digest(outer(2)) != closure_digest(outer(3))
    True
    """
    named: list[tuple[str, Any]] = []
    code = getattr(func, "__code__", None)
    for name, cell in zip(code.co_freevars if code else (), getattr(func, "__closure__", None) or ()):
        try:
            named.append((name, cell.cell_contents))
        except ValueError:  # not assigned yet
            continue
    if defaults:
        named += [(f"<default{i}>", v) for i, v in enumerate(getattr(func, "__defaults__", None) or ())]
        named += [(f"<kwdefault:{k}>", v) for k, v in sorted((getattr(func, "__kwdefaults__", None) or {}).items())]
    parts = []
    for name, value in named:
        if name.startswith("_") or not value_like(value) or value is func:
            continue
        try:
            parts.append(name.encode() + b"=" + digest_value(value, hash_funcs))
        except Exception:
            continue
    return b"\x00".join(parts)


# --------------------------------------------------------------------------- values the cache returned


class ContentSource:
    """The cache's own frozen copy of a value, with its content digest computed on first need.

    Parameters
    ----------
    master : numpy.ndarray or pandas object
        The read-only value that the cache keeps; returned views share its memory.

    Examples
    --------
    >>> import numpy as np
    >>> src = ContentSource(np.arange(3))
    >>> len(src.digest)
    16
    """

    __slots__ = ("master", "_digest", "__weakref__")

    def __init__(self, master: Any) -> None:
        self.master = master
        self._digest: bytes | None = None

    @property
    def digest(self) -> bytes:
        """The content digest of the master (computed once; two threads may both compute it, harmlessly)."""
        if self._digest is None:
            self._digest = _fresh_digest(self.master)
        return self._digest


class _Known:
    __slots__ = ("ref", "source", "fingerprint")

    def __init__(self, ref: weakref.ref, source: ContentSource, fingerprint: tuple) -> None:
        self.ref = ref
        self.source = source  # a strong reference: see remember()
        self.fingerprint = fingerprint


# id(returned value) -> what it is a view of. Keyed by id because ndarrays and
# DataFrames are unhashable; the weak reference both removes the entry when the
# value dies and guards against id reuse (an entry counts only while
# entry.ref() is the very object being hashed).
_known: dict[int, _Known] = {}
_known_lock = threading.Lock()


def remember(returned: Any, source: ContentSource) -> None:
    """Record that ``returned`` is an immutable view of ``source.master``.

    While ``returned`` lives, hashing it costs a dictionary lookup and a
    fingerprint check instead of a pass over its bytes. The entry also keeps
    ``source.master`` alive: pandas copy-on-write only protects a shallow copy
    while the object it shares memory with is still referenced.

    Parameters
    ----------
    returned : numpy.ndarray or pandas object
        What the cache handed to the caller.
    source : ContentSource
        The frozen master it shares memory with.

    Examples
    --------
    >>> import numpy as np
    >>> master = np.arange(3); master.flags.writeable = False
    >>> view = master.view()
    >>> remember(view, ContentSource(master))
    """
    fingerprint = _fingerprint(returned)
    if fingerprint is None:
        return
    key = id(returned)

    # The map and lock are bound as defaults: at interpreter exit module globals
    # may already be gone when the last callbacks run.
    def _forget(ref: weakref.ref, key: int = key, known: dict = _known, lock: Any = _known_lock) -> None:
        with lock:
            entry = known.get(key)
            if entry is not None and entry.ref is ref:
                del known[key]

    try:
        ref = weakref.ref(returned, _forget)
    except TypeError:
        return
    with _known_lock:
        _known[key] = _Known(ref, source, fingerprint)


def _known_digest(obj: Any) -> bytes | None:
    entry = _known.get(id(obj))
    if entry is None or entry.ref() is not obj:
        return None
    if _fingerprint(obj) != entry.fingerprint:
        return None  # mutated since (a copy-on-write copy made it a different value)
    return entry.source.digest


class _Same:
    """Compares by identity inside a fingerprint tuple (ndarray == would broadcast)."""

    __slots__ = ("obj",)

    def __init__(self, obj: Any) -> None:
        self.obj = obj

    def __eq__(self, other: object) -> bool:
        return isinstance(other, _Same) and other.obj is self.obj

    __hash__ = None  # type: ignore[assignment]


def _fingerprint(obj: Any) -> tuple | None:
    # What would change if the value changed. A read-only ndarray view cannot
    # change its bytes, only its shape, strides or dtype (attribute assignment
    # on the view); a pandas copy-on-write copy replaces its arrays, axes or
    # manager when written to, or changes a name in place.
    np = sys.modules.get("numpy")
    if np is not None and type(obj) in (np.ndarray, np.memmap):
        if obj.flags.writeable:
            return None
        return ("nd", obj.__array_interface__["data"][0], obj.shape, obj.strides, obj.dtype.str)
    pd = sys.modules.get("pandas")
    if pd is None:
        return None
    try:
        if isinstance(obj, pd.DataFrame):
            if obj.attrs:
                return None
            parts: list[Any] = [_Same(obj._mgr)]
            for blk in obj._mgr.blocks:
                parts.extend(_array_parts(blk.values))
            parts += [_Same(obj.columns), _Same(obj.index), tuple(obj.columns.names), tuple(obj.index.names)]
            return ("df", *parts)
        if isinstance(obj, pd.Series):
            if obj.attrs:
                return None
            return ("se", _Same(obj._mgr), *_array_parts(obj._values), _Same(obj.index), tuple(obj.index.names), _Name(obj.name))
        if isinstance(obj, pd.Index):
            return ("ix", _Same(obj), *_array_parts(obj._data), tuple(obj.names))
    except AttributeError:  # pandas internals moved: just hash in full
        return None
    return None


class _Name:
    __slots__ = ("value",)

    def __init__(self, value: Any) -> None:
        self.value = value

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, _Name):
            return False
        try:
            return other.value is self.value or bool(other.value == self.value)
        except Exception:
            return False

    __hash__ = None  # type: ignore[assignment]


_EA_STATE = ("_ndarray", "_data", "_mask", "_codes", "_pa_array", "_dtype")


def _array_parts(values: Any) -> list[Any]:
    return [_Same(values)] + [_Same(getattr(values, a)) for a in _EA_STATE if hasattr(values, a)]


# --------------------------------------------------------------------------- content digests


def _fast_digest(obj: Any) -> bytes | None:
    """Digest of an ndarray or pandas object by content, or None if ``obj`` is neither."""
    np = sys.modules.get("numpy")
    pd = sys.modules.get("pandas")
    is_array = np is not None and type(obj) in (np.ndarray, np.memmap)
    is_pandas = pd is not None and isinstance(obj, (pd.DataFrame, pd.Series, pd.Index))
    if not (is_array or is_pandas):
        return None
    known = _known_digest(obj)
    if known is not None:
        return known
    return _fresh_digest(obj)


def _fresh_digest(obj: Any) -> bytes:
    h = xxhash.xxh3_128()
    np = sys.modules.get("numpy")
    if np is not None and isinstance(obj, np.ndarray):
        _ndarray_into(h, obj)
    else:
        _pandas_into(h, obj)
    return h.digest()


def _ndarray_into(h: Any, arr: Any) -> None:
    np = sys.modules["numpy"]
    dtype = arr.dtype
    h.update(b"nd|" + (repr(dtype.descr) if dtype.fields else dtype.str).encode() + b"|" + repr(arr.shape).encode())
    if dtype.hasobject:
        # Python objects: their pickle is their content (pointers are not).
        h.update(b"O")
        h.update(pickle.dumps(arr, protocol=4))
        return
    if arr.flags.c_contiguous:
        flat, order = arr.reshape(-1), b"C"
    elif arr.flags.f_contiguous:
        flat, order = arr.T.reshape(-1), b"F"
    else:
        flat, order = np.ascontiguousarray(arr).reshape(-1), b"C"
    h.update(order)
    if flat.dtype.itemsize:
        h.update(flat.view(np.uint8))


def _pandas_into(h: Any, obj: Any) -> None:
    pd = sys.modules["pandas"]
    if isinstance(obj, pd.DataFrame):
        h.update(b"DataFrame")
        _index_into(h, obj.columns)
        _index_into(h, obj.index)
        try:
            blocks = obj._mgr.blocks
        except AttributeError:  # internals moved: hash column by column (public API)
            for i in range(obj.shape[1]):
                _arraylike_into(h, obj.iloc[:, i].array)
        else:
            # Block by block: each block's buffer is contiguous, so no gather
            # copy; which columns a block holds is part of the digest.
            for blk in blocks:
                locs = blk.mgr_locs.as_array
                h.update(b"blk|" + repr(locs.shape).encode())
                h.update(locs.astype("<i8").tobytes())
                _arraylike_into(h, blk.values)
    elif isinstance(obj, pd.Series):
        h.update(b"Series|" + _stable_repr(obj.name))
        _index_into(h, obj.index)
        _arraylike_into(h, obj.array)
    else:
        _index_into(h, obj)
    if getattr(obj, "attrs", None):
        h.update(b"attrs|" + bytes.fromhex(_pickle_hash(obj.attrs, None)))


def _index_into(h: Any, idx: Any) -> None:
    pd = sys.modules["pandas"]
    h.update(b"Index|" + type(idx).__name__.encode() + b"|" + _stable_repr(tuple(idx.names)))
    if isinstance(idx, pd.RangeIndex):
        h.update(repr((idx.start, idx.stop, idx.step)).encode())
    elif isinstance(idx, pd.MultiIndex):
        for level, codes in zip(idx.levels, idx.codes):
            _index_into(h, level)
            _ndarray_into(h, codes)
    else:
        freq = getattr(idx, "freqstr", None)
        h.update(b"freq|" + repr(freq).encode())
        _arraylike_into(h, idx.array)


def _arraylike_into(h: Any, values: Any) -> None:
    np = sys.modules["numpy"]
    if isinstance(values, np.ndarray):
        _ndarray_into(h, values)
        return
    pd = sys.modules["pandas"]
    h.update(b"ea|" + type(values).__name__.encode() + b"|" + str(values.dtype).encode())
    pa_array = getattr(values, "_pa_array", None)
    if pa_array is not None:  # pyarrow-backed: hash the Arrow buffers themselves
        for chunk in pa_array.chunks:
            h.update(repr((chunk.offset, len(chunk), chunk.null_count)).encode())
            for buf in chunk.buffers():
                h.update(b"-" if buf is None else b"+")
                if buf is not None:
                    h.update(buf)
    elif isinstance(values, pd.Categorical):
        h.update(b"ordered" if values.ordered else b"unordered")
        _index_into(h, values.categories)
        _ndarray_into(h, values.codes)
    elif hasattr(values, "_data") and hasattr(values, "_mask"):  # nullable Int64, boolean, Float64
        _ndarray_into(h, values._data)
        _ndarray_into(h, values._mask)
    elif hasattr(values, "_ndarray"):  # datetimes, timedeltas, periods, python strings
        _ndarray_into(h, values._ndarray)
    else:  # an extension array we do not know: joblib semantics
        h.update(bytes.fromhex(_pickle_hash(values, None)))


def _stable_repr(value: Any) -> bytes:
    return f"{type(value).__name__}:{value!r}".encode()


# --------------------------------------------------------------------------- generic objects


class _HashFuncError(Exception):
    """A user's hash_funcs function raised: report that, not 'unhashable'."""


def _lookup_hash_func(hash_funcs: Mapping[Any, Callable[[Any], Any]], t: type) -> Callable[[Any], Any] | None:
    # Streamlit's rule (exact type, or its fully qualified name), extended to
    # base classes so that a hash_func for a base covers its subclasses.
    for klass in t.__mro__:
        fn = hash_funcs.get(klass)
        if fn is None:
            fn = hash_funcs.get(type_name(klass))
        if fn is not None:
            return fn
    return None


def _generic_replacement(obj: Any, hash_funcs: Mapping[Any, Callable[[Any], Any]] | None) -> Any:
    """What to hash in place of ``obj`` (a small tuple), or ``obj`` itself for plain pickling."""
    if hash_funcs:
        fn = _lookup_hash_func(hash_funcs, type(obj))
        if fn is not None:
            try:
                return ("nbapp.hash_func", type_name(obj), fn(obj))
            except Exception as exc:
                raise _HashFuncError(exc) from exc
    digest = _fast_digest(obj)
    if digest is not None:
        return ("nbapp.content", digest)
    if isinstance(obj, types.FunctionType):
        ident = function_identity(obj)
        return ("nbapp.function", ident.name, ident.version, closure_digest(obj, hash_funcs))
    if isinstance(obj, type) and obj.__module__ != "builtins":
        # By name, like pickle, but without pickle's check that the class can be
        # imported: classes defined inside functions hash too.
        return ("nbapp.class", obj.__module__, obj.__qualname__)
    if getattr(type(obj), "_nbapp_identity", None) is not None:  # a cached function: hash who it is
        return ("nbapp.identity", obj._nbapp_identity)
    return obj


class _ArgHasherMixin:
    _hash_funcs: Mapping[Any, Callable[[Any], Any]] | None

    def save(self, obj: Any) -> None:  # noqa: D102 - pickler hook
        if self._hash_funcs or type(obj) not in _PLAIN:
            replacement = _generic_replacement(obj, self._hash_funcs)
            if replacement is not obj:
                obj = replacement
        super().save(obj)  # type: ignore[misc]


class _ArgHasher(_ArgHasherMixin, Hasher):
    def __init__(self, hash_funcs: Mapping[Any, Callable[[Any], Any]] | None) -> None:
        Hasher.__init__(self)
        self._hash = xxhash.xxh3_128()  # joblib's semantics, a faster digest than md5
        self._hash_funcs = hash_funcs


class _ArgNumpyHasher(_ArgHasherMixin, NumpyHasher):
    def __init__(self, hash_funcs: Mapping[Any, Callable[[Any], Any]] | None) -> None:
        NumpyHasher.__init__(self)
        self._hash = xxhash.xxh3_128()
        self._hash_funcs = hash_funcs


_PLAIN = frozenset({type(None), bool, int, float, complex, str, bytes, tuple, list, dict, set, frozenset})


def _pickle_hash(obj: Any, hash_funcs: Mapping[Any, Callable[[Any], Any]] | None) -> str:
    hasher = (_ArgNumpyHasher if "numpy" in sys.modules else _ArgHasher)(hash_funcs)
    hasher.hash(obj, return_digest=False)
    return hasher._hash.hexdigest()


_SCALARS: dict[type, Callable[[Any], bytes]] = {
    type(None): lambda v: b"N",
    bool: lambda v: b"b1" if v else b"b0",
    int: lambda v: b"i" + str(v).encode(),
    float: lambda v: b"f" + struct.pack("<d", v),
    str: lambda v: b"s" + v.encode("utf-8", "surrogatepass"),
    bytes: lambda v: b"y" + v,
}


def digest_value(value: Any, hash_funcs: Mapping[Any, Callable[[Any], Any]] | None = None) -> bytes:
    """Return a 16-byte content digest of ``value``, stable across processes.

    Parameters
    ----------
    value : object
        Anything picklable; numpy arrays and pandas objects are hashed from
        their buffers (whole content) and values the cache returned cost O(1).
    hash_funcs : mapping, optional
        ``{type or 'module.TypeName': function}``: hash ``function(obj)``
        instead of an object of that type (searched through base classes).

    Returns
    -------
    bytes
        16 bytes (xxh3-128).

    Raises
    ------
    Exception
        Whatever pickling raised when ``value`` cannot be hashed.

    Examples
    --------
    >>> digest_value([1, 2]) == digest_value([1, 2])
    True
    >>> digest_value(1) == digest_value(1.0)
    False
    """
    t = type(value)
    encode = _SCALARS.get(t)
    if encode is not None and not (hash_funcs and _lookup_hash_func(hash_funcs, t)):
        return xxhash.xxh3_128(encode(value)).digest()
    if not hash_funcs:
        fast = _fast_digest(value)
        if fast is not None:
            return fast
    return b"P" + bytes.fromhex(_pickle_hash(value, hash_funcs))[:15]


def hash_arguments(
    func_name: str,
    arguments: Mapping[str, Any],
    hash_funcs: Mapping[Any, Callable[[Any], Any]] | None = None,
) -> str:
    """Return the hex key of one call from its named arguments.

    Parameters
    ----------
    func_name : str
        Shown in the error message, e.g. ``'load_data'``.
    arguments : mapping
        Parameter name -> value, after binding and defaults; names starting
        with ``_`` must already be left out.
    hash_funcs : mapping, optional
        See :func:`digest_value`.

    Returns
    -------
    str
        32 hex digits.

    Raises
    ------
    UnhashableParamError
        When an argument cannot be hashed; the message names the function, the
        argument and its type, and says how to fix it.

    Examples
    --------
    >>> hash_arguments("f", {"x": 1}) == hash_arguments("f", {"x": 1})
    True
    """
    h = xxhash.xxh3_128()
    for name, value in arguments.items():
        try:
            digest = digest_value(value, hash_funcs)
        except _HashFuncError as exc:
            cause = exc.__cause__
            raise UnhashableParamError(
                f"The hash_funcs function for {type_name(value)} raised while hashing argument "
                f"'{name}' of '{func_name}()': {type(cause).__name__}: {cause}"
            ) from cause
        except Exception as exc:
            raise UnhashableParamError(_unhashable_message(func_name, name, value, exc)) from exc
        h.update(name.encode() + b"=")
        h.update(digest)
    return h.hexdigest()


def _unhashable_message(func_name: str, name: str, value: Any, exc: Exception) -> str:
    shown = name.lstrip("*")
    reason = exc.args[0] if isinstance(exc, pickle.PicklingError) and exc.args else exc
    return (
        f"Cannot hash argument '{shown}' (of type {type_name(value)}) in '{func_name}()': "
        f"{type(exc).__name__}: {reason}.\n"
        f"To fix this, either leave it out of the cache key by renaming the parameter to "
        f"'_{shown}' (def {func_name.rsplit('.', 1)[-1]}(..., _{shown}, ...)), or tell the cache how to hash it: "
        f"@cache_data(hash_funcs={{{type_name(value)}: lambda obj: <something hashable>}})."
    )
