"""What a served script's page runs in its kernel: the script as an app, like ``streamlit run``."""
from __future__ import annotations

import os
import re
import sys
from typing import Any


def run_script(path: str, *, cwd: str, watch: bool, source: str | None = None) -> None:
    """Show the app in the script at ``path`` in this kernel's output; returns None.

    As with ``streamlit run``, the working directory is where the server was started
    (``cwd``) and the script's folder comes first on ``sys.path``, so its sibling modules
    import. With ``watch``, saving the script reruns the app in place, keeping widget values.
    With ``source`` (a kernel on another machine, ``nbapp run --gateway-url``), that text is
    the app and ``path`` need not exist here; ``cwd`` and the script's folder are used only
    where they exist on this machine (a shared volume), else the kernel stays where its
    gateway started it.
    After the first run, the app is also displayed as a static snapshot, which the page
    shows at once and replaces with the live widgets when they have drawn.
    Raises FileNotFoundError naming the path when the script is gone (and no ``source``).
    """
    from nbapp.jupyter.session import JupyterApp, show_script
    from nbapp.navigation import pages_folder_script

    folder = os.path.dirname(path)
    if source is None or os.path.isdir(cwd):
        os.chdir(cwd)
    if folder not in sys.path and (source is None or os.path.isdir(folder)):
        sys.path.insert(0, folder)
    if source is None:
        app = show_script(path, watch=watch)
    else:
        app = JupyterApp(pages_folder_script(path, source), filename=path)
        app.show()
    show_snapshot(app.widget)


def show_snapshot(root: Any) -> None:
    """Display the widget tree under ``root`` as static HTML, marked ``metadata.nbapp.snapshot``; returns None.

    The page's template shows that output until the live widgets have drawn (page.js).
    """
    from IPython.display import display

    from nbapp.serve.static import CSS, WidgetHtml

    state = root.get_manager_state()["state"]  # every widget of this kernel: the app's
    html = f"<style>{CSS}</style>{WidgetHtml(state).widget(root.model_id)}"
    display({"text/html": html}, raw=True, metadata={"nbapp": {"snapshot": True}})


_PAGES: list[tuple[str, str]] = []  # (name, source) of a served notebook's named %%app cells, in order


def add_page(name: str, source: str) -> None:
    """Register a named ``%%app`` cell as a page of the notebook's app (see :func:`run_pages`); returns None."""
    _PAGES[:] = [(n, s) for n, s in _PAGES if n != name] + [(name, source)]


def run_pages() -> None:
    """Show one app whose pages are the registered cells (st.navigation in the sidebar); returns None.

    Each page runs its cell's source with the notebook's variables, as the cell would.
    """
    from IPython import get_ipython

    from nbapp.jupyter.session import JupyterApp

    shell = get_ipython()
    source = "from nbapp.serve.kernel import cell_pages\nimport nbapp\nnbapp.navigation(cell_pages()).run()\n"
    app = JupyterApp(source, filename="<%%app pages>", globals_fn=lambda: shell.user_ns if shell else {})
    app.show()
    show_snapshot(app.widget)


def cell_pages() -> list:
    """The st.Page of each registered cell (the first is the default page)."""
    from nbapp.navigation import Page
    from nbapp.runtime.context import require_run_context
    from nbapp.runtime.source import Source

    pages = []
    for i, (name, body) in enumerate(_PAGES):
        code = Source.compile(body, f"<%%app {name}>")
        globals_fn = require_run_context("navigation").app.globals_fn

        def run(code=code, globals_fn=globals_fn):
            exec(code.code, code.namespace(globals_fn() if globals_fn else None))

        slug = re.sub(r"[^\w-]+", "_", name).strip("_") or f"page_{i + 1}"
        pages.append(Page(run, title=name, url_path=slug, default=i == 0))
    return pages
