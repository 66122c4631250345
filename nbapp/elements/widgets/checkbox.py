"""On/off widgets: checkbox and toggle (both return a bool)."""
from __future__ import annotations

from collections.abc import Callable
from typing import Any

from nbapp.elements.policies import check_bool
from nbapp.elements.registry import element
from nbapp.elements.widgets.url import bool_codec
from nbapp.runtime.state import warn_value_rejected


@element()
def checkbox(dg, label: str, value: bool = False, key: str | None = None, help: str | None = None,
             on_change: Callable | str | None = "rerun", args: tuple | None = None, kwargs: dict | None = None, *,
             disabled: bool = False, label_visibility: str = "visible",
             width: int | str = "content", wrap: bool | None = None, bind: str | None = None,
             persist_state: Any = None) -> bool:
    """Display a checkbox; returns True while it is ticked.

    Raises NbappAPIError when ``value`` is not a bool.

    Examples
    --------
    >>> if st.checkbox("Show raw data"):
    ...     st.dataframe(df)
    """
    return _switch(dg, "checkbox", label, value, key, help, on_change, args, kwargs, disabled, label_visibility,
                   bind, persist_state, width)


@element()
def toggle(dg, label: str, value: bool = False, key: str | None = None, help: str | None = None,
           on_change: Callable | str | None = "rerun", args: tuple | None = None, kwargs: dict | None = None, *,
           disabled: bool = False, label_visibility: str = "visible",
           width: int | str = "content", wrap: bool | None = None, bind: str | None = None,
           persist_state: Any = None) -> bool:
    """Display a toggle switch; returns True while it is on.

    Raises NbappAPIError when ``value`` is not a bool.

    Examples
    --------
    >>> dark = st.toggle("Dark mode", value=True)
    """
    return _switch(dg, "toggle", label, value, key, help, on_change, args, kwargs, disabled, label_visibility,
                   bind, persist_state, width)


def _switch(dg, kind, label, value, key, help, on_change, args, kwargs, disabled, label_visibility,
            bind=None, persist_state=None, width=None) -> bool:
    check_bool(kind, "value", value, label=label)
    default = bool(value)

    def deserialize(raw: Any) -> bool:
        if isinstance(raw, bool):
            return raw
        warn_value_rejected(kind, label, raw, "is not True or False; kept the default")
        return default

    return dg._widget(kind, label, key=key, default=default,
                        identity={"label": label, "value": default, "help": help},
                        serialize=bool, deserialize=deserialize, on_change=on_change, args=args, kwargs=kwargs,
                        help=help, disabled=disabled, label_visibility=label_visibility,
                        bind=bind, persist_state=persist_state, url=bool_codec(), width=width)
