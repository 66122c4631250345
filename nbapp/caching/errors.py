"""Errors and warnings of the cache: what went wrong with a cached call, and how to fix it."""
from __future__ import annotations

from nbapp.errors import NbappAPIError


class CacheError(NbappAPIError):
    """Base class of the cache's user-facing errors."""


class CacheOptionError(CacheError, ValueError):
    """A decorator option such as ``ttl`` or ``max_entries`` has a bad value."""


class UnhashableParamError(CacheError, TypeError):
    """An argument of a cached function cannot be hashed into the cache key."""


class UnserializableReturnValueError(CacheError, TypeError):
    """``cache_data`` cannot store what the function returned (it cannot be pickled)."""


class CacheWarning(UserWarning):
    """The cache fell back to something slower (recomputing, memory only) instead of failing."""
