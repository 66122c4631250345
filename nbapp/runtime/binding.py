"""``bind="query-params"``: a keyed widget whose value lives in the page URL's query parameter named by its key.

As in Streamlit 1.67:

- the page opens with ``?key=...``: the widget starts from that value (over a value the
  app assigned in ``st.session_state`` before drawing it);
- the value changes (the user, or the app through ``st.session_state``): the parameter
  follows; it is removed when the value is back to the widget's default;
- a value that cannot be the widget's (not an option, not a number, out of bounds) is
  ignored and removed from the URL; options that are not the widget's are dropped from
  a list, and the URL corrected;
- the URL changes under the app (browser back / forward): the URL wins, and a missing
  parameter means the default;
- a widget no longer drawn takes its parameter out of the URL (its value is kept and
  comes back, with the parameter, when it is drawn again);
- ``st.query_params`` cannot set or delete a bound parameter.

Each widget kind gives a :class:`UrlCodec`: how its value reads as URL strings (dates
ISO, bools ``true``/``false``, options by their label, several values as repeated
parameters) and back.
"""
from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from nbapp.runtime.state import quiet_rejections, same

if TYPE_CHECKING:
    from nbapp.runtime.query_params import QueryParams
    from nbapp.runtime.state import SessionState, WidgetMeta


@dataclass(frozen=True)
class UrlCodec:
    """How a widget's value is written in the URL (``to_url``: value -> strings) and read back.

    ``from_url`` gets every value of the parameter (``?t=a&t=b`` -> ``["a", "b"]``) and
    returns a candidate value, or raises ValueError; the widget's own browser-value check
    then clamps or rejects it. ``clearable``: an empty parameter (``?k=``) is a value
    (None, "" or []) rather than an invalid one.
    """

    to_url: Callable[[Any], list[str]]
    from_url: Callable[[list[str]], Any]
    clearable: bool = False
    normalize: Callable[[str], Any] = str  # URL texts that normalize alike say the same (``TRUE``, ``5.0``)

    def says(self, current: list[str], wanted: list[str]) -> bool:
        """True when the URL's ``current`` values already say ``wanted`` (no correction needed)."""
        try:
            return [self.normalize(v) for v in current] == [self.normalize(v) for v in wanted]
        except ValueError:
            return False


def _from_url(meta: "WidgetMeta", values: list[str]) -> tuple[bool, Any]:
    """Return (valid, value) for the parameter's values, through the widget's own browser-value check."""
    codec = meta.url
    if all(v == "" for v in values) and not codec.clearable:
        return False, None
    try:
        candidate = codec.from_url(values)
        with quiet_rejections() as rejected:
            value = meta.deserialize(meta.browser_value(candidate))
        return not rejected, value  # out of bounds: the default, as Streamlit (not clamped as a browser's)
    except Exception:  # an unparsable value, or one the widget's serializer refuses: ignored, as Streamlit
        return False, None


def seed(state: "SessionState", params: "QueryParams", meta: "WidgetMeta") -> None:
    """Before a bound widget registers: take its value from the URL when the URL decides it.

    The URL decides on the widget's first draw when it holds the parameter, and whenever
    the page's URL changed under the app since the widget's last draw (back / forward: a
    missing or invalid parameter then means the default).
    """
    key = meta.state_key
    seen = params.synced.get(key)
    navigated = seen is not None and seen != params.external
    params.synced[key] = params.external
    if seen is not None and not navigated:
        return
    values = params.get_all(key) if params.has(key) else None
    value = meta.default
    if values is not None:
        valid, parsed = _from_url(meta, values)
        if valid and not same(parsed, meta.default):
            value = parsed
        else:
            params.remove_bound(key)  # invalid, or the default: not kept in the URL
            if not navigated:
                return
    elif not navigated:
        return
    state.seed(key, value)


def mirror(params: "QueryParams", meta: "WidgetMeta", value: Any) -> None:
    """After a bound widget registered with ``value``: put it in the URL (or take the default out)."""
    key = meta.state_key
    params.bound.add(key)
    if same(value, meta.default):
        params.remove_bound(key)
        return
    try:
        wanted = meta.url.to_url(value) or [""]
    except Exception:  # a value the codec cannot write (a foreign object in session_state): leave the URL be
        return
    if params.has(key) and meta.url.says(params.get_all(key), wanted):
        return  # ``?on=TRUE``, ``?x=5.0``: left as the user wrote it, as Streamlit does
    params.set_bound(key, wanted)


def unbind_stale(params: "QueryParams", state: "SessionState", scope: str | None) -> None:
    """After a completed run: bound widgets it did not draw leave the URL (a fragment's run: only its own)."""
    for key in list(params.bound):
        meta = state.widget(key)
        if state.drawn(key) and meta is not None and meta.url is not None:
            continue
        if scope is not None and meta is not None and meta.scope != scope:
            continue
        params.bound.discard(key)
        params.synced.pop(key, None)
        params.remove_bound(key)
