"""``st.context`` and ``st.query_params`` as seen by the running app: what its page reported of itself.

A served page (and JupyterLab, for locale, timezone and theme) reports its URL, locale,
timezone, theme, cookies and user agent to the app when it opens (``App.page_info``).
Until then (the first run of a preheated page) the values are None or empty; a run that
read ``st.context`` reruns once the page has reported.
"""
from __future__ import annotations

import os
from collections.abc import Iterator, Mapping, MutableMapping
from http.cookies import SimpleCookie
from typing import Any

from nbapp.runtime.context import get_run_context, require_run_context
from nbapp.runtime.query_params import QueryParams


class _QueryParamsProxy(MutableMapping):
    """``st.query_params``: the query parameters of the app whose run is executing (see QueryParams)."""

    def _params(self) -> QueryParams:
        return require_run_context("query_params").app.query_params

    def __getitem__(self, key: str) -> str:
        return self._params()[key]

    def __setitem__(self, key: str, value: Any) -> None:
        params = self._params()
        params.check_unbound(f"[{key!r}]", [key])
        params[key] = value

    def __delitem__(self, key: str) -> None:
        params = self._params()
        params.check_unbound(f"[{key!r}]", [key], "delete")
        del params[key]

    def __iter__(self) -> Iterator[str]:
        return iter(self._params())

    def __len__(self) -> int:
        return len(self._params())

    def __getattr__(self, key: str) -> Any:
        if key.startswith("_"):
            raise AttributeError(key)
        return getattr(self._params(), key)

    def __setattr__(self, key: str, value: Any) -> None:
        self[key] = value

    def __delattr__(self, key: str) -> None:
        params = self._params()
        params.check_unbound(f".{key}", [key], "delete")
        delattr(params, key)

    def __repr__(self) -> str:
        ctx = get_run_context()
        return repr(ctx.app.query_params) if ctx else "{}"

    def get_all(self, key: str) -> list[str]:
        """Return every value of ``key`` (``?tag=a&tag=b`` -> ``["a", "b"]``); [] when missing."""
        return self._params().get_all(key)

    def clear(self) -> None:
        """Remove every query parameter; raises NbappAPIError when one is bound to a widget."""
        params = self._params()
        params.check_unbound("clear()", params, "clear")
        params.clear()

    def to_dict(self) -> dict[str, str]:
        """Return a plain dict with the last value of each key."""
        return self._params().to_dict()

    def from_dict(self, params: Any) -> None:
        """Replace every query parameter with ``params``; raises NbappAPIError for a dict value or a bound key."""
        own = self._params()
        pairs = list(params.items() if hasattr(params, "items") else params)
        own.check_unbound(".from_dict()", [k for k, _ in pairs])
        kept = {k: own.get_all(k) for k in own.bound if own.has(k)}
        own.from_dict(pairs + list(kept.items()))

    def update(self, other: Any = (), /, **kwds: Any) -> None:
        """Set several keys at once; raises NbappAPIError (changing nothing) when one is bound to a widget."""
        own = self._params()
        pairs = list(other.items() if hasattr(other, "items") else other) + list(kwds.items())
        own.check_unbound(".update()", [k for k, _ in pairs])
        own.update(pairs)


class _ReadOnly(Mapping):
    """A read-only, case-sensitive mapping (cookies) or case-insensitive one (headers)."""

    def __init__(self, items: list[tuple[str, str]], fold: bool = False) -> None:
        self._fold = fold
        self._items = items

    def _norm(self, key: str) -> str:
        return key.lower() if self._fold else key

    def __getitem__(self, key: str) -> str:
        values = self.get_all(key)
        if not values:
            raise KeyError(key)
        return values[-1]

    def get_all(self, key: str) -> list[str]:
        """Return every value of ``key`` (a header may repeat); [] when missing."""
        return [v for k, v in self._items if self._norm(k) == self._norm(key)]

    def __iter__(self) -> Iterator[str]:
        seen: dict[str, None] = {}
        for k, _ in self._items:
            seen.setdefault(k, None)
        return iter(seen)

    def __len__(self) -> int:
        return len({self._norm(k) for k, _ in self._items})

    def to_dict(self) -> dict[str, str]:
        """Return a plain dict (the last value of each key)."""
        return {k: self[k] for k in self}

    def __repr__(self) -> str:
        return repr(self.to_dict())


class Theme(dict):
    """``st.context.theme``: ``.type`` is "light", "dark" or None (not reported yet)."""

    def __getattr__(self, key: str) -> Any:
        try:
            return self[key]
        except KeyError:
            raise AttributeError(key) from None


class _Context:
    """``st.context``: headers, cookies, url, locale, timezone, theme... of the page showing the app.

    Each is None (or empty) until the page has reported itself; in a notebook there are no
    headers, cookies or URL (the notebook's page is not the app's).
    """

    def _info(self) -> dict[str, Any]:
        ctx = require_run_context("context")
        ctx.app.context_read = True
        return ctx.app.page_info

    @property
    def headers(self) -> _ReadOnly:
        """The page request's headers the kernel can know: ``User-Agent``, ``Accept-Language``, ``Host``
        (from the page) and any ``HTTP_*`` variables Voilà passed the kernel."""
        info = self._info()
        items = [(k[5:].replace("_", "-").title(), v) for k, v in os.environ.items() if k.startswith("HTTP_")]
        if info.get("served"):
            for name, field in (("Host", "host"), ("User-Agent", "user_agent"), ("Accept-Language", "languages")):
                if info.get(field):
                    items.append((name, str(info[field])))
            if info.get("cookies"):
                items.append(("Cookie", info["cookies"]))
        return _ReadOnly(items, fold=True)

    @property
    def cookies(self) -> _ReadOnly:
        """The page's cookies that its scripts can read (HttpOnly cookies never reach the app)."""
        jar = SimpleCookie()
        try:
            jar.load(self._info().get("cookies") or "")
        except Exception:  # a cookie the standard library cannot parse: skip them all rather than fail the app
            return _ReadOnly([])
        return _ReadOnly([(k, m.value) for k, m in jar.items()])

    @property
    def url(self) -> str | None:
        """The page's URL (None in a notebook, or before the page reported)."""
        return self._info().get("url") or None

    @property
    def locale(self) -> str | None:
        """The browser's language, e.g. ``"en-US"``."""
        return self._info().get("locale")

    @property
    def timezone(self) -> str | None:
        """The browser's time zone, e.g. ``"Europe/Berlin"``."""
        return self._info().get("timezone")

    @property
    def timezone_offset(self) -> int | None:
        """Minutes between UTC and the browser's local time (JavaScript's ``getTimezoneOffset``)."""
        return self._info().get("timezone_offset")

    @property
    def theme(self) -> Theme:
        """The page's theme: ``st.context.theme.type`` is "light" or "dark"."""
        return Theme(type=self._info().get("theme"))

    @property
    def ip_address(self) -> str | None:
        """The address a served page's connection comes from (IPv4 or IPv6), as Streamlit's.

        None for a page opened on this machine (127.0.0.1, ::1: Streamlit's "local
        development"), in a notebook, and before the page reported. Easily spoofed: not
        for security decisions.
        """
        info = self._info()
        ip = info.get("ip") if info.get("served") else None
        return None if not ip or ip in ("127.0.0.1", "::1") else str(ip)

    @property
    def is_embedded(self) -> bool | None:
        """True when the page is shown inside another page's frame."""
        return self._info().get("embedded")

    def __getitem__(self, key: str) -> Any:
        if key.startswith("_") or not hasattr(type(self), key):
            raise KeyError(key)
        return getattr(self, key)


query_params = _QueryParamsProxy()
context = _Context()
