"""Control and state: st.stop, st.rerun, st.session_state, st.set_page_config."""
from __future__ import annotations

from collections.abc import MutableMapping
from typing import Any, NoReturn

from nbapp.errors import NbappAPIError, RerunException, StopException, describe
from nbapp.runtime.context import get_run_context, require_run_context
from nbapp.runtime.state import SessionState

LAYOUTS = ("centered", "wide")
SIDEBAR_STATES = ("auto", "expanded", "collapsed")


def stop() -> NoReturn:
    """End the current run quietly: nothing after this line runs."""
    raise StopException()


def rerun(scope: str | int | list = "app") -> NoReturn:
    """Stop this run and start a new one at once: of the whole app, of this fragment, or of named fragments.

    Never returns. ``scope`` is "app" (default), "fragment" (only inside a fragment, during
    one of its own reruns, or in the callback of a widget inside it) or, from a widget
    callback only, a fragment ``key`` or a list of keys: those fragments rerun instead of
    what the interaction would rerun (the whole app reruns when another callback of the
    same interaction asks for it). ``st.rerun()`` in a callback asks for the interaction's
    own rerun, which follows anyway. Raises NbappAPIError for an empty or unknown scope,
    a key outside a callback, and ``scope="fragment"`` in a run of the whole app.

    Examples
    --------
    >>> if st.button("Refresh this part"):
    ...     st.rerun(scope="fragment")
    >>> st.button("Refresh charts", on_click=lambda: st.rerun("charts"))
    """
    if scope == "app":
        raise RerunException()
    ctx = get_run_context()
    if scope == "fragment":
        if ctx is not None and ctx.in_callback and ctx.run_scope is not None:
            raise RerunException(targets=[ctx.run_scope])  # a callback of a widget inside the fragment
        if ctx is None or ctx.scope is None or ctx.run_scope is None:
            raise NbappAPIError(
                'st.rerun(scope="fragment") can only be called from an @st.fragment-decorated function during '
                'one of its own reruns (a widget inside it changed, or run_every). Use st.rerun() to rerun the app.')
        raise RerunException(fragment=ctx.scope)
    keys = [scope] if isinstance(scope, (str, int)) and not isinstance(scope, bool) else scope
    if not isinstance(keys, (list, tuple)) or not keys or not all(
            isinstance(k, (str, int)) and not isinstance(k, bool) and k not in ("", "app", "fragment") for k in keys):
        raise NbappAPIError(f"st.rerun(): scope must be 'app', 'fragment', a fragment key or a list of fragment "
                            f"keys, got {describe(scope)}.")
    if ctx is None or not ctx.in_callback:
        raise NbappAPIError(
            f"st.rerun({scope!r}): a fragment key can only be passed from a widget callback (on_change / on_click); "
            "in the script or a fragment's body it would abort the current run. Use st.rerun() for the app or "
            "st.rerun(scope='fragment') for the current fragment.")
    by_key: dict[str, list[str]] = {}
    for fid, fragment in ctx.app.fragments.items():
        if fragment.props.get("key") is not None:
            by_key.setdefault(fragment.props["key"], []).append(fid)
    targets: list[str] = []
    for key in map(str, keys):
        if key not in by_key:
            raise NbappAPIError(f"st.rerun({scope!r}): no fragment has key={key!r}. Give the fragment "
                                f"@st.fragment(key={key!r}) and draw it at least once, or rerun the app with "
                                "st.rerun().")
        targets += [fid for fid in by_key[key] if fid not in targets]
    raise RerunException(targets=targets)


def set_page_config(page_title: str | None = None, page_icon: str | None = None, layout: str | None = None,
                    initial_sidebar_state: str | None = None, menu_items: dict | None = None) -> None:
    """Set the page's title, icon, layout and sidebar state (used when the app is served).

    Each call changes only the arguments it passes, so later calls refine earlier ones.
    Raises NbappAPIError for an unknown ``layout`` or ``initial_sidebar_state``.
    """
    if layout is not None and layout not in LAYOUTS:
        raise NbappAPIError(f"st.set_page_config(): layout must be 'centered' or 'wide'; got {describe(layout)}.")
    if initial_sidebar_state is not None and initial_sidebar_state not in SIDEBAR_STATES:
        raise NbappAPIError(
            f"st.set_page_config(): initial_sidebar_state must be one of {', '.join(map(repr, SIDEBAR_STATES))}; "
            f"got {describe(initial_sidebar_state)}."
        )
    given = dict(page_title=page_title, page_icon=page_icon, layout=layout,
                 initial_sidebar_state=initial_sidebar_state, menu_items=menu_items)
    require_run_context("set_page_config").app.page_config.update({k: v for k, v in given.items() if v is not None})



class _SessionStateProxy(MutableMapping):
    """``st.session_state``: the session state of the app whose run is executing."""

    def _state(self) -> SessionState:
        return require_run_context("session_state").session_state

    def __getitem__(self, key: str) -> Any:
        return self._state()[key]

    def __setitem__(self, key: str, value: Any) -> None:
        self._state()[key] = value

    def __delitem__(self, key: str) -> None:
        del self._state()[key]

    def __iter__(self):
        return iter(self._state())

    def __len__(self) -> int:
        return len(self._state())

    def __contains__(self, key: object) -> bool:
        return key in self._state()

    def __getattr__(self, key: str) -> Any:
        return getattr(self._state(), key)

    def __setattr__(self, key: str, value: Any) -> None:
        self._state()[key] = value

    def __delattr__(self, key: str) -> None:
        delattr(self._state(), key)

    def __repr__(self) -> str:
        ctx = get_run_context()
        return repr(ctx.session_state) if ctx else "SessionState(<outside an app run>)"

    def to_dict(self) -> dict[str, Any]:
        """Return a plain copy of the session state's entries."""
        return self._state().to_dict()


session_state = _SessionStateProxy()
