"""Layout: columns, tabs, expander, container, empty, form (the sidebar is ``Container(root="sidebar")``)."""
from __future__ import annotations

from collections.abc import Sequence

from nbapp.elements.policies import check_icon
from nbapp.elements.registry import element
from nbapp.runtime.context import require_run_context
from nbapp.errors import NbappAPIError, describe

GAPS = {"small": "1rem", "medium": "2rem", "large": "4rem", None: "0"}


@element()
def container(dg, *, height: int | None = None, border: bool | None = None, key: str | None = None):
    """Insert a container that holds several elements; returns it (use ``with`` or call on it).

    ``height`` (pixels) makes it scroll; ``border`` defaults to True exactly when a
    height is set. Raises NbappAPIError for a height that is not a positive int.

    Examples
    --------
    >>> with st.container(border=True):
    ...     st.write("Inside a box")
    """
    if height is not None and (not isinstance(height, int) or isinstance(height, bool) or height <= 0):
        raise NbappAPIError(f"st.container(): height must be a positive int (pixels), got {describe(height)}.")
    if key is not None and not isinstance(key, (str, int)):
        raise NbappAPIError(f"st.container(): key must be a str or int, got {describe(key)}.")
    return dg._add_block("container", {"height": height, "key": None if key is None else str(key),
                                         "border": bool(border) if border is not None else height is not None})


@element(kind="column", accessor="columns")
def columns(dg, spec: int | Sequence[float], *, gap: str | None = "small",
            vertical_alignment: str = "top", border: bool = False):
    """Insert side-by-side columns; returns a list of containers, one per column.

    ``spec`` is a number of equal columns or a list of relative widths. Raises
    NbappAPIError for a non-positive count, non-positive width or unknown gap.

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
    if gap not in GAPS:
        raise NbappAPIError(f"st.columns(): gap must be 'small', 'medium', 'large' or None; got {describe(gap)}.")
    if vertical_alignment not in ("top", "center", "bottom"):
        raise NbappAPIError(f"st.columns(): vertical_alignment must be 'top', 'center' or 'bottom'; got {describe(vertical_alignment)}.")
    row = dg._add_block("horizontal", {"gap": GAPS[gap], "align": vertical_alignment})
    total = sum(weights)
    return [row._add_block("column", {"weight": w / total, "border": bool(border)}) for w in weights]


@element(kind="tab", accessor="tabs")
def tabs(dg, tabs: Sequence[str]):
    """Insert tabs; returns one container per label, in order.

    Raises NbappAPIError for an empty list or a label that is not a string.

    Examples
    --------
    >>> train, evaluate = st.tabs(["Train", "Evaluate"])
    """
    if isinstance(tabs, str) or not tabs or not all(isinstance(t, str) for t in tabs):
        raise NbappAPIError(f"st.tabs(): tabs must be a non-empty list of strings, got {describe(tabs)}.")
    group = dg._add_block("tabs", {"labels": list(tabs)})
    return [group._add_block("tab", {"label": label}) for label in tabs]


@element()
def expander(dg, label: str, expanded: bool = False, *, icon: str | None = None):
    """Insert a collapsible container with a header ``label``; returns it.

    The user's open/closed choice survives reruns. Raises NbappAPIError for a
    non-string label or an icon that is not a single emoji.
    """
    if not isinstance(label, str):
        raise NbappAPIError(f"st.expander(): label must be a string, got {describe(label)}.")
    return dg._add_block("expander", {"label": label, "expanded": bool(expanded),
                                        "icon": check_icon("expander", icon)})


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
def form(dg, key: str, clear_on_submit: bool = False, *, enter_to_submit: bool = True, border: bool = True):
    """Insert a form: widgets inside it hold their values back until its submit button is clicked.

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
    return dg._add_block("form", {"key": key, "clear_on_submit": bool(clear_on_submit), "border": bool(border)},
                           form=key)
