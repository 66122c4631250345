"""The Jupyter server extension behind nbapp's JupyterLab extension: notebooks served as ``nbapp run`` pages.

``GET /nbapp/render/PATH`` (PATH relative to the server's root) is the page ``nbapp run
PATH`` shows: the same Voilà handler, template, options and lost-wakeup fix
(:mod:`nbapp.serve.wakeup`), inside the Jupyter server that JupyterLab runs, so the lab's
app panel needs no second server. ``?watch=0`` serves it without rerunning its apps on save
(with the default ``watch=1``, saving an ``%%app`` cell reruns that app in place, keeping its
widget values; see :mod:`nbapp.jupyter.watch`). Static files, widget extensions and the
kernel shutdown come from Voilà's own server extension (``/voila/...``), which Voilà enables
when it is installed.

Enabled by ``jupyter_server_config.d/nbapp.json`` (installed with the package).
"""
from __future__ import annotations

import os
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    import nbformat

RENDER_PATH = "/nbapp/render/(.*)"


def _jupyter_server_extension_points() -> list[dict[str, str]]:
    """Return where jupyter_server finds this extension's loader (this module)."""
    return [{"module": "nbapp.serve.labext"}]


def _load_jupyter_server_extension(server_app: Any) -> None:
    """Add the ``/nbapp/render/`` handler to ``server_app`` and install the lost-wakeup fix; returns None."""
    from jupyter_server.utils import url_path_join
    from voila.configuration import VoilaConfiguration
    from voila.paths import collect_template_paths
    from traitlets.config import Config
    from voila.tornado.handler import TornadoVoilaHandler

    from nbapp.serve import wakeup
    from nbapp.serve.options import ServeOptions
    from nbapp.serve.server import BASE_TEMPLATE, TEMPLATE_DIR, voila_config

    wakeup.install()
    # The page options of `nbapp run` (template, no sources, timeouts, help texts), for its defaults.
    config = voila_config(ServeOptions(path=Path(server_app.root_dir)), 0)
    page_config = {"VoilaConfiguration": config.VoilaConfiguration, "VoilaExecutor": config.VoilaExecutor}
    configuration = VoilaConfiguration(config=config)
    configuration.prelaunch_hook = app_page_notebook
    configuration.page_config_hook = _local_page_config
    executor_config = server_app.config.copy()
    executor_config.merge(Config(page_config))
    template_paths = [str(TEMPLATE_DIR), *collect_template_paths(["voila", "nbconvert"], BASE_TEMPLATE, prune=True)]
    web_app = server_app.web_app
    route = url_path_join(web_app.settings["base_url"], RENDER_PATH)
    web_app.add_handlers(".*$", [(route, TornadoVoilaHandler, {
        "config": executor_config, "template_paths": template_paths, "voila_configuration": configuration})])
    server_app.log.info("nbapp: app pages at %s", route)


def app_page_notebook(handler: Any, notebook: nbformat.NotebookNode, cwd: str) -> nbformat.NotebookNode:
    """Return the notebook an app page executes for ``notebook`` (Voilà's ``prelaunch_hook``).

    As ``nbapp run`` serves a notebook (``%load_ext nbapp`` first, ``%%app`` cells marked as the
    page's apps); unless the request says ``watch=0``, a last cell reruns the apps on save.
    """
    import nbformat

    from nbapp.serve.notebooks import LOAD_EXTENSION, is_app_cell

    for cell in notebook.cells:
        if is_app_cell(cell):
            cell.metadata["nbapp"] = {"role": "app"}
    notebook.cells.insert(0, nbformat.v4.new_code_cell(LOAD_EXTENSION))
    if handler.get_argument("watch", "1") != "0":
        path = os.path.join(handler.contents_manager.root_dir, _request_path(handler))
        notebook.cells.append(nbformat.v4.new_code_cell(
            f"from nbapp.jupyter.watch import watch_notebook\nwatch_notebook({os.path.abspath(path)!r})"))
    return notebook


def _local_page_config(page_config: dict[str, Any], **_: Any) -> dict[str, Any]:
    # As in `nbapp run`'s page: no MathJax URL. Voilà falls back to a CDN's when the server names none.
    return {**page_config, "fullMathjaxUrl": None, "mathjaxConfig": None}


def _request_path(handler: Any) -> str:
    return handler.path_args[0] if handler.path_args else ""
