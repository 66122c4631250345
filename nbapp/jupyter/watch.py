"""Rerun a notebook's apps in place when the notebook file is saved, keeping their widget values.

What the JupyterLab extension's app panel runs in its kernel (last cell of the page's
notebook, see :mod:`nbapp.serve.labext`): the page's ``%%app`` cells ran in file order, so
the n-th app cell of the saved file is the n-th app of this kernel. A save that changes an
app cell's body reruns that app with the new body; anything else (cells added, removed,
other code changed) is the panel's to handle by reloading the page.
"""
from __future__ import annotations

import threading

WATCH_INTERVAL = 0.25  # seconds between checks of the notebook's modification time


def watch_notebook(path: str) -> threading.Thread | None:
    """Start a daemon thread that reruns this kernel's apps when the notebook at ``path`` changes.

    Returns the thread, or None when the kernel's apps do not match the file's app cells
    (then nothing is watched). Raises UsageError when ``path`` is not a readable notebook.

    Examples
    --------
    >>> watch_notebook("/srv/analysis.ipynb")  # doctest: +SKIP
    <Thread(nbapp-watch /srv/analysis.ipynb, started daemon ...)>
    """
    from nbapp.jupyter.magic import _APPS

    apps = list(_APPS.values())
    bodies = _app_bodies(path)
    if not apps or len(bodies) != len(apps):
        return None
    thread = threading.Thread(target=_watch, args=(path, apps, bodies), name=f"nbapp-watch {path}", daemon=True)
    thread.start()
    return thread


def _app_bodies(path: str) -> list[str]:
    from nbapp.serve.notebooks import app_body, is_app_cell, read_notebook

    return [app_body(cell) for cell in read_notebook(path).cells if is_app_cell(cell)]


def _watch(path: str, apps: list, bodies: list[str]) -> None:
    from nbapp.jupyter.session import _stamp
    from nbapp.serve.errors import UsageError

    stamp = _stamp(path)
    while not apps[0].requests.closed:
        apps[0].requests.wait_closed(WATCH_INTERVAL)
        now = _stamp(path)
        if now == stamp or now is None:
            continue
        stamp = now
        try:
            saved = _app_bodies(path)
        except UsageError:  # caught mid-write, or broken: the next good save is picked up
            continue
        if len(saved) != len(apps):
            continue
        for index, (app, body) in enumerate(zip(apps, saved)):
            if body != bodies[index]:
                bodies[index] = body
                app.set_source(body)
