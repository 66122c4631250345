"""Buttons: button and form_submit_button (True on the run right after a click)."""
from __future__ import annotations

from collections.abc import Callable

from nbapp.errors import NbappAPIError, describe

BUTTON_TYPES = ("primary", "secondary", "tertiary")


def _check_type(fn: str, type: str) -> None:
    if type not in BUTTON_TYPES:
        raise NbappAPIError(f"st.{fn}(): type must be one of {', '.join(map(repr, BUTTON_TYPES))}; got {describe(type)}.")


class ButtonMixin:
    """Clickable widgets."""

    def button(self, label: str, key: str | None = None, help: str | None = None,
               on_click: Callable | None = None, args: tuple | None = None, kwargs: dict | None = None, *,
               type: str = "secondary", icon: str | None = None, disabled: bool = False,
               use_container_width: bool = False) -> bool:
        """Display a button; returns True on the run right after it was clicked, else False.

        ``on_click(*args, **kwargs)`` runs before that run. Raises NbappAPIError for an
        unknown ``type``.
        """
        _check_type("button", type)
        from nbapp.container import _context

        if self._target(_context(self, "button")).form is not None:
            raise NbappAPIError(f"st.button({label!r}) can't be used in an st.form(); use st.form_submit_button.")
        return self._widget("button", label, key=key, default=False, identity={"label": label, "help": help},
                            props={"type": type, "icon": icon, "use_container_width": use_container_width},
                            deserialize=bool, on_change=on_click, args=args, kwargs=kwargs, help=help,
                            disabled=disabled, trigger=True)

    def form_submit_button(self, label: str = "Submit", help: str | None = None,
                           on_click: Callable | None = None, args: tuple | None = None, kwargs: dict | None = None, *,
                           key: str | None = None, type: str = "secondary", icon: str | None = None,
                           disabled: bool = False, use_container_width: bool = False) -> bool:
        """Display a form's submit button; returns True on the run after the form was submitted.

        Clicking it sends every value the form held back at once. Raises NbappAPIError
        outside an ``st.form``.
        """
        _check_type("form_submit_button", type)
        from nbapp.container import _context

        ctx = _context(self, "form_submit_button")
        form = self._target(ctx).form
        if form is None:
            raise NbappAPIError(
                f"st.form_submit_button({label!r}) must be inside an st.form(): "
                "use `with st.form('my_form'):` around the form's widgets and its submit button."
            )
        submitted = self._widget("form_submit_button", label, key=key, default=False,
                                 identity={"label": label, "help": help, "form": form},
                                 props={"type": type, "icon": icon, "use_container_width": use_container_width},
                                 deserialize=bool, on_change=on_click, args=args, kwargs=kwargs, help=help,
                                 disabled=disabled, trigger=True)
        if submitted:
            ctx.submitted_forms.add(form)
        return submitted
