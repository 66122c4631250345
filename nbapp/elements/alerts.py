"""Alerts: success, info, warning, error, and exceptions shown as error elements."""
from __future__ import annotations

from typing import Any

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

    def _alert(self, kind: str, body: Any, icon: str | None):
        return self._enqueue(kind, {"body": str(body), "icon": icon})

    def success(self, body: Any, *, icon: str | None = None):
        """Display a success message (green box); returns the element's handle."""
        return self._alert("success", body, icon)

    def info(self, body: Any, *, icon: str | None = None):
        """Display an informational message (blue box)."""
        return self._alert("info", body, icon)

    def warning(self, body: Any, *, icon: str | None = None):
        """Display a warning message (yellow box)."""
        return self._alert("warning", body, icon)

    def error(self, body: Any, *, icon: str | None = None):
        """Display an error message (red box)."""
        return self._alert("error", body, icon)

    def exception(self, exception: BaseException):
        """Display an exception: its type, message and traceback (user frames only)."""
        element = exception_element(exception)
        return self._enqueue(element.kind, element.props)
