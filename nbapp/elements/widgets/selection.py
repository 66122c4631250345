"""Choosing among options: radio, selectbox (one option or None) and multiselect (a list).

Options can be of any type; the browser sees ``format_func(option)`` labels and sends
indices back, which ``deserialize`` maps to the options themselves.
"""
from __future__ import annotations

from collections.abc import Callable
from typing import Any

from nbapp.elements.policies import check_bool, check_str, fail, is_int
from nbapp.elements.registry import element
from nbapp.elements.widgets.common import (
    as_list,
    index_of,
    check_index,
    choose,
    format_labels,
    indexer,
    options_list,
    require_index,
)
from nbapp.elements.widgets.url import option_codec
from nbapp.errors import describe
from nbapp.runtime.state import warn_value_rejected

DEFAULT_PLACEHOLDER = "Choose an option"  # what Streamlit shows for placeholder=None


@element()
def radio(dg, label: str, options: Any, index: int | None = 0, format_func: Callable[[Any], Any] = str,
          key: str | None = None, help: str | None = None, on_change: Callable | str | None = "rerun",
          args: tuple | None = None, kwargs: dict | None = None, *, disabled: bool = False,
          horizontal: bool = False, captions: list[str] | None = None,
          label_visibility: str = "visible",
          width: int | str = "content", bind: str | None = None, persist_state: Any = None) -> Any:
    """Display radio buttons; returns the selected option (None when ``index=None`` and nothing is chosen).

    Raises NbappAPIError for an index out of range, a non-callable ``format_func``
    or non-iterable options.

    Examples
    --------
    >>> genre = st.radio("Genre", ["Comedy", "Drama"], horizontal=True)
    """
    check_bool("radio", "horizontal", horizontal, label=label)
    if captions is not None and (isinstance(captions, str) or not all(isinstance(c, str) for c in captions)):
        raise fail("radio", label, f"captions must be a list of str (one per option), got {describe(captions)}.")
    return _one_of(dg, "radio", label, options, index, format_func, key, help, on_change, args, kwargs,
                        disabled, label_visibility,
                        {"horizontal": horizontal, "captions": list(captions) if captions else None},
                        bind=bind, persist_state=persist_state, width=width)


@element()
def selectbox(dg, label: str, options: Any, index: int | None = 0, format_func: Callable[[Any], Any] = str,
              key: str | None = None, help: str | None = None, on_change: Callable | str | None = "rerun",
              args: tuple | None = None, kwargs: dict | None = None, *, placeholder: str | None = None,
              disabled: bool = False, label_visibility: str = "visible",
              required: bool = False, icon: str | None = None, accept_new_options: bool = False,
              filter_mode: str | None = "fuzzy", width: int | str = "stretch", bind: str | None = None,
              persist_state: Any = None) -> Any:
    """Display a drop-down list; returns the selected option (None when ``index=None`` and nothing is chosen).

    Raises NbappAPIError for an index out of range, a non-callable ``format_func``
    or non-iterable options.

    Examples
    --------
    >>> model = st.selectbox("Model", ["resnet18", "resnet50"], index=None, placeholder="Pick one")
    """
    check_str("selectbox", "placeholder", placeholder, label=label)
    placeholder = DEFAULT_PLACEHOLDER if placeholder is None else placeholder
    check_bool("selectbox", "accept_new_options", accept_new_options, label=label)
    return _one_of(dg, "selectbox", label, options, index, format_func, key, help, on_change, args, kwargs,
                   disabled, label_visibility, {"placeholder": placeholder or "", "nullable": index is None,
                                                "accept_new_options": accept_new_options, "icon": icon},
                   accept_new_options, bind=bind, persist_state=persist_state, width=width)


def _one_of(dg, kind, label, options, index, format_func, key, help, on_change, args, kwargs, disabled,
            label_visibility, extra, accept_new_options: bool = False, *, bind=None, persist_state=None,
            width=None) -> Any:
    opts = options_list(kind, label, options)
    labels = format_labels(kind, label, opts, format_func)
    check_index(kind, label, index, len(opts))
    default = opts[index] if index is not None and opts else None
    serialize, deserialize = indexer(kind, label, opts, labels, format_func), choose(kind, label, opts, default)
    if accept_new_options:
        # A text the user typed that is no option travels (and comes back) as itself, a str.
        serialize = _or_new(serialize, opts, labels, format_func)
        deserialize = _or_text(deserialize)
    return dg._widget(
        kind, label, key=key, default=default,
        identity={"label": label, "options": labels, "index": index, "help": help, **extra},
        bounds={"options": labels}, props={"options": labels, **extra},
        serialize=serialize, deserialize=deserialize,
        on_change=on_change, args=args, kwargs=kwargs, help=help, disabled=disabled,
        label_visibility=label_visibility, bind=bind, persist_state=persist_state,
        url=option_codec(opts, labels, lambda v: [serialize(v)], multi=False, clearable=index is None,
                         accept_new=accept_new_options), width=width,
    )


def _or_new(serialize: Callable[[Any], Any], opts: list[Any], labels: list[str],
            format_func: Callable[[Any], Any]) -> Callable[[Any], Any]:
    """``serialize`` that passes a new option (a str that is no option) through as text."""

    def wire(value: Any) -> Any:
        if isinstance(value, str) and index_of(opts, value) is None and value not in labels:
            return value
        return serialize(value)

    return wire


def _or_text(deserialize: Callable[[Any], Any]) -> Callable[[Any], Any]:
    """``deserialize`` that keeps a typed text (a new option) as the value."""
    return lambda raw: raw if isinstance(raw, str) else deserialize(raw)


@element()
def multiselect(dg, label: str, options: Any, default: Any = None, format_func: Callable[[Any], Any] = str,
                key: str | None = None, help: str | None = None, on_change: Callable | str | None = "rerun",
                args: tuple | None = None, kwargs: dict | None = None, *, max_selections: int | None = None,
                placeholder: str | None = None, disabled: bool = False,
                label_visibility: str = "visible",
                accept_new_options: bool = False, filter_mode: str | None = "fuzzy",
                select_all: bool | int = 1000, width: int | str = "stretch", wrap: bool | None = None,
                bind: str | None = None, persist_state: Any = None) -> list[Any]:
    """Display a multi-choice box; returns the list of selected options, in the order chosen.

    ``default`` is an option or a list of options. Raises NbappAPIError when a default is
    not an option, when there are more defaults than ``max_selections``, or for a bad
    ``max_selections``.

    Examples
    --------
    >>> cols = st.multiselect("Columns", df.columns, default=["loss"], max_selections=3)
    """
    opts = options_list("multiselect", label, options)
    labels = format_labels("multiselect", label, opts, format_func)
    check_str("multiselect", "placeholder", placeholder, label=label)
    placeholder = DEFAULT_PLACEHOLDER if placeholder is None else placeholder
    if max_selections is not None and (not is_int(max_selections) or max_selections < 1):
        raise fail("multiselect", label, "max_selections must be a positive int or None, "
                                         f"got {describe(max_selections)}.")
    indices = [require_index("multiselect", label, opts, d, "default value") for d in as_list(default)]
    if max_selections is not None and len(indices) > max_selections:
        raise fail("multiselect", label, f"default has {len(indices)} values but max_selections is "
                                         f"{max_selections}: pass fewer defaults or raise max_selections.")
    check_bool("multiselect", "accept_new_options", accept_new_options, label=label)
    initial = [opts[i] for i in indices]
    serialize = indexer("multiselect", label, opts, labels, format_func)
    if accept_new_options:
        serialize = _or_new(serialize, opts, labels, format_func)

    def deserialize(raw: Any) -> list[Any]:
        def ok(item: Any) -> bool:
            return (is_int(item) and 0 <= item < len(opts)) or (accept_new_options and isinstance(item, str))

        if not isinstance(raw, (list, tuple)) or not all(ok(i) for i in raw):
            warn_value_rejected("multiselect", label, raw,
                                f"is not a list of option indices (0..{len(opts) - 1}); kept the default")
            return initial
        if max_selections is not None and len(raw) > max_selections:
            warn_value_rejected("multiselect", label, raw,
                                f"has more than max_selections={max_selections}; kept the first {max_selections}")
            raw = raw[:max_selections]
        return [i if isinstance(i, str) else opts[i] for i in raw]

    value = dg._widget(
        "multiselect", label, key=key, default=initial,
        identity={"label": label, "options": labels, "default": indices, "help": help,
                  "max_selections": max_selections, "placeholder": placeholder},
        bounds={"options": labels, "max_selections": max_selections},
        props={"options": labels, "max_selections": max_selections, "placeholder": placeholder or "",
               "accept_new_options": accept_new_options},
        serialize=lambda v: [serialize(item) for item in as_list(v)], deserialize=deserialize,
        on_change=on_change, args=args, kwargs=kwargs, help=help, disabled=disabled,
        label_visibility=label_visibility, bind=bind, persist_state=persist_state,
        url=option_codec(opts, labels, lambda v: [serialize(item) for item in as_list(v)], multi=True,
                         clearable=True, accept_new=accept_new_options, max_length=max_selections), width=width,
    )
    return as_list(value)
