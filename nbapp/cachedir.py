"""Where ``st.cache_data``'s disk store lives: ``NBAPP_CACHE_DIR``, else the user's cache folder.

Standard library only: the ``nbapp run`` server sets the folder for the kernels it starts
(``--cache-dir``) without importing the caching machinery (joblib, numpy), which only
kernels use (:mod:`nbapp.caching.storage`).
"""
from __future__ import annotations

import os

__all__ = ["ENV_VAR", "use_cache_dir", "default_cache_dir", "is_url"]

ENV_VAR = "NBAPP_CACHE_DIR"


def is_url(location: str) -> bool:
    """True when ``location`` names object storage (``s3://...``) rather than a folder.

    Examples
    --------
    >>> is_url("s3://bucket/cache"), is_url("/mnt/cache"), is_url("file:///mnt/cache")
    (True, False, False)
    """
    protocol, sep, _ = location.partition("://")
    return bool(sep) and protocol.isidentifier() and protocol.lower() not in ("file", "local")


def use_cache_dir(location: str) -> str:
    """Make ``location`` (a folder, ``~`` expanded and made absolute, or an object storage URL) the
    default cache location of this process and the kernels it starts; returns it as set.

    Examples
    --------
    >>> use_cache_dir("s3://team-bucket/nbapp")
    's3://team-bucket/nbapp'
    """
    os.environ[ENV_VAR] = location if is_url(location) else os.path.abspath(os.path.expanduser(location))
    return os.environ[ENV_VAR]


def default_cache_dir() -> str:
    """Return the disk cache folder used when ``cache_data`` gets no ``cache_dir``.

    Returns
    -------
    str
        ``$NBAPP_CACHE_DIR`` if set, else ``$XDG_CACHE_HOME/nbapp``, else
        ``~/.cache/nbapp`` (``%LOCALAPPDATA%\\nbapp\\Cache`` on Windows).

    Examples
    --------
    >>> import os
    >>> os.environ["NBAPP_CACHE_DIR"] = "/tmp/my-nbapp-cache"
    >>> default_cache_dir()
    '/tmp/my-nbapp-cache'
    """
    configured = os.environ.get(ENV_VAR)
    if configured and is_url(configured):  # object storage (s3://...): see nbapp.caching.remote
        return configured
    if configured:
        return os.path.abspath(os.path.expanduser(configured))
    if os.name == "nt" and os.environ.get("LOCALAPPDATA"):
        return os.path.join(os.environ["LOCALAPPDATA"], "nbapp", "Cache")
    xdg = os.environ.get("XDG_CACHE_HOME")
    base = xdg if xdg and os.path.isabs(xdg) else os.path.join(os.path.expanduser("~"), ".cache")
    return os.path.join(base, "nbapp")
