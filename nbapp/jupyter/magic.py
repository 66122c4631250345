"""``%%app``: run a cell as an app. Each cell is its own app; re-running it keeps its state.

Usage::

    %load_ext nbapp

    %%app
    import nbapp as st
    x = st.slider("x", 0, 100, 25)
    st.write(x, "squared is", x * x)

``%%app NAME`` names the app; otherwise the cell's id (sent by JupyterLab, Notebook 7,
VS Code and Voilà) identifies it. Editing and re-running the cell keeps the values of
widgets and the session_state entries whose identity still exists, as saving a Streamlit
script does.
"""
from __future__ import annotations

import hashlib

from IPython.core.magic import Magics, cell_magic, magics_class

from nbapp.jupyter.session import JupyterApp
from nbapp.jupyter.snapshot import Snapshot

_APPS: dict[str, JupyterApp] = {}


def _cell_key(shell, line: str, cell: str) -> str:
    name = line.strip()
    if name:
        return f"name:{name}"
    kernel = getattr(shell, "kernel", None)
    parent = {}
    if kernel is not None:
        try:
            parent = kernel.get_parent("shell")
        except TypeError:  # ipykernel < 6.? took no channel argument
            parent = kernel.get_parent()
    cell_id = (parent or {}).get("metadata", {}).get("cellId")
    if cell_id:
        return f"cell:{cell_id}"
    # No cell id (a plain IPython terminal, an old front end): each distinct cell is its own app.
    return "source:" + hashlib.md5(cell.encode(), usedforsecurity=False).hexdigest()


def _filename(key: str) -> str:
    """Return the app's filename: unique per app, since linecache shows tracebacks' lines by it."""
    kind, ident = key.split(":", 1)
    if kind == "name":
        return f"<%%app {ident}>"
    return "<%%app " + hashlib.md5(key.encode(), usedforsecurity=False).hexdigest()[:12] + ">"


@magics_class
class AppMagics(Magics):
    """The ``%%app`` cell magic."""

    @cell_magic
    def app(self, line: str, cell: str) -> None:
        """Run the cell as an nbapp app and display it; returns None."""
        key = _cell_key(self.shell, line, cell)
        previous = _APPS.pop(key, None)
        app = JupyterApp(cell, filename=_filename(key), globals_fn=lambda: self.shell.user_ns)
        if previous is not None:
            app.app.session_state = previous.app.session_state
            previous.close()
        _APPS[key] = app
        app.show()
        snapshot = Snapshot(app.widget)  # what the saved notebook shows of the app once no kernel draws it
        snapshot.show()
        app.on_drawn.append(snapshot.refresh)


def load_ipython_extension(ipython) -> None:
    """Register ``%%app`` with IPython (``%load_ext nbapp``)."""
    ipython.register_magics(AppMagics)
