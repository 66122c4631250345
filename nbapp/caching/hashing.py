"""Cache keys: a stable identity for functions, and content hashes of arguments that are fast on big data.

Three kinds of hashing meet here:

* **Function identity** (:func:`function_identity`): module + qualified name + a
  digest of the compiled body. It never looks at the file a function came from,
  so a function defined in a re-executed notebook cell, or after a kernel
  restart, finds its old entries (plain ``joblib.Memory`` keys notebook
  functions by the cell's temporary file and loses them).
* **Big data** (numpy arrays, pandas objects): xxh3-128 over the raw buffers,
  covering the whole content (no sampling), at memory speed
  (:mod:`nbapp.caching.content`).
* **Everything else**: ``joblib.hash`` semantics (a pickle-based hash that
  orders dicts and sets), through a joblib ``Hasher`` subclass that hands the
  big-data cases above to the fast path wherever they sit inside an argument.

Values that the cache itself returned are immutable, so their content hash is
computed once and remembered (:func:`nbapp.caching.content.remember`); passing a
cached DataFrame to the next cached function of a pipeline costs microseconds,
not a pass over its bytes.
"""
from __future__ import annotations

import datetime
import decimal
import fractions
import pickle
import struct
import sys
import types
import weakref
from dataclasses import dataclass
from typing import Any, Callable, Mapping

import xxhash
from joblib.hashing import Hasher, NumpyHasher

from nbapp.caching.content import fast_digest
from nbapp.caching.errors import UnhashableParamError

__all__ = [
    "FunctionIdentity",
    "function_identity",
    "digest_value",
    "hash_arguments",
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
    digest = fast_digest(obj)
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
        fast = fast_digest(value)
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
