"""Buttons: button, form_submit_button and download_button (True on the run right after a click),
and link_button (opens a URL; not a widget)."""
from __future__ import annotations

import functools
import mimetypes
import os
from collections.abc import Callable
from typing import Any

from nbapp.elements.policies import check_choice
from nbapp.elements.registry import element
from nbapp.runtime.context import require_run_context
from nbapp.errors import NbappAPIError, describe

BUTTON_TYPES = ("primary", "secondary", "tertiary")


@element()
def button(dg, label: str, key: str | None = None, help: str | None = None,
           on_click: Callable | None = None, args: tuple | None = None, kwargs: dict | None = None, *,
           type: str = "secondary", icon: str | None = None, disabled: bool = False,
           use_container_width: bool | None = None,
           icon_position: str = "left", width: int | str = "content", shortcut: str | None = None,
           wrap: bool | None = None) -> bool:
    """Display a button; returns True on the run right after it was clicked, else False.

    ``on_click(*args, **kwargs)`` runs before that run. Raises NbappAPIError for an
    unknown ``type``.
    """
    check_choice("button", "type", type, BUTTON_TYPES)
    _outside_form(dg, "button", label, "use st.form_submit_button")
    return dg._widget("button", label, key=key, default=False, identity={"label": label, "help": help},
                        props={"type": type, "icon": icon, "use_container_width": use_container_width},
                        deserialize=bool, on_change=on_click, args=args, kwargs=kwargs, help=help,
                        disabled=disabled, trigger=True)


@element(accessor="button")  # AppTest lists form submit buttons in at.button, as Streamlit's does
def form_submit_button(dg, label: str = "Submit", help: str | None = None,
                       on_click: Callable | None = None, args: tuple | None = None, kwargs: dict | None = None, *,
                       key: str | None = None, type: str = "secondary", icon: str | None = None,
                       disabled: bool = False, use_container_width: bool | None = None,
                       icon_position: str = "left", width: int | str = "content", shortcut: str | None = None,
                       wrap: bool | None = None) -> bool:
    """Display a form's submit button; returns True on the run after the form was submitted.

    Clicking it sends every value the form held back at once. Raises NbappAPIError
    outside an ``st.form``.
    """
    check_choice("form_submit_button", "type", type, BUTTON_TYPES)
    ctx = require_run_context("form_submit_button")
    form = dg._target(ctx).form
    if form is None:
        raise NbappAPIError(
            f"st.form_submit_button({label!r}) must be inside an st.form(): "
            "use `with st.form('my_form'):` around the form's widgets and its submit button."
        )
    submitted = dg._widget("form_submit_button", label, key=key, default=False,
                             identity={"label": label, "help": help, "form": form},
                             props={"type": type, "icon": icon, "use_container_width": use_container_width},
                             deserialize=bool, on_change=on_click, args=args, kwargs=kwargs, help=help,
                             disabled=disabled, trigger=True)
    if submitted:
        ctx.submitted_forms.add(form)
    return submitted


@element()
def download_button(dg, label: str, data: Any, file_name: str | None = None, mime: str | None = None,
                    key: str | None = None, help: str | None = None, on_click: Callable | str | None = "rerun",
                    args: tuple | None = None, kwargs: dict | None = None, *, type: str = "secondary",
                    icon: str | None = None, disabled: bool = False, use_container_width: bool | None = None,
                    icon_position: str = "left", width: int | str = "content", shortcut: str | None = None,
                    wrap: bool | None = None) -> bool:
    """Display a button that downloads ``data`` as ``file_name``; returns True on the run right after a click.

    ``data`` is a str (sent as UTF-8, ``mime`` "text/plain"), bytes ("application/octet-stream"),
    a file-like object (one opened from disk names the file and its type when ``file_name`` /
    ``mime`` are not given), or a callable without arguments returning one of those, called
    on a worker thread when the button is clicked (deferred: nothing is sent before). ``on_click`` is "rerun" (default), "ignore" (the click does not
    rerun the app) or a callback. Raises NbappAPIError for other data, inside an st.form,
    or for an unknown ``type``.

    Examples
    --------
    >>> st.download_button("Download CSV", df.to_csv(index=False), "metrics.csv", "text/csv")
    """
    check_choice("download_button", "type", type, BUTTON_TYPES)
    _outside_form(dg, "download_button", label, "put it after the form")
    if callable(data):
        payload, default_mime = functools.partial(_deferred_bytes, label, data, mime), "application/octet-stream"
    else:
        file_name, mime = _file_info(data, file_name, mime)
        payload, default_mime = _download_bytes(label, data)
    if not (on_click is None or on_click in ("rerun", "ignore") or callable(on_click)):
        raise NbappAPIError(f"st.download_button({label!r}): on_click must be 'rerun', 'ignore' or a callable, "
                            f"got {describe(on_click)}.")
    # Not the data: an identity that changed with it would lose the click (Streamlit issue #7308).
    return dg._widget("download_button", label, key=key, default=False,
                        identity={"label": label, "file_name": file_name, "mime": mime, "help": help},
                        props={"data": payload, "file_name": file_name, "mime": mime or default_mime,
                               "type": type, "icon": icon, "use_container_width": use_container_width,
                               "notify": on_click != "ignore"},
                        deserialize=bool, on_change=on_click if callable(on_click) else None, args=args,
                        kwargs=kwargs, help=help, disabled=disabled, trigger=True)


@element()
def link_button(dg, label: str, url: str, *, help: str | None = None, type: str = "secondary",
                icon: str | None = None, disabled: bool = False, use_container_width: bool | None = None,
                key: str | int | None = None, on_click: Callable | str | None = "ignore",
                args: tuple | None = None, kwargs: dict | None = None, icon_position: str = "left",
                width: int | str = "content", shortcut: str | None = None, wrap: bool | None = None):
    """Display a button that opens ``url`` in a new browser tab; returns the element's handle.

    Raises NbappAPIError when ``label`` or ``url`` is not a str, or for an unknown ``type``.

    Examples
    --------
    >>> st.link_button("Open the dashboard", "https://wandb.ai/my-team/my-project")
    """
    check_choice("link_button", "type", type, BUTTON_TYPES)
    for arg, value in (("label", label), ("url", url)):
        if not isinstance(value, str):
            raise NbappAPIError(f"st.link_button(): {arg} must be a str, got {describe(value)}.")
    return dg._enqueue("link_button", {"label": label, "url": url, "help": help, "type": type, "icon": icon,
                                         "disabled": bool(disabled), "use_container_width": use_container_width})


def _outside_form(dg, fn: str, label: str, fix: str) -> None:
    if dg._target(require_run_context(fn)).form is not None:
        raise NbappAPIError(f"st.{fn}({label!r}) can't be used in an st.form(); {fix}.")


def _file_info(data: Any, file_name: str | None, mime: str | None) -> tuple[str | None, str | None]:
    """The file name and MIME type a file opened from disk gives, where the caller gave none."""
    path = getattr(data, "name", None)
    if not isinstance(path, str) or not hasattr(data, "read"):
        return file_name, mime
    file_name = file_name or os.path.basename(path)
    return file_name, mime or mimetypes.guess_type(file_name)[0]


def _deferred_bytes(label: str, data: Callable[[], Any], mime: str | None) -> tuple[bytes, str]:
    """Call a deferred download's ``data`` (on a click) and return its bytes and MIME type."""
    payload, default_mime = _download_bytes(label, data())
    return payload, mime or default_mime


def _download_bytes(label: str, data: Any) -> tuple[bytes, str]:
    """Return the bytes to download and their default MIME type; raise NbappAPIError for other data."""
    if hasattr(data, "getvalue"):  # BytesIO / StringIO: the whole buffer, wherever its position
        data = data.getvalue()
    elif hasattr(data, "read"):
        if getattr(data, "seekable", lambda: False)():
            data.seek(0)
        data = data.read()
    if isinstance(data, str):
        return data.encode("utf-8"), "text/plain"
    if isinstance(data, (bytes, bytearray, memoryview)):
        return bytes(data), "application/octet-stream"
    raise NbappAPIError(f"st.download_button({label!r}): data must be a str, bytes, a file-like object or a "
                        f"callable returning one, got "
                        f"{type(data).__name__}. Convert it first, e.g. df.to_csv(index=False) for a DataFrame.")
