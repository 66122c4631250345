"""``st.connection``: named connections to data stores, configured by arguments and ``[connections.NAME]`` secrets.

``st.connection("sql")`` (or any name with ``type="sql"``) returns a :class:`SQLConnection` over
SQLAlchemy, which is imported only then (``pip install sqlalchemy``). Connections are made
once per name, type and arguments, and again when their secrets change or ``ttl`` passes.
"""
from __future__ import annotations

import importlib
import threading
import time
from datetime import timedelta
from typing import Any

from nbapp.connections.base import BaseConnection
from nbapp.connections.sql import SQLConnection
from nbapp.errors import NbappAPIError, describe

__all__ = ["BaseConnection", "SQLConnection", "connection_factory"]

_TYPES: dict[str, type[BaseConnection]] = {"sql": SQLConnection}
_made: dict[tuple, tuple[float, BaseConnection]] = {}
_lock = threading.Lock()


def connection_factory(name: str, type: Any = None, max_entries: int | None = None,
                       ttl: float | timedelta | None = None, **kwargs: Any) -> BaseConnection:
    """Return the connection named ``name`` (made on first use, then reused).

    ``type`` is "sql", a BaseConnection subclass or its import path ("module.Class"); when
    None it comes from ``[connections.NAME] type = ...`` in secrets, and ``name="sql"`` means
    "sql". Other keyword arguments (``url=...``, ``dialect=...``) configure it and win over the
    secrets. ``ttl`` (seconds) makes it again after that long. Raises NbappAPIError for a
    missing or unknown type, and for a configuration the connection cannot use.

    Examples
    --------
    >>> conn = st.connection("sql", url="sqlite:///shop.db")
    >>> df = conn.query("select * from orders where total > :least", params={"least": 10}, ttl=600)
    """
    if not isinstance(name, str) or not name:
        raise NbappAPIError(f"st.connection(): name must be a non-empty string, got {describe(name)}.")
    cls = _connection_class(name, type)
    seconds = ttl.total_seconds() if isinstance(ttl, timedelta) else ttl
    from nbapp.secrets import secrets

    section = _section(secrets, name)
    key = (name, cls, repr(sorted(kwargs.items(), key=lambda kv: kv[0])), repr(section))
    with _lock:
        made = _made.get(key)
        if made is not None and (seconds is None or time.monotonic() - made[0] < seconds):
            return made[1]
        connection = cls(name, **kwargs)
        _made[key] = (time.monotonic(), connection)
        if max_entries:
            for old in [k for k in _made if k[:2] == key[:2] and k != key][: max(0, len(_made) - max_entries)]:
                del _made[old]
        return connection


def _connection_class(name: str, type: Any) -> type[BaseConnection]:
    if type is None:
        from nbapp.secrets import secrets

        type = _section(secrets, name).get("type") or (name if name in _TYPES else None)
        if type is None:
            raise NbappAPIError(
                f"st.connection({name!r}): no connection type. Pass one, e.g. st.connection({name!r}, type='sql'), "
                f"or set `type = \"sql\"` under [connections.{name}] in .streamlit/secrets.toml.")
    if isinstance(type, str):
        if type in _TYPES:
            return _TYPES[type]
        module, _, attr = type.rpartition(".")
        try:
            type = getattr(importlib.import_module(module), attr) if module else None
        except (ImportError, AttributeError):
            type = None
        if type is None:
            raise NbappAPIError(f"st.connection({name!r}): unknown type; use 'sql', a BaseConnection subclass "
                                f"or its import path ('package.module.Class').")
    if not (isinstance(type, builtins_type) and issubclass(type, BaseConnection)):
        raise NbappAPIError(f"st.connection({name!r}): type must be 'sql' or a subclass of "
                            f"st.connections.BaseConnection, got {describe(type)}.")
    return type


def _section(secrets: Any, name: str) -> dict[str, Any]:
    if not secrets.load_if_toml_exists():
        return {}
    connections = secrets.get("connections")
    section = connections.get(name) if connections is not None else None
    return section.to_dict() if section is not None else {}


builtins_type = type
