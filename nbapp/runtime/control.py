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
    """Stop this run and start a new one at once: of the whole app, or (``scope="fragment"``) of this fragment.

    Never returns. ``scope`` may also name fragments by their ``key`` (from a widget
    callback); nbapp then reruns the app, which reruns them too. Raises NbappAPIError for
    an empty or unknown scope, and for ``scope="fragment"`` outside a fragment's own rerun
    (in a run of the whole app there is nothing to rerun alone).

    Examples
    --------
    >>> if st.button("Refresh this part"):
    ...     st.rerun(scope="fragment")
    """
    if scope == "app":
        raise RerunException()
    ctx = get_run_context()
    if scope == "fragment":
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
    known = {s.props.get("key") for s in ctx.app.fragments.values()} if ctx is not None else set()
    for key in map(str, keys):
        if key not in known:
            raise NbappAPIError(f"st.rerun({scope!r}): no fragment has key={key!r}. Give the fragment "
                                f"@st.fragment(key={key!r}), or rerun the app with st.rerun().")
    raise RerunException()


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
