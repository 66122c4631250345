"""What a served script's page runs in its kernel: the script as an app, like ``streamlit run``."""
from __future__ import annotations

import os
import sys


def run_script(path: str, *, cwd: str, watch: bool) -> None:
    """Show the app in the script at ``path`` in this kernel's output; returns None.

    As with ``streamlit run``, the working directory is where the server was started
    (``cwd``) and the script's folder comes first on ``sys.path``, so its sibling modules
    import. With ``watch``, saving the script reruns the app in place, keeping widget values.
    Raises FileNotFoundError naming the path when the script is gone.
    """
    from nbapp.jupyter.session import show_script

    os.chdir(cwd)
    folder = os.path.dirname(path)
    if folder not in sys.path:
        sys.path.insert(0, folder)
    show_script(path, watch=watch)
