"""Layout: columns, tabs, expander, container, empty, form (the sidebar is ``Container(root="sidebar")``)."""
from __future__ import annotations

import hashlib
from collections.abc import Sequence

from nbapp.elements.policies import check_icon, check_key
from nbapp.elements.registry import element
from nbapp.runtime.context import require_run_context
from nbapp.runtime.state import WidgetMeta
from nbapp.errors import NbappAPIError, describe

GAPS = {"xxsmall": "0.25rem", "xsmall": "0.5rem", "small": "1rem", "medium": "2rem", "large": "4rem",
        "xlarge": "6rem", "xxlarge": "8rem", None: "0"}
H_ALIGN = ("left", "center", "right", "distribute")
V_ALIGN = ("top", "center", "bottom", "distribute")


def gap_size(fn: str, gap) -> str:
    """Return a gap ("small"..., pixels, or None) as CSS; raises NbappAPIError naming a bad one."""
    if isinstance(gap, int) and not isinstance(gap, bool) and gap >= 0:
        return f"{gap}px"
    if isinstance(gap, str) or gap is None:
        if gap in GAPS:
            return GAPS[gap]
    raise NbappAPIError(f"st.{fn}(): gap must be 'xxsmall', 'xsmall', 'small', 'medium', 'large', 'xlarge', "
                        f"'xxlarge', a number of pixels or None; got {describe(gap)}.")


def size(fn: str, arg: str, value, words: tuple[str, ...]) -> str | int:
    """Return a width/height that is one of ``words`` or a positive int of pixels; raises NbappAPIError otherwise."""
    if (isinstance(value, int) and not isinstance(value, bool) and value > 0) or value in words:
        return value
    raise NbappAPIError(f"st.{fn}(): {arg} must be a positive int (pixels), got {describe(value)}. "
                        f"It can also be {' or '.join(map(repr, words))}.")


@element()
def container(dg, *, border: bool | None = None, key: str | None = None, width="stretch", height="content",
              horizontal: bool = False, wrap: bool = True, horizontal_alignment: str = "left",
              vertical_alignment: str = "top", gap: str | int | None = "small", autoscroll: bool | None = None):
    """Insert a container that holds several elements; returns it (use ``with`` or call on it).

    ``height`` (pixels) makes it scroll; ``border`` defaults to True exactly when a
    height is set. ``horizontal=True`` lays its elements out in a row (wrapping unless
    ``wrap=False``), aligned by ``horizontal_alignment`` / ``vertical_alignment``, ``gap``
    apart. ``width`` is "stretch", "content" or pixels. Raises NbappAPIError for a bad
    height, width, alignment or gap. (``autoscroll`` is accepted; nbapp does not scroll.)

    Examples
    --------
    >>> with st.container(horizontal=True, horizontal_alignment="right"):
    ...     st.button("Cancel")
    ...     st.button("Save", type="primary")
    """
    if height is None:
        height = "content"
    height = size("container", "height", height, ("content", "stretch"))
    width = size("container", "width", width, ("stretch", "content"))
    if key is not None and not isinstance(key, (str, int)):
        raise NbappAPIError(f"st.container(): key must be a str or int, got {describe(key)}.")
    if horizontal_alignment not in H_ALIGN:
        raise NbappAPIError(f"st.container(): horizontal_alignment must be one of {', '.join(map(repr, H_ALIGN))}; "
                            f"got {describe(horizontal_alignment)}.")
    if vertical_alignment not in V_ALIGN:
        raise NbappAPIError(f"st.container(): vertical_alignment must be one of {', '.join(map(repr, V_ALIGN))}; "
                            f"got {describe(vertical_alignment)}.")
    fixed = isinstance(height, int)
    return dg._add_block("container", {
        "height": height if fixed else None, "key": None if key is None else str(key),
        "border": bool(border) if border is not None else fixed, "width": width,
        "stretch_height": height == "stretch", "horizontal": bool(horizontal), "wrap": bool(wrap),
        "h_align": horizontal_alignment, "v_align": vertical_alignment, "gap": gap_size("container", gap)})


@element(kind="column", accessor="columns")
def columns(dg, spec: int | Sequence[float], *, gap: str | int | None = "small",
            vertical_alignment: str = "top", border: bool = False, width="stretch", wrap: bool = True):
    """Insert side-by-side columns; returns a list of containers, one per column.

    ``spec`` is a number of equal columns or a list of relative widths; ``gap`` a size name
    or pixels; ``width`` "stretch" or pixels for the whole row. Raises NbappAPIError for a
    non-positive count, non-positive width or unknown gap. (``wrap`` is accepted: columns
    stack on narrow screens anyway.)

    Examples
    --------
    >>> left, right = st.columns([2, 1], gap="large")
    >>> left.write("wide")
    >>> with right:
    ...     st.metric("Loss", 0.12, -0.03)
    """
    if isinstance(spec, int) and not isinstance(spec, bool):
        if spec < 1:
            raise NbappAPIError(f"st.columns(): spec must be a positive int or a list of positive numbers, got {spec}.")
        weights = [1.0] * spec
    elif isinstance(spec, Sequence) and spec and all(isinstance(w, (int, float)) and not isinstance(w, bool) and w > 0 for w in spec):
        weights = [float(w) for w in spec]
    else:
        raise NbappAPIError(f"st.columns(): spec must be a positive int or a list of positive numbers, got {describe(spec)}.")
    css_gap = gap_size("columns", gap)
    width = size("columns", "width", width, ("stretch",))
    if vertical_alignment not in ("top", "center", "bottom"):
        raise NbappAPIError(f"st.columns(): vertical_alignment must be 'top', 'center' or 'bottom'; got {describe(vertical_alignment)}.")
    row = dg._add_block("horizontal", {"gap": css_gap, "align": vertical_alignment, "width": width})
    total = sum(weights)
    return [row._add_block("column", {"weight": w / total, "border": bool(border)}) for w in weights]


@element(kind="tab", accessor="tabs")
def tabs(dg, tabs: Sequence[str], *, width="stretch", height="content", default: str | None = None,
         key: str | int | None = None, on_change="ignore", args=None, kwargs=None, bind=None):
    """Insert tabs; returns one container per label, in order.

    ``default`` is the tab shown first. With ``on_change="rerun"`` (or a callback) the
    open tab is state: switching tabs reruns the app, ``st.session_state[key]`` holds the
    open tab's label, and each container's ``.open`` says whether it is the open one
    (None for stateless tabs). Raises NbappAPIError for an empty list, a label that is not
    a string, a ``default`` not in ``tabs`` or a bad ``on_change``. (``bind`` is accepted.)

    Examples
    --------
    >>> train, evaluate = st.tabs(["Train", "Evaluate"], on_change="rerun", key="tab")
    >>> if evaluate.open:
    ...     st.write("expensive evaluation")
    """
    if isinstance(tabs, str) or not tabs or not all(isinstance(t, str) for t in tabs):
        raise NbappAPIError(f"st.tabs(): tabs must be a non-empty list of strings, got {describe(tabs)}.")
    if default is not None and default not in tabs:
        raise NbappAPIError(f"st.tabs(): default must be one of the tab labels, got {describe(default)}.")
    width = size("tabs", "width", width, ("stretch",))
    labels = list(tabs)
    current = container_state(dg, "tabs", repr(labels), key, default or labels[0], on_change, args, kwargs,
                        lambda v: v if v in labels else (default or labels[0]))
    props = {"labels": labels, "width": width, "selected": labels.index(current[1] if current else default or labels[0])}
    if current:
        props.update(state_key=current[0], pushed=current[2])
    group = dg._add_block("tabs", props)
    handles = [group._add_block("tab", {"label": label}) for label in labels]
    for label, handle in zip(labels, handles):
        handle.open = (label == current[1]) if current else None
    return handles


@element()
def expander(dg, label: str, expanded: bool = False, *, key: str | int | None = None, icon: str | None = None,
             type: str = "default", width="stretch", on_change="ignore", args=None, kwargs=None, bind=None):
    """Insert a collapsible container with a header ``label``; returns it.

    The user's open/closed choice survives reruns. With ``on_change="rerun"`` (or a
    callback) it is state: opening or closing reruns the app, ``st.session_state[key]``
    holds it and the container's ``.open`` says it (None for a stateless expander).
    Raises NbappAPIError for a non-string label, an icon that is not a single emoji or a
    bad ``on_change``. (``type`` and ``bind`` are accepted.)
    """
    if not isinstance(label, str):
        raise NbappAPIError(f"st.expander(): label must be a string, got {describe(label)}.")
    width = size("expander", "width", width, ("stretch",))
    current = container_state(dg, "expander", label, key, bool(expanded), on_change, args, kwargs, bool)
    props = {"label": label, "expanded": current[1] if current else bool(expanded),
             "icon": check_icon("expander", icon), "width": width}
    if current:
        props.update(state_key=current[0], pushed=current[2])
    handle = dg._add_block("expander", props)
    handle.open = current[1] if current else None
    return handle


def container_state(dg, kind: str, ident: str, key, default, on_change, args, kwargs, deserialize):
    """Register the open tab / expanded / popover state as a widget when ``on_change`` asks for it.

    Returns ``(state key, value, pushes)``, or None for stateless containers (``on_change="ignore"``).
    """
    if not (on_change in ("ignore", "rerun") or callable(on_change)):
        raise NbappAPIError(f"st.{kind}(): on_change must be 'ignore', 'rerun' or a function, got {describe(on_change)}.")
    if on_change == "ignore":
        return None
    key = check_key(kind, key)
    ctx = require_run_context(kind)
    digest = hashlib.md5(repr((kind, ident if key is None else key)).encode(), usedforsecurity=False).hexdigest()[:16]
    wid = f"$$ID-{digest}" if key is None else f"$$ID-{digest}-{key}"
    meta = WidgetMeta(id=wid, kind=kind, key=key, identity=digest, default=default, deserialize=deserialize,
                      on_change=on_change if callable(on_change) else None, args=tuple(args or ()),
                      kwargs=dict(kwargs or {}), label=ident, scope=ctx.scope)
    value = ctx.register_widget(meta)
    return meta.state_key, value, ctx.session_state.pushes(meta.state_key)


@element()
def empty(dg):
    """Insert a single-element placeholder; each element call on it replaces its content.

    Examples
    --------
    >>> placeholder = st.empty()
    >>> placeholder.text("Hello")
    >>> placeholder.empty()  # clears it
    """
    handle = dg._add_block("empty", {})
    handle._slot = 0
    return handle


@element()
def form(dg, key: str, clear_on_submit: bool = False, *, enter_to_submit: bool = True, border: bool = True,
         width: int | str = "stretch", height: int | str = "content"):
    """Insert a form: widgets inside it hold their values back until its submit button is clicked.

    With ``enter_to_submit`` (the default) Enter in one of its text, number or date boxes
    submits it too, as in Streamlit.

    Raises NbappAPIError when the key is not a string, is used by another form, or forms are nested.
    """
    if not isinstance(key, str) or not key:
        raise NbappAPIError(f"st.form(): key must be a non-empty string, got {describe(key)}.")
    ctx = require_run_context("form")
    if dg._target(ctx).form is not None:
        raise NbappAPIError(f"st.form({key!r}): forms cannot be nested in other forms.")
    if key in ctx.forms:
        raise NbappAPIError(
            f"st.form({key!r}): there is already a form with this key in this run; "
            "give each form a unique key."
        )
    ctx.forms[key] = bool(clear_on_submit)
    return dg._add_block("form", {"key": key, "clear_on_submit": bool(clear_on_submit), "border": bool(border),
                                  "enter_to_submit": bool(enter_to_submit)},
                           form=key)
