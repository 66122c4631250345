"""The decorators: ``st.cache_data``, ``st.cache_resource`` and the deprecated ``st.cache``.

Each is a thin layer: validate the options, wrap the function in a
:class:`CachedFunction` that computes the call's key, and hand the call to the
function's cache (:mod:`nbapp.caching.caches`).
"""
from __future__ import annotations

import contextlib
import datetime
import functools
import inspect
import math
import os
import pickle
import warnings
from typing import Any, Callable, Mapping

from nbapp.caching.caches import clear_kind, data_cache, resource_cache
from nbapp.caching.errors import CacheOptionError
from nbapp.caching.hashing import closure_digest, function_identity, hash_arguments
from nbapp.caching.remote import is_url
from nbapp.runtime.context import get_run_context

__all__ = ["cache_data", "cache_resource", "cache", "CachedFunction"]

# Marks a cache_data value stored with the elements its function drew: (_WITH_ELEMENTS, value, elements).
_WITH_ELEMENTS = "\x00nbapp:with-elements:1"


# --------------------------------------------------------------------------- options


def _ttl_seconds(decorator: str, ttl: Any) -> float | None:
    if ttl is None:
        return None
    seconds: float | None = None
    if isinstance(ttl, datetime.timedelta):
        seconds = ttl.total_seconds()
    elif isinstance(ttl, (int, float)) and not isinstance(ttl, bool):
        seconds = float(ttl)
    elif isinstance(ttl, str):
        try:
            import pandas as pd  # Streamlit's parser for '1h', '30m', '2 days'

            seconds = pd.Timedelta(ttl).total_seconds()
        except (ValueError, TypeError):
            seconds = None
    if seconds is None or math.isnan(seconds) or seconds <= 0:
        raise CacheOptionError(
            f"{decorator}(ttl={ttl!r}): ttl must be a positive number of seconds, a datetime.timedelta "
            f"or a duration string such as '30m' or '1h' (or None to keep entries until they are "
            f"cleared); got {ttl!r}."
        )
    return None if math.isinf(seconds) else seconds


def _max_entries(decorator: str, max_entries: Any) -> int | None:
    if max_entries is None:
        return None
    if isinstance(max_entries, bool) or not isinstance(max_entries, int) or max_entries < 1:
        raise CacheOptionError(
            f"{decorator}(max_entries={max_entries!r}): max_entries must be a positive integer "
            f"(or None for no limit); got {max_entries!r}."
        )
    return max_entries


def _show_spinner(decorator: str, show_spinner: Any, show_time: Any) -> tuple[bool | str, bool]:
    if not isinstance(show_spinner, (bool, str)):
        raise CacheOptionError(
            f"{decorator}(show_spinner={show_spinner!r}): show_spinner must be True, False or the "
            f"text to show; got {show_spinner!r}."
        )
    if not isinstance(show_time, bool):
        raise CacheOptionError(f"{decorator}(show_time={show_time!r}): show_time must be True or False; got {show_time!r}.")
    return show_spinner, show_time


def _persist(persist: Any) -> bool:
    if persist in ("disk", True):
        return True
    if persist in (None, False):
        return False
    raise CacheOptionError(
        f"cache_data(persist={persist!r}): persist must be 'disk' (the default: entries survive "
        f"kernel restarts and are shared by your kernels) or False/None (this process's memory "
        f"only); got {persist!r}."
    )


def _hash_funcs(decorator: str, hash_funcs: Any) -> dict[Any, Callable[[Any], Any]] | None:
    if hash_funcs is None:
        return None
    if not isinstance(hash_funcs, Mapping) or not all(
        isinstance(k, (type, str)) and callable(v) for k, v in hash_funcs.items()
    ):
        raise CacheOptionError(
            f"{decorator}(hash_funcs={hash_funcs!r}): hash_funcs must map types (or their fully "
            f"qualified names, e.g. 'mymodule.MyClass') to functions, e.g. "
            f"{{MyClass: lambda obj: obj.id}}."
        )
    return dict(hash_funcs) or None


def _cache_dir(cache_dir: Any) -> str | None:
    if cache_dir is None:
        return None
    if not isinstance(cache_dir, (str, os.PathLike)):
        raise CacheOptionError(f"cache_data(cache_dir={cache_dir!r}): cache_dir must be a folder path; got {cache_dir!r}.")
    folder = os.fspath(cache_dir)
    return folder if is_url(folder) else os.path.abspath(os.path.expanduser(folder))


def _check_func(decorator: str, func: Any) -> None:
    if not callable(func):
        raise CacheOptionError(
            f"{decorator}() got {func!r} where a function was expected: pass options as keywords, "
            f"e.g. @{decorator}(ttl=60), or use @{decorator} on a function."
        )


# --------------------------------------------------------------------------- the wrapper


class CachedFunction:
    """A function whose results are cached; call it like the function.

    Also a descriptor, so that decorating a method works (``self`` is part of
    the key unless the parameter is named ``_self``).
    """

    def __init__(self, func: Callable[..., Any], kind: str, cache: Any, hash_funcs: dict | None,
                 show_spinner: bool | str, show_time: bool = False) -> None:
        functools.update_wrapper(self, func)
        self._func = func
        self._cache = cache
        self._hash_funcs = hash_funcs
        self._show_spinner = show_spinner
        self._show_time = show_time
        self._kind = kind
        self._name = getattr(func, "__qualname__", getattr(func, "__name__", repr(func)))
        try:
            self._signature: inspect.Signature | None = inspect.signature(func)
        except (TypeError, ValueError):
            self._signature = None
        self._drawn: dict[str, list] = {}  # key -> elements drawn on its miss, when not stored with the value
        code = getattr(func, "__code__", None)
        self._free_names = code.co_freevars if code is not None else ()

    @property
    def _nbapp_identity(self) -> str:
        # How a cached function is hashed when it is an argument or a closure value.
        return f"{self._kind}:{self._cache.identity.key}"

    def __repr__(self) -> str:
        return f"<cached function {self._name} ({self._kind})>"

    def __get__(self, instance: Any, owner: type | None = None) -> Any:
        if instance is None:
            return self
        return _BoundCachedFunction(self, instance)

    def __call__(self, *args: Any, **kwargs: Any) -> Any:
        key = self._key(args, kwargs)
        if key is None:  # the arguments do not fit the signature: let the function say so
            return self._func(*args, **kwargs)
        ctx = get_run_context()
        if ctx is None:
            return self._cache.get_or_compute(key, lambda: self._compute(args, kwargs), self._name)
        missed = False

        def compute() -> Any:
            nonlocal missed
            missed = True
            return self._with_elements(key, *self._compute_drawing(ctx, args, kwargs))

        value, drawn = self._without_elements(key, self._cache.get_or_compute(key, compute, self._name))
        if not missed:
            ctx.replay(drawn)  # as Streamlit: a hit draws what the function drew when it ran
        return value

    def _compute_drawing(self, ctx: Any, args: tuple, kwargs: dict) -> tuple[Any, list]:
        """Run the function, recording the elements it draws; return its value and them."""
        with self._spinner(), ctx.recording() as drawn:
            value = self._func(*args, **kwargs)
        return value, drawn

    def _with_elements(self, key: str, value: Any, drawn: list) -> Any:
        """What the cache stores for a value the function returned after drawing ``drawn``.

        cache_data keeps the elements with the value (on disk too, so they survive a kernel
        restart), in a tuple so arrays inside stay zero-copy; cache_resource's objects live
        in this process, and so do their elements.
        """
        if self._kind == "cache_resource":
            self._drawn[key] = drawn
            return value
        if drawn and _picklable(drawn):
            return (_WITH_ELEMENTS, value, tuple(drawn))
        self._drawn[key] = drawn
        return value

    def _without_elements(self, key: str, stored: Any) -> tuple[Any, list]:
        if type(stored) is tuple and len(stored) == 3 and stored[0] == _WITH_ELEMENTS:
            return stored[1], list(stored[2])
        return stored, self._drawn.get(key, [])

    def clear(self, *args: Any, **kwargs: Any) -> None:
        """Forget this function's cached results: all of them, or only those of the given arguments.

        Examples
        --------
        >>> from nbapp.caching import cache_data
        >>> @cache_data(persist=False)
        ... def square(x):
        ...     return x * x
        >>> square(3)
        9
        >>> square.clear(3)   # just square(3)
        >>> square.clear()    # everything
        """
        if args or kwargs:
            key = self._key(args, kwargs)
            if key is not None:
                self._cache.clear(key)
        else:
            self._cache.clear()

    def _key(self, args: tuple, kwargs: dict) -> str | None:
        arguments: dict[str, Any] = {}
        if self._signature is None:
            arguments = {f"arg{i}": a for i, a in enumerate(args)}
            arguments.update({k: v for k, v in kwargs.items() if not k.startswith("_")})
        else:
            try:
                bound = self._signature.bind(*args, **kwargs)
            except TypeError:
                return None
            bound.apply_defaults()
            for name, value in bound.arguments.items():
                if name.startswith("_"):
                    continue  # Streamlit's rule: a leading underscore leaves it out of the key
                if self._signature.parameters[name].kind is inspect.Parameter.VAR_KEYWORD:
                    value = {k: v for k, v in value.items() if not k.startswith("_")}
                arguments[name] = value
        if self._free_names:
            # A nested function also depends on what it closes over; Streamlit
            # ignores that and can return a value computed for another call of
            # the outer function.
            arguments["<closure>"] = closure_digest(self._func, self._hash_funcs, defaults=False)
        return hash_arguments(self._name, arguments, self._hash_funcs)

    def _compute(self, args: tuple, kwargs: dict) -> Any:
        with self._spinner():
            return self._func(*args, **kwargs)

    def _spinner(self) -> contextlib.AbstractContextManager:
        """Inside an app run, the spinner shown while a miss computes (``show_spinner``); else nothing."""
        if not self._show_spinner or get_run_context() is None:
            return contextlib.nullcontext()
        name = getattr(self._func, "__name__", self._name)
        text = self._show_spinner if isinstance(self._show_spinner, str) else f"Running `{name}(...)`."
        return _app_spinner(text, self._show_time)


class _BoundCachedFunction:
    """``instance.method`` for a cached method: the instance goes first, ``clear`` still works."""

    def __init__(self, cached: CachedFunction, instance: Any) -> None:
        self._cached = cached
        self._instance = instance
        functools.update_wrapper(self, cached._func)

    def __call__(self, *args: Any, **kwargs: Any) -> Any:
        return self._cached(self._instance, *args, **kwargs)

    def clear(self, *args: Any, **kwargs: Any) -> None:
        """Forget the method's cached results: all of them, or those of this instance and arguments."""
        if args or kwargs:
            self._cached.clear(self._instance, *args, **kwargs)
        else:
            self._cached.clear()


def _app_spinner(text: str, show_time: bool) -> contextlib.AbstractContextManager:
    # Imported on first use, not for a cycle: nbapp.caching stays importable (and light) without
    # the element layer, which only an app run needs.
    from nbapp.delta_generator import DeltaGenerator

    return DeltaGenerator(root="main").spinner(text, show_time=show_time)


def _accepted(decorator: str, scope: Any, refresh_mode: Any) -> None:
    """Check Streamlit 1.67's ``scope`` and ``refresh_mode``; raise CacheOptionError naming a bad value.

    They are accepted so Streamlit scripts run unchanged; nbapp keeps one cache per kernel (a
    served page has its own kernel) and recomputes in the foreground, whatever they say. So are
    ``max_size`` and ``on_release``, which nbapp does not act on yet.
    """
    if scope not in ("global", "session"):
        raise CacheOptionError(f"{decorator}(scope={scope!r}): scope must be 'global' or 'session'.")
    if refresh_mode not in ("foreground", "background"):
        raise CacheOptionError(f"{decorator}(refresh_mode={refresh_mode!r}): refresh_mode must be "
                               f"'foreground' or 'background'.")


def _picklable(value: Any) -> bool:
    try:
        pickle.dumps(value)
    except Exception:  # anything a pickler raises: the elements then stay in memory only
        return False
    return True


# --------------------------------------------------------------------------- decorators


class _CacheAPI:
    """What the two decorators share: decorating and clearing; ``kind`` says which caches."""

    kind = ""

    def _decorator(self, func: Callable[..., Any] | None, hash_funcs: dict | None,
                   spinner: tuple[bool | str, bool], make_cache: Callable[[Any], Any]) -> Any:
        def decorate(f: Callable[..., Any]) -> CachedFunction:
            _check_func(f"cache_{self.kind}", f)
            return CachedFunction(f, self.kind, make_cache(function_identity(f)), hash_funcs, *spinner)

        return decorate if func is None else decorate(func)

    def clear(self) -> None:
        """Forget every entry of this kind (for ``cache_data`` also on disk).

        Examples
        --------
        >>> import nbapp as st
        >>> st.cache_data.clear()
        >>> st.cache_resource.clear()
        """
        clear_kind(self.kind)

    def __repr__(self) -> str:
        return f"<nbapp.cache_{self.kind}>"


class _CacheDataAPI(_CacheAPI):
    """Cache what a function returns, keyed by its arguments, in memory and on disk.

    Use as ``@st.cache_data`` or ``@st.cache_data(ttl=..., ...)``.

    The key is the function's identity (module + qualified name), its compiled
    body (editing the body starts afresh; comments do not count) and its
    arguments, hashed by content: numpy arrays and pandas objects in full with
    xxh3, everything else as ``joblib.hash`` does. Parameters whose name starts
    with ``_`` are left out of the key. Variables that a nested function closes
    over count when they hold plain values (numbers, strings, arrays, frames,
    functions); other objects are ignored, as Streamlit ignores them all. A
    function defined again in a re-executed cell, or after a kernel restart,
    finds its old entries.

    Results are kept in this process's memory and, by default, on disk with
    ``joblib`` so that they survive kernel restarts and are shared by all your
    kernels. The folder: ``cache_dir=``, else ``$NBAPP_CACHE_DIR``, else
    ``$XDG_CACHE_HOME/nbapp`` or ``~/.cache/nbapp``; it is created with mode
    0700 (entries are pickles: a folder other users can write to is not
    used). Each entry carries a checksum: a truncated or corrupt one is
    recomputed with a warning, never loaded; an unwritable or full folder
    turns disk writes off with one warning.

    **Hits are immutable, without copying big data.** Mutating what a call
    returned never changes the cache:

    * numpy arrays come back as read-only views (zero copy; ``.copy()`` for a
      writable one). With the disk store, arrays of 1 MB and more are
      memory-mapped from their entry, read-only (no copy in this process's
      memory; kernels share the pages). Otherwise the view is of the cache's
      own copy, which setting ``arr.base.flags.writeable = True`` by hand
      would expose;
    * pandas DataFrames, Series and Indexes come back as copy-on-write shallow
      copies (pandas >= 3; a deep copy with older pandas): change them freely;
    * arrays and frames inside plain tuples, lists and dicts are treated the same;
    * immutable scalars are returned as they are;
    * anything else comes back as a fresh copy (unpickled on every hit). To
      share one object instead (a model, a connection), use ``cache_resource``.

    Parameters
    ----------
    func : callable, optional
        The function (when used as ``@cache_data`` without parentheses).
    ttl : float, datetime.timedelta or str, optional
        Seconds (or a duration like ``'1h'``) an entry stays valid.
    max_entries : int, optional
        Keep at most this many entries (least recently used go first in
        memory; oldest writes on disk).
    show_spinner : bool or str, default True
        Inside an app run, show a spinner while a miss computes; a string is
        its text.
    show_time : bool, default False
        Show the seconds elapsed next to the spinner.
    persist : {'disk', False}, default 'disk'
        ``False`` (or ``None``) keeps entries in this process's memory only.
    hash_funcs : dict, optional
        ``{type or 'module.TypeName': function}``: for arguments of that type,
        hash ``function(argument)`` instead.
    cache_dir : str or path, optional
        The disk folder for this function's entries.

    Returns
    -------
    CachedFunction
        Call it like the function; ``f.clear()`` forgets its entries.

    Raises
    ------
    CacheOptionError
        For a bad option value (the message names it).
    UnhashableParamError
        At call time, for an argument that cannot be hashed.
    UnserializableReturnValueError
        At call time, when the result cannot be pickled.

    Examples
    --------
    >>> import nbapp as st
    >>> @st.cache_data(ttl="1h")
    ... def load(path):
    ...     return pd.read_csv(path)
    >>> df = load("data.csv")      # computed, then stored
    >>> df = load("data.csv")      # a hit: a copy-on-write view, no disk access
    >>> st.cache_data.clear()      # forget every cache_data entry
    """

    kind = "data"

    def __call__(self, func: Callable[..., Any] | None = None, *, ttl: Any = None, max_entries: Any = None,
                 max_size: Any = None, show_spinner: Any = True, show_time: Any = False, persist: Any = "disk",
                 hash_funcs: Any = None, scope: Any = "global", refresh_mode: Any = "foreground",
                 cache_dir: Any = None) -> Any:
        _accepted("cache_data", scope, refresh_mode)
        seconds = _ttl_seconds("cache_data", ttl)
        limit = _max_entries("cache_data", max_entries)
        on_disk = _persist(persist)
        folder = _cache_dir(cache_dir)
        return self._decorator(func, _hash_funcs("cache_data", hash_funcs),
                               _show_spinner("cache_data", show_spinner, show_time),
                               lambda identity: data_cache(identity, seconds, limit, on_disk, folder))


class _CacheResourceAPI(_CacheAPI):
    """Cache one shared object per arguments, in this process (models, connections, GPU tensors).

    Use as ``@st.cache_resource`` or ``@st.cache_resource(ttl=..., ...)``.
    Every call with the same arguments returns the very same object, never a
    copy, so mutations are seen by every caller (it is yours to make it
    thread-safe). Concurrent first calls from several threads compute it once.
    The key is built as for ``cache_data``.

    Parameters
    ----------
    func : callable, optional
        The function (when used without parentheses).
    ttl : float, datetime.timedelta or str, optional
        Seconds (or a duration like ``'1h'``) an object stays cached.
    max_entries : int, optional
        Keep at most this many objects (least recently used go first).
    show_spinner : bool or str, default True
        Inside an app run, show a spinner while a miss computes.
    show_time : bool, default False
        Show the seconds elapsed next to the spinner.
    validate : callable, optional
        Called with the cached object on every hit; if it returns False the
        object is dropped and created again (e.g. a closed connection).
    hash_funcs : dict, optional
        As for ``cache_data``.

    Returns
    -------
    CachedFunction
        Call it like the function; ``f.clear()`` forgets its objects.

    Raises
    ------
    CacheOptionError
        For a bad option value.

    Examples
    --------
    >>> import nbapp as st
    >>> @st.cache_resource(validate=lambda conn: conn.is_open())
    ... def connect(url):
    ...     return open_connection(url)
    >>> connect("db://x") is connect("db://x")
    True
    """

    kind = "resource"

    def __call__(self, func: Callable[..., Any] | None = None, *, ttl: Any = None, max_entries: Any = None,
                 show_spinner: Any = True, show_time: Any = False, validate: Any = None,
                 hash_funcs: Any = None, on_release: Any = None, scope: Any = "global",
                 refresh_mode: Any = "foreground") -> Any:
        _accepted("cache_resource", scope, refresh_mode)
        if validate is not None and not callable(validate):
            raise CacheOptionError(
                f"cache_resource(validate={validate!r}): validate must be a function that takes the "
                f"cached object and returns True to keep it; got {validate!r}."
            )
        seconds = _ttl_seconds("cache_resource", ttl)
        limit = _max_entries("cache_resource", max_entries)
        return self._decorator(func, _hash_funcs("cache_resource", hash_funcs),
                               _show_spinner("cache_resource", show_spinner, show_time),
                               lambda identity: resource_cache(identity, seconds, limit, validate))


cache_data = _CacheDataAPI()
cache_resource = _CacheResourceAPI()


def cache(func: Callable[..., Any] | None = None, *, persist: Any = "disk", allow_output_mutation: bool = False,
          show_spinner: Any = True, suppress_st_warning: bool = False, hash_funcs: Any = None,
          max_entries: Any = None, ttl: Any = None) -> Any:
    """Deprecated: the seed's ``st.cache``. Works as :data:`cache_data` and warns.

    Use ``st.cache_data`` for data (what it returns is copied or made
    read-only) or ``st.cache_resource`` for shared objects. As in Streamlit's
    migration guide, ``allow_output_mutation=True`` means ``cache_resource``.

    Parameters
    ----------
    func : callable, optional
        The function (when used without parentheses).
    persist, show_spinner, hash_funcs, max_entries, ttl
        As for ``cache_data``.
    allow_output_mutation : bool, default False
        True: behave as ``cache_resource`` (one shared, mutable object).
    suppress_st_warning : bool
        Accepted and ignored (Streamlit's old option).

    Returns
    -------
    CachedFunction
        As ``cache_data`` (or ``cache_resource``) would.

    Examples
    --------
    >>> import nbapp as st
    >>> @st.cache   # DeprecationWarning: use st.cache_data or st.cache_resource
    ... def load():
    ...     return 42
    """
    warnings.warn(
        "st.cache is deprecated: use st.cache_data to cache data (what a call returns comes back "
        "immutable or as a fresh copy) or st.cache_resource to share one object such as a model or "
        "a connection.",
        DeprecationWarning,
        stacklevel=2,
    )
    if allow_output_mutation:
        decorator = cache_resource(show_spinner=show_spinner, hash_funcs=hash_funcs,
                                   max_entries=max_entries, ttl=ttl)
    else:
        decorator = cache_data(persist=persist, show_spinner=show_spinner, hash_funcs=hash_funcs,
                               max_entries=max_entries, ttl=ttl)
    return decorator if func is None else decorator(func)
