"""The base of every connection: its name, its secrets section, and the underlying resource made on demand."""
from __future__ import annotations

import threading
from typing import Any

from nbapp.secrets import AttrDict, secrets


class BaseConnection:
    """A named connection. Subclasses implement ``_connect(**kwargs)`` returning the underlying object
    (called when the connection is made, so a bad configuration raises from ``st.connection``).

    ``self._secrets`` is the ``[connections.NAME]`` table of the secrets; ``reset()`` drops the
    underlying object so the next use makes it again.
    """

    def __init__(self, connection_name: str, **kwargs: Any) -> None:
        self._connection_name = connection_name
        self._kwargs = kwargs
        self._lock = threading.Lock()
        self._raw: Any = self._connect(**kwargs)  # at once, as Streamlit does: bad configuration fails here

    @property
    def _secrets(self) -> AttrDict:
        if not secrets.load_if_toml_exists():
            return AttrDict({}, f"st.secrets.connections.{self._connection_name}")
        connections = secrets.get("connections")
        section = connections.get(self._connection_name) if connections is not None else None
        return section if section is not None else AttrDict({}, f"st.secrets.connections.{self._connection_name}")

    @property
    def _instance(self) -> Any:
        with self._lock:
            if self._raw is None:
                self._raw = self._connect(**self._kwargs)
            return self._raw

    def _connect(self, **kwargs: Any) -> Any:
        raise NotImplementedError

    def reset(self) -> None:
        """Drop the underlying connection; the next use makes a new one. Returns None."""
        with self._lock:
            self._raw = None

    def __repr__(self) -> str:
        return f"<{type(self).__name__} {self._connection_name!r}>"
