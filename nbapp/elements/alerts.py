"""Alerts: success, info, warning, error, and exceptions shown as error elements."""
from __future__ import annotations

from typing import Any


from nbapp.elements.policies import check_icon
from nbapp.elements.registry import element
from nbapp.elements.text import clean_text
from nbapp.errors import NbappAPIError, describe
from nbapp.runtime.source import exception_element


def _alert(dg, kind: str, body: Any, icon: Any):
    return dg._enqueue(kind, {"body": clean_text(body), "icon": check_icon(kind, icon)})



@element(value="body")
def success(dg, body: Any, *, icon: str | None = None, width: int | str = "stretch", title: str | None = None):
    """Display a success message (green box, Markdown body); returns the element's handle.

    Raises NbappAPIError when ``icon`` is not a single emoji.

    Examples
    --------
    >>> st.success("Model trained!", icon="✅")
    """
    return _alert(dg, "success", body, icon)


@element(value="body")
def info(dg, body: Any, *, icon: str | None = None, width: int | str = "stretch", title: str | None = None):
    """Display an informational message (blue box); returns the element's handle."""
    return _alert(dg, "info", body, icon)


@element(value="body")
def warning(dg, body: Any, *, icon: str | None = None, width: int | str = "stretch", title: str | None = None):
    """Display a warning message (yellow box); returns the element's handle."""
    return _alert(dg, "warning", body, icon)


@element(value="body")
def error(dg, body: Any, *, icon: str | None = None, width: int | str = "stretch", title: str | None = None):
    """Display an error message (red box); returns the element's handle."""
    return _alert(dg, "error", body, icon)


@element(value="message")
def exception(dg, exception: BaseException, width: int | str = "stretch"):
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
    return dg._enqueue(element.kind, element.props)
