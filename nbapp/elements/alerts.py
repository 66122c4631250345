"""Alerts: success, info, warning, error, and exceptions shown as error elements."""
from __future__ import annotations

from typing import Any

from nbapp.elements.text import check_icon, clean_text
from nbapp.errors import NbappAPIError, describe
from nbapp.runtime.source import user_traceback
from nbapp.tree import Element


def exception_element(exc: BaseException) -> Element:
    """Return the element that shows ``exc``: type, message and the user's own frames."""
    return Element("exception", {
        "type": type(exc).__name__,
        "message": str(exc),
        "traceback": user_traceback(exc),
    })


class AlertsMixin:
    """Colored message boxes."""

    def _alert(self, kind: str, body: Any, icon: Any):
        return self._enqueue(kind, {"body": clean_text(body), "icon": check_icon(kind, icon)})

    def success(self, body: Any, *, icon: str | None = None):
        """Display a success message (green box, Markdown body); returns the element's handle.

        Raises NbappAPIError when ``icon`` is not a single emoji.

        Examples
        --------
        >>> st.success("Model trained!", icon="✅")
        """
        return self._alert("success", body, icon)

    def info(self, body: Any, *, icon: str | None = None):
        """Display an informational message (blue box); returns the element's handle."""
        return self._alert("info", body, icon)

    def warning(self, body: Any, *, icon: str | None = None):
        """Display a warning message (yellow box); returns the element's handle."""
        return self._alert("warning", body, icon)

    def error(self, body: Any, *, icon: str | None = None):
        """Display an error message (red box); returns the element's handle."""
        return self._alert("error", body, icon)

    def exception(self, exception: BaseException):
        """Display an exception: its type, message and traceback (the app's own frames only).

        Returns the element's handle; raises NbappAPIError when ``exception`` is not one.

        Examples
        --------
        >>> try:
        ...     1 / 0
        ... except ZeroDivisionError as err:
        ...     st.exception(err)
        """
        if not isinstance(exception, BaseException):
            raise NbappAPIError(f"st.exception(): exception must be an exception, got {describe(exception)} "
                                f"({type(exception).__name__}).")
        element = exception_element(exception)
        return self._enqueue(element.kind, element.props)
