"""``st.query_params``: the page URL's query string as a dict of str (a key may hold several values).

In a served page the page reports its URL's query string to the app (and the app's changes
go back to the address bar without a reload); in a notebook it is the app's own dict.
"""
from __future__ import annotations

from collections.abc import Iterable, Iterator, MutableMapping
from typing import Any
from urllib.parse import parse_qs, urlencode

from nbapp.errors import NbappAPIError, describe

EMBED_KEYS = ("embed", "embed_options")  # Streamlit's own page options: never shown to the app


class QueryParams(MutableMapping):
    """One app's query parameters: ``str -> str`` (the last value), ``get_all`` for every value.

    ``version`` counts changes made by the app, so the page hears only of new ones.
    """

    def __init__(self) -> None:
        self._params: dict[str, list[str]] = {}
        self.version = 0
        self.external = 0  # times the page replaced the query string (opened, back / forward)
        self.bound: set[str] = set()  # keys bound to a widget (bind="query-params")
        self.synced: dict[str, int] = {}  # bound key -> ``external`` when its widget last read the URL

    # -- the mapping -------------------------------------------------------------------
    def __getitem__(self, key: str) -> str:
        if key not in self._params or key.lower() in EMBED_KEYS:
            raise KeyError(_missing(key))
        values = self._params[key]
        return values[-1] if values else ""

    def __setitem__(self, key: str, value: str | Iterable[str]) -> None:
        self._params[key] = _values(key, value)
        self.version += 1

    def __delitem__(self, key: str) -> None:
        if key not in self._params or key.lower() in EMBED_KEYS:
            raise KeyError(_missing(key))
        del self._params[key]
        self.version += 1

    def __iter__(self) -> Iterator[str]:
        return iter([k for k in self._params if k.lower() not in EMBED_KEYS])

    def __len__(self) -> int:
        return sum(1 for _ in self)

    def __getattr__(self, key: str) -> str:
        if key.startswith("_"):
            raise AttributeError(key)
        try:
            return self[key]
        except KeyError:
            raise AttributeError(_missing(key)) from None

    def __setattr__(self, key: str, value: Any) -> None:
        if key.startswith("_") or key in ("version", "external", "bound", "synced"):
            object.__setattr__(self, key, value)
        else:
            self[key] = value

    def __delattr__(self, key: str) -> None:
        try:
            del self[key]
        except KeyError:
            raise AttributeError(_missing(key)) from None

    def __repr__(self) -> str:
        return repr(self.to_dict())

    # -- Streamlit's extras -------------------------------------------------------------
    def get_all(self, key: str) -> list[str]:
        """Return every value of ``key`` (an empty list when it is missing).

        Example: with ``?tag=a&tag=b``, ``st.query_params.get_all("tag") == ["a", "b"]``.
        """
        if key.lower() in EMBED_KEYS:
            return []
        return list(self._params.get(key, []))

    def clear(self) -> None:
        """Remove every query parameter (the address bar loses its query string)."""
        self._params = {k: v for k, v in self._params.items() if k.lower() in EMBED_KEYS}
        self.version += 1

    def to_dict(self) -> dict[str, str]:
        """Return a plain dict with the last value of each key, e.g. ``{"x": "5"}``."""
        return {key: self[key] for key in self}

    def from_dict(self, params: Any) -> None:
        """Replace every query parameter with ``params`` (a mapping or pairs); a list value sets several.

        Raises NbappAPIError (before changing anything) for a value that cannot be one.
        """
        pairs = params.items() if hasattr(params, "items") else params
        new = {key: _values(key, value) for key, value in pairs}
        self._params = {k: v for k, v in self._params.items() if k.lower() in EMBED_KEYS}
        self._params.update(new)
        self.version += 1

    def update(self, other: Any = (), /, **kwds: Any) -> None:
        """Set several keys at once, as ``dict.update`` does."""
        pairs = list(other.items() if hasattr(other, "items") else other) + list(kwds.items())
        for key, value in pairs:
            self._params[key] = _values(key, value)
        self.version += 1

    # -- the page's side ----------------------------------------------------------------
    def query_string(self) -> str:
        """Return the parameters as a URL query string (no leading ``?``): ``"x=5&tag=a&tag=b"``."""
        return urlencode([(k, v) for k, values in self._params.items() for v in values])

    def set_query_string(self, query: str) -> None:
        """Replace the parameters with those of ``query`` (from the page's URL); not counted as the app's change.

        Bound widgets take their value from the new URL on the next run (see nbapp.runtime.binding).
        """
        self._params = {k: list(v) for k, v in parse_qs(query.lstrip("?"), keep_blank_values=True).items()}
        self.external += 1

    # -- widgets bound to a parameter (nbapp.runtime.binding) -------------------------------
    def has(self, key: str) -> bool:
        """True when the URL holds ``key``, even empty (``?k=``)."""
        return key in self._params

    def set_bound(self, key: str, values: list[str]) -> None:
        """Put a bound widget's value in the URL; a change only when it differs."""
        if self._params.get(key) != values:
            self._params[key] = list(values)
            self.version += 1

    def remove_bound(self, key: str) -> None:
        """Take a bound widget's parameter out of the URL (its value is the default, or invalid)."""
        if self._params.pop(key, None) is not None:
            self.version += 1

    def check_unbound(self, fn: str, keys: Iterable[str], verb: str = "set") -> None:
        """Raise NbappAPIError (Streamlit's message) when one of ``keys`` is bound to a widget.

        ``st.query_params`` cannot set ("set"), delete ("delete") or clear ("clear") a parameter
        that a widget with ``bind="query-params"`` owns.
        """
        bound = [k for k in keys if k in self.bound]
        if not bound:
            return
        if verb == "clear":
            raise NbappAPIError(
                f"st.query_params.{fn}: Cannot clear query parameters - the following are bound to widgets: "
                f"{', '.join(map(repr, bound))}. Modify the widget values instead, or remove the bind parameter.")
        raise NbappAPIError(
            f"st.query_params{fn}: Cannot directly {verb} query parameter '{bound[0]}' - it is bound to a widget. "
            f"Modify the widget value instead (st.session_state[{bound[0]!r}]).")


def _values(key: str, value: Any) -> list[str]:
    if not isinstance(key, str):
        raise NbappAPIError(f"st.query_params: keys must be strings, got {describe(key)}.")
    if isinstance(value, dict):
        raise NbappAPIError(f"st.query_params[{key!r}]: a value cannot be a dict, got {describe(value)}. "
                            "Set a string, or a list of strings for several values.")
    if isinstance(value, (str, bytes)) or not isinstance(value, Iterable):
        return [str(value)]
    return [str(v) for v in value]


def _missing(key: str) -> str:
    return f'st.query_params has no key "{key}".'
