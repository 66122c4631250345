"""AppTest: run an app script headless and inspect what it drew, like ``streamlit.testing.v1``.

Examples
--------
>>> at = AppTest.from_string("import nbapp as st\\nx = st.slider('x', 0, 10, 3)\\nst.write(x * 2)").run()
>>> at.markdown[0].value
'`6`'
>>> at.slider[0].set_value(5).run().markdown[0].value
'`10`'
"""
from __future__ import annotations

import inspect
import os
import textwrap
import threading
from collections.abc import Callable
from typing import Any

from nbapp.elements.pages import NAV_KEY
from nbapp.navigation import page_url_path, pages_folder_script
from nbapp.runtime.runner import App, Scope
from nbapp.runtime.state import SessionState
from nbapp.testing.elements import Block as BlockView
from nbapp.testing.elements import wrap


class AppTest(BlockView):
    """A simulated app session. Build it with ``from_string`` / ``from_file`` / ``from_function``,
    call :meth:`run`, then read element lists (``at.title``, ``at.slider``...) and set widget
    values (``at.slider[0].set_value(3).run()``)."""

    def __init__(self, script: str, *, filename: str = "<apptest>", default_timeout: float = 3.0) -> None:
        self._app = App(script, filename=filename)
        self.default_timeout = default_timeout
        self._pending: dict[str, Any] = {}
        super().__init__(None, self)

    @classmethod
    def from_string(cls, script: str, *, default_timeout: float = 3.0) -> "AppTest":
        """Return an AppTest for the script in ``script`` (dedented)."""
        return cls(textwrap.dedent(script), default_timeout=default_timeout)

    @classmethod
    def from_file(cls, script_path: str, *, default_timeout: float = 3.0) -> "AppTest":
        """Return an AppTest for the script file at ``script_path`` (relative to the caller's file).

        Raises FileNotFoundError naming the path when it does not exist.
        """
        path = script_path
        if not os.path.isabs(path):
            caller = inspect.stack()[1].filename
            candidate = os.path.join(os.path.dirname(os.path.abspath(caller)), path)
            path = candidate if os.path.exists(candidate) else os.path.abspath(path)
        with open(path, encoding="utf-8") as f:
            return cls(pages_folder_script(path, f.read()), filename=path, default_timeout=default_timeout)

    @classmethod
    def from_function(cls, script: Callable[..., Any], *, default_timeout: float = 3.0,
                      args: tuple | None = None, kwargs: dict | None = None) -> "AppTest":
        """Return an AppTest whose script is the body of ``script`` (called with args/kwargs)."""
        source = textwrap.dedent(inspect.getsource(script))
        call = f"\n{script.__name__}(*{tuple(args or ())!r}, **{dict(kwargs or {})!r})\n"
        return cls(source + call, default_timeout=default_timeout)

    @property
    def session_state(self) -> SessionState:
        """The app's session state: set entries before :meth:`run`, read them after."""
        return self._app.session_state

    @property
    def query_params(self):
        """The app's ``st.query_params``: set entries before :meth:`run` (as a URL's ``?x=5`` would), read them after."""
        return self._app.query_params

    @property
    def runs(self) -> int:
        """How many times the script has started (st.rerun included)."""
        return self._app.runs

    def run(self, *, timeout: float | None = None) -> "AppTest":
        """Run the script with the values set since the last run; returns self.

        Raises RuntimeError when the run takes longer than ``timeout`` seconds; the script
        then stops at its next ``st.*`` call instead of running on behind the next test.
        """
        timeout = self.default_timeout if timeout is None else timeout
        scope = self._fragment_scope()
        changes = self._browser_changes()
        failure: list[BaseException] = []
        expired = threading.Event()

        def target() -> None:
            try:
                self._app.run(changes, interrupt=expired.is_set, scope=scope)
            except BaseException as err:  # surfaced in the test's thread below
                failure.append(err)

        thread = threading.Thread(target=target, name="nbapp-apptest", daemon=True)
        thread.start()
        thread.join(timeout)
        if thread.is_alive():
            expired.set()
            raise RuntimeError(f"AppTest script run timed out after {timeout}(s)")
        if failure:
            raise failure[0]
        self._node = self._app.tree
        return self

    def switch_page(self, page_path: str) -> "AppTest":
        """Show the page whose script is ``page_path`` (relative to the main script) on the next run; returns self.

        As Streamlit's ``AppTest.switch_page``: for apps with st.navigation or a ``pages/`` folder.
        Raises ValueError naming the path when no such script exists.
        """
        main = os.path.dirname(self._app.filename) if os.path.isabs(self._app.filename) else os.getcwd()
        target = os.path.abspath(os.path.join(main, page_path))
        if not os.path.isfile(target):
            raise ValueError(f"AppTest.switch_page({page_path!r}): no script at {target}.")
        known = getattr(self._app, "_nbapp_pages", {})
        url = known.get(target)
        if url is None:
            url = "" if target == self._app.filename else page_url_path(target)
        state = self._app.session_state
        if state.widget(NAV_KEY) is None:
            state._values[NAV_KEY] = url  # the first run's navigation starts there
        else:
            self._pending[NAV_KEY] = url
        return self

    def _fragment_scope(self) -> Scope | None:
        """The fragment a browser would rerun for the values set since the last run (None: the whole app).

        As in a browser, widgets that all belong to one fragment rerun only that fragment.
        """
        scopes = {getattr(self._app.session_state.widget(key), "scope", None) for key in self._pending}
        if len(scopes) != 1:
            return None
        return self._app.fragments.get(scopes.pop())

    def _browser_changes(self) -> dict[str, Any]:
        """What the values set since the last run cause when a browser sends them (same path as the kernel).

        Each value goes to the wire form the widget would show, then back through the one
        input path: out-of-bounds values are clamped with a warning, form widgets wait for
        their submit button. Raises ValueError naming the widget for a value it cannot show.
        """
        state = self._app.session_state
        changes: dict[str, Any] = {}
        pending, self._pending = self._pending, {}
        for key, value in pending.items():
            meta = state.widget(key)
            if meta is None:
                continue
            try:
                wire = meta.browser_value(value)
            except Exception as err:
                raise ValueError(f"st.{meta.kind}({meta.label!r}) cannot take the value {value!r}: {err}") from None
            changes.update(state.receive(key, wire) or {})
        return changes

    def _set(self, state_key: str, value: Any) -> None:
        self._pending[state_key] = value

    def _value(self, state_key: str) -> Any:
        if state_key in self._pending:
            return self._pending[state_key]
        return self._app.session_state._values.get(state_key)

    def __repr__(self) -> str:
        return f"AppTest(runs={self.runs})"


__all__ = ["AppTest", "wrap"]
