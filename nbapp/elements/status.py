"""Status: progress and spinner that update live during a run, toast, balloons, snow."""
from __future__ import annotations

import contextlib
from typing import Any

from nbapp.errors import NbappAPIError, describe


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


class ProgressBar:
    """The handle of ``st.progress``: call ``.progress(value, text)`` to move it in place."""

    def __init__(self, handle) -> None:
        self._handle = handle

    def progress(self, value: Any, text: str | None = None) -> "ProgressBar":
        """Update the bar (shown at once, even mid-run); returns the same bar."""
        self._handle._enqueue("progress", {"value": _progress_value(value), "text": text}, live=True)
        return self

    def empty(self) -> None:
        """Remove the bar."""
        self._handle.empty()


class StatusMixin:
    """Feedback during and after a run."""

    def progress(self, value: Any, text: str | None = None) -> ProgressBar:
        """Display a progress bar at ``value`` (0..100 or 0.0..1.0); returns a bar to update.

        Examples
        --------
        >>> bar = st.progress(0, text="Working")
        >>> for i in range(100):
        ...     bar.progress(i + 1, text="Working")
        """
        return ProgressBar(self._enqueue("progress", {"value": _progress_value(value), "text": text}, live=True))

    @contextlib.contextmanager
    def spinner(self, text: str = "In progress...", *, show_time: bool = False):
        """Show ``text`` with a spinner while the ``with`` block runs; it disappears after."""
        slot = self.empty()
        slot._enqueue("spinner", {"text": str(text), "show_time": bool(show_time)}, live=True)
        try:
            yield
        finally:
            slot._add_block("empty")

    def toast(self, body: Any, *, icon: str | None = None) -> None:
        """Show a short message that pops up in the corner and fades after a few seconds."""
        self._enqueue("toast", {"body": str(body), "icon": icon}, live=True)

    def balloons(self) -> None:
        """Celebrate with balloons floating up the page."""
        self._enqueue("balloons", {}, live=True)

    def snow(self) -> None:
        """Celebrate with falling snowflakes."""
        self._enqueue("snow", {}, live=True)
