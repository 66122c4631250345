"""Caching for nbapp: ``cache_data`` (immutable results, memory + disk) and ``cache_resource`` (shared objects).

See :data:`cache_data` for the rules (keys, immutability, where the disk store
lives) and :data:`cache_resource` for shared objects.
"""
from __future__ import annotations

from nbapp.caching.api import CachedFunction, cache, cache_data, cache_resource
from nbapp.caching.caches import clear_everything as _clear_everything
from nbapp.caching.errors import (
    CacheError,
    CacheOptionError,
    CacheWarning,
    UnhashableParamError,
    UnserializableReturnValueError,
)
from nbapp.caching.storage import ENV_VAR, default_cache_dir

__all__ = [
    "cache_data",
    "cache_resource",
    "cache",
    "clear_all",
    "default_cache_dir",
    "ENV_VAR",
    "CachedFunction",
    "CacheError",
    "CacheOptionError",
    "CacheWarning",
    "UnhashableParamError",
    "UnserializableReturnValueError",
]


def clear_all(cache_dir: str | None = None) -> None:
    """Clear every cache: ``cache_data`` and ``cache_resource`` in this process, and the disk store.

    Works in a fresh process too (``nbapp cache clear``): the disk store in the
    default folder (or ``cache_dir``) is removed whether or not this process
    has used it.

    Parameters
    ----------
    cache_dir : str, optional
        Also clear this disk folder (the default folder is always cleared).

    Examples
    --------
    >>> from nbapp.caching import clear_all
    >>> clear_all()
    """
    _clear_everything(cache_dir)
