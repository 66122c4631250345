"""What a served script's page runs in its kernel: the script as an app, like ``streamlit run``."""
from __future__ import annotations

import os
import sys
from typing import Any


def run_script(path: str, *, cwd: str, watch: bool) -> None:
    """Show the app in the script at ``path`` in this kernel's output; returns None.

    As with ``streamlit run``, the working directory is where the server was started
    (``cwd``) and the script's folder comes first on ``sys.path``, so its sibling modules
    import. With ``watch``, saving the script reruns the app in place, keeping widget values.
    After the first run, the app is also displayed as a static snapshot, which the page
    shows at once and replaces with the live widgets when they have drawn.
    Raises FileNotFoundError naming the path when the script is gone.
    """
    from nbapp.jupyter.session import show_script

    os.chdir(cwd)
    folder = os.path.dirname(path)
    if folder not in sys.path:
        sys.path.insert(0, folder)
    show_snapshot(show_script(path, watch=watch).widget)


def show_snapshot(root: Any) -> None:
    """Display the widget tree under ``root`` as static HTML, marked ``metadata.nbapp.snapshot``; returns None.

    The page's template shows that output until the live widgets have drawn (page.js).
    """
    from IPython.display import display

    from nbapp.serve.static import CSS, WidgetHtml

    state = root.get_manager_state()["state"]  # every widget of this kernel: the app's
    html = f"<style>{CSS}</style>{WidgetHtml(state).widget(root.model_id)}"
    display({"text/html": html}, raw=True, metadata={"nbapp": {"snapshot": True}})
