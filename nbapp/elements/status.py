"""Status: progress and spinner that update live during a run, toast, balloons, snow."""
from __future__ import annotations

import contextlib
import itertools
from typing import Any

from nbapp.elements.policies import check_icon, check_str
from nbapp.elements.registry import element
from nbapp.elements.text import clean_text
from nbapp.errors import NbappAPIError, describe

TOAST_DURATIONS = {"short": 4, "long": 10, "infinite": None}
# Each toast / balloons / snow call gets a new number, so a repeat in a later run is a new
# element (its animation plays again) rather than the same one reused as unchanged.
_EVENTS = itertools.count()


def _progress_value(value: Any) -> int:
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        raise NbappAPIError(f"st.progress(): value must be an int in 0..100 or a float in 0.0..1.0, got {describe(value)}.")
    if isinstance(value, int):
        if not 0 <= value <= 100:
            raise NbappAPIError(f"st.progress(): an int value must be in 0..100, got {value}.")
        return value
    if not 0.0 <= value <= 1.0:
        raise NbappAPIError(f"st.progress(): a float value must be in 0.0..1.0, got {value}.")
    return round(value * 100)


def _toast_seconds(duration: Any) -> float | None:
    if isinstance(duration, str) and duration in TOAST_DURATIONS:
        return TOAST_DURATIONS[duration]
    if isinstance(duration, (int, float)) and not isinstance(duration, bool) and duration > 0:
        return duration
    raise NbappAPIError(f"st.toast(): duration must be 'short', 'long', 'infinite' or a positive number of seconds; "
                        f"got {describe(duration)}.")


@element()
def progress(dg, value: Any, text: str | None = None, width: int | str = "stretch"):
    """Display a progress bar at ``value`` (int 0..100 or float 0.0..1.0); returns its handle.

    Call ``.progress(value, text)`` on the handle to move the bar: it is shown at
    once, even in the middle of a run. Raises NbappAPIError for a value out of range.

    Examples
    --------
    >>> bar = st.progress(0, text="Training")
    >>> for epoch in range(10):
    ...     bar.progress((epoch + 1) / 10, text=f"Epoch {epoch + 1}")
    """
    check_str("progress", "text", text)
    return dg._enqueue("progress", {"value": _progress_value(value), "text": text}, live=True)


@element(value="text")
@contextlib.contextmanager
def spinner(dg, text: str = "In progress...", *, show_time: bool = False, _cache: bool = False,
            width: int | str = "content"):
    """Show ``text`` with a spinner while the ``with`` block runs; it disappears after.

    ``show_time`` adds the seconds elapsed. ``_cache`` is Streamlit's private flag for the
    spinner of a cached function being computed (drawn alike). Raises NbappAPIError when
    text is not a string.

    Examples
    --------
    >>> with st.spinner("Loading the model..."):
    ...     model = load()
    """
    check_str("spinner", "text", text, optional=False)
    # A transient placeholder, as Streamlit's: it holds its place among the block's children while
    # the spinner shows, and AppTest does not list it (a cached call's spinner left an "empty").
    slot = dg._add_block("empty", {"transient": True})
    slot._slot = 0
    slot._enqueue("spinner", {"text": text, "show_time": bool(show_time), "cache": bool(_cache)}, live=True)
    try:
        yield
    finally:
        slot.empty()


@element(value="body")
def toast(dg, body: Any, *, icon: str | None = None, duration: str | int | float = "short"):
    """Pop up a short message in the corner; it fades after ``duration`` ("short": 4 s, "long": 10 s,
    "infinite", or seconds).

    Returns a handle: ``.toast(...)`` on it replaces the message. Raises NbappAPIError
    for a bad icon or duration.

    Examples
    --------
    >>> msg = st.toast("Gathering ingredients...")
    >>> msg.toast("Ready!", icon="🥞")
    """
    return dg._enqueue("toast", {"body": clean_text(body), "icon": check_icon("toast", icon),
                            "duration": _toast_seconds(duration), "seq": next(_EVENTS)}, live=True)


@element()
def balloons(dg):
    """Celebrate with balloons floating up the page; returns the element's handle."""
    return dg._enqueue("balloons", {"seq": next(_EVENTS)}, live=True)


@element()
def snow(dg):
    """Celebrate with snowflakes falling down the page; returns the element's handle."""
    return dg._enqueue("snow", {"seq": next(_EVENTS)}, live=True)
