"""Layout helpers that shape the page: popover and space (containers and columns are in ``layout``)."""
from __future__ import annotations

from nbapp.elements.layout import container_state, size
from nbapp.elements.policies import check_icon
from nbapp.elements.registry import element
from nbapp.errors import NbappAPIError, describe

BUTTON_TYPES = ("primary", "secondary", "tertiary")
SPACE_SIZES = {"xxsmall": "0.25rem", "xsmall": "0.5rem", "small": "0.75rem", "medium": "2.5rem", "large": "4.25rem",
               "xlarge": "6rem", "xxlarge": "8rem"}


@element()
def popover(dg, label: str, *, type: str = "secondary", help: str | None = None, icon: str | None = None,
            disabled: bool = False, use_container_width: bool | None = None, width="content", wrap=None,
            key: str | None = None, on_change="ignore", args=None, kwargs=None):
    """Insert a button that opens a floating container; returns the container (use ``with`` or call on it).

    The user's open/closed choice survives reruns. With ``on_change="ignore"`` (default)
    opening it does not rerun the app and the container's ``.open`` is None; with
    ``on_change="rerun"`` (or a callback) it is state: opening or closing reruns the app,
    ``.open`` says whether it is open and ``st.session_state[key]`` holds it (set it
    before the popover is drawn to open or close it). ``width`` is "content", "stretch" or
    pixels (``use_container_width=True`` means "stretch"). Raises NbappAPIError for a
    non-string label, a bad type, icon, width or ``on_change``. (``wrap`` is accepted.)

    Examples
    --------
    >>> drawer = st.popover("Filters", on_change="rerun", key="filters")
    >>> with drawer:
    ...     if drawer.open:
    ...         st.checkbox("Only active")
    """
    if not isinstance(label, str):
        raise NbappAPIError(f"st.popover(): label must be a string, got {describe(label)}.")
    if type not in BUTTON_TYPES:
        raise NbappAPIError(f"st.popover({label!r}): type must be 'primary', 'secondary' or 'tertiary', "
                            f"got {describe(type)}.")
    if use_container_width is not None:
        width = "stretch" if use_container_width else "content"
    width = size("popover", "width", width, ("content", "stretch"))
    icon = check_icon("popover", icon)
    ident = repr((label, type, help, icon, bool(disabled), width))  # Streamlit's identity of a keyless popover
    current = container_state(dg, "popover", ident, key, False, on_change, args, kwargs, bool)
    props = {"label": label, "type": type, "help": help, "icon": icon, "disabled": bool(disabled), "width": width,
             "key": None if key is None else str(key)}
    if current:
        props.update(state_key=current[0], open=bool(current[1]), pushed=current[2])
    handle = dg._add_block("popover", props)
    handle.open = bool(current[1]) if current else None
    return handle


@element()
def space(dg, size: str | int = "small"):
    """Add vertical space (horizontal space inside a horizontal container); returns its handle.

    ``size`` is "small" (0.75rem: a label's height), "medium" (2.5rem: a button),
    "large" (4.25rem), "xxsmall"/"xsmall"/"xlarge"/"xxlarge" (the gap sizes), "stretch"
    (fills what is left) or pixels. Raises NbappAPIError
    for anything else.

    Examples
    --------
    >>> with st.container(horizontal=True):
    ...     st.button("Left")
    ...     st.space("stretch")
    ...     st.button("Right")
    """
    if isinstance(size, int) and not isinstance(size, bool) and size >= 0:
        css = f"{size}px"
    elif isinstance(size, str) and (size in SPACE_SIZES or size == "stretch"):
        css = SPACE_SIZES.get(size, "stretch")
    else:
        raise NbappAPIError(f"st.space(): size must be one of {', '.join(map(repr, SPACE_SIZES))}, 'stretch' or a number of pixels, "
                            f"got {describe(size)}.")
    return dg._enqueue("space", {"size": size, "css": css})
