"""``nbapp run``: Voilà, configured through its own traitlets, serving one app file as a page.

Voilà runs in this process rather than through the ``voila`` console script, so that
:func:`nbapp.serve.wakeup.install` is in effect before it executes any notebook (the fix
for Voilà's page loads that never finish). Everything else is Voilà's configuration:

- the page template is ``templates/nbapp`` (an extension of Voilà's ``lab`` template,
  shipped as package data and put first on Voilà's template path);
- each browser session gets its own kernel; ``preheat`` keeps ``pool_size`` kernels that
  already ran the app, so a page opens fast;
- with ``fork`` (the default), each kernel is forked from a warm parent that imported the
  app's modules and ran its cached loaders once (:mod:`nbapp.serve.fork`): pages share that
  memory, and a model behind ``st.cache_resource`` is loaded once per server;
- closing a page shuts its kernel down; a kernel whose page vanished without saying so
  (a crash, a dropped network) is culled after ``cull_idle`` seconds without a connection;
- the app's first run gets ``timeout`` seconds; after that the page says so instead of
  spinning, and the server keeps serving other pages.
"""
from __future__ import annotations

import errno
import os
import socket
import threading
import webbrowser
from pathlib import Path
from typing import Any

from jupyter_core.utils import ensure_async
from jupyter_server import DEFAULT_STATIC_FILES_PATH
from jupyter_server.utils import url_path_join
from jupyter_server.services.contents.largefilemanager import LargeFileManager
from tornado.httpserver import HTTPServer
from tornado.ioloop import IOLoop
from tornado.netutil import bind_sockets
from tornado.web import HTTPError, RequestHandler
from traitlets import Bool, Unicode
from traitlets.config import Config
from voila.app import Voila
from voila.paths import collect_static_paths, collect_template_paths
from voila.tornado.handler import TornadoVoilaHandler

from nbapp.cachedir import use_cache_dir
from nbapp.serve import fork, limits, wakeup, warm
from nbapp.serve.errors import UsageError
from nbapp.serve.gateway import configure_gateway
from nbapp.serve.notebooks import check_app, served_notebook
from nbapp.serve.options import ServeOptions

DEFAULT_PORT = 8501  # like `streamlit run`; the next free one when it is taken and no --port was given
PORT_SEARCH = 100
TEMPLATE_DIR = Path(__file__).with_name("templates") / "nbapp"
BASE_TEMPLATE = "lab"  # what TEMPLATE_DIR extends; Voilà resolves its static files under this name
CULL_INTERVAL = 60  # seconds between checks for idle kernels
PAGE_EXTENSION_DENYLIST = ("jupyterlab-plotly", "@voila-dashboards/jupyterlab-preview")

TIMEOUT_HELP = ("Make its first run faster (cache slow work with @st.cache_data or @st.cache_resource), "
                "or serve it with a longer `nbapp run --timeout SECONDS`. Reload the page to try again.")
CRASH_HELP = ("Its kernel stopped (the app crashed it, called os._exit, or ran out of memory). "
              "Reload the page to start a new session; the server's log says more.")
CELL_ERROR_HELP = ("The server's log has the traceback; `nbapp run --debug` shows it here. "
                   "Fix the notebook and reload the page.")


class _AppCellTimeout:
    """nbclient's ``timeout_func``: the app's cells get ``seconds``, other cells are unbounded."""

    def __init__(self, seconds: float) -> None:
        self.seconds = seconds

    def __call__(self, cell: Any) -> float | None:
        return self.seconds if cell.metadata.get("nbapp", {}).get("role") == "app" else None


def bind_port(host: str, port: int | None) -> list[socket.socket]:
    """Return listening sockets on ``host``: on ``port``, any free port for 0, else the first free one from DEFAULT_PORT.

    nbapp binds the port itself and hands the sockets to Voilà: Voilà would bind only once it
    starts, and a port found free earlier can be taken meanwhile (by another server, or as the
    local end of any outgoing connection), which made that server exit at start.
    Raises UsageError for a requested ``port`` that is in use (or none free near DEFAULT_PORT),
    and for a ``host`` that is not an address of this machine.

    Examples
    --------
    >>> sockets = bind_port("127.0.0.1", 0)
    >>> sockets[0].getsockname()[1] > 0
    True
    >>> for sock in sockets:
    ...     sock.close()
    """
    if port:
        candidates = [port]
    elif port == 0:
        # With two address families (localhost: IPv4 and IPv6), the port the first one got can be
        # taken in the second: then another try gets another port.
        candidates = [0] * 3
    else:
        candidates = list(range(DEFAULT_PORT, DEFAULT_PORT + PORT_SEARCH))
    for candidate in candidates:
        sockets = _bind(host, candidate)
        if sockets is not None:
            return sockets
    if port is not None:
        raise UsageError(f"port {port} on {host} is in use. Stop what runs there, or pick another with --port.")
    raise UsageError(f"ports {DEFAULT_PORT}-{DEFAULT_PORT + PORT_SEARCH - 1} on {host} are all in use. "
                     f"Pick a free one with --port.")


def _bind(host: str, port: int) -> list[socket.socket] | None:
    """Listening sockets for ``host``:``port`` (tornado's, as Voilà would make them), or None when it is in use."""
    cannot = f"cannot listen on --host {host}"
    try:
        sockets = bind_sockets(port, host)
    except OSError as err:
        if err.errno == errno.EADDRINUSE:
            return None
        if err.errno == errno.EACCES:
            below = " (ports below 1024 need root)" if 0 < port < 1024 else ""
            raise UsageError(f"no permission to listen on port {port}{below}. Pick another with --port.") from None
        cannot += f" ({err.strerror or err})"
    else:
        if sockets:
            return sockets
    raise UsageError(f"{cannot}. Give an address of this machine, e.g. 127.0.0.1.") from None


def voila_config(options: ServeOptions, port: int) -> Config:
    """Return the traitlets Config that makes Voilà serve ``options.path`` as an nbapp page."""
    c = Config()
    c.Voila.ip = options.host
    c.Voila.port = port
    c.Voila.port_retries = 0
    c.Voila.open_browser = False  # opened by _announce, once the URL is printed
    c.Voila.log_level = "DEBUG" if options.debug else "WARN"
    # disable_check_xsrf: Voilà's page shuts its kernel down when it closes, with navigator.sendBeacon,
    # which cannot send an XSRF header (and Voilà's page sets no XSRF cookie, so its beacon's _xsrf
    # field is empty and the shutdown was refused: each page's kernel lived on). That POST needs the
    # kernel's random id; every other state-changing kernel API needs a CORS preflight, which
    # cross-site pages fail. ws_ping_timeout: jupyter_server's default (90 s) exceeds its ping
    # interval (30 s), and tornado >= 6.5 warns about it on every page's websocket.
    c.Voila.tornado_settings = {"disable_check_xsrf": True, "ws_ping_timeout": 30_000}
    c.VoilaConfiguration.template = BASE_TEMPLATE
    c.VoilaConfiguration.allow_template_override = "NO"
    c.VoilaConfiguration.theme = options.theme
    c.VoilaConfiguration.strip_sources = True  # the page never carries the app's code
    c.VoilaConfiguration.show_tracebacks = options.debug
    c.VoilaConfiguration.preheat_kernel = options.preheat
    c.VoilaConfiguration.default_pool_size = options.pool_size
    c.VoilaConfiguration.extension_language_mapping = {".py": "python"}
    # Lab-only extensions that every page would otherwise download and parse (plotly's is 4.8 MB of
    # JavaScript; nbapp draws plotly charts with its own copy of plotly.js, loaded only when used).
    c.VoilaConfiguration.extension_denylist = list(PAGE_EXTENSION_DENYLIST)
    c.VoilaConfiguration.resources = {"nbapp": {"timeout": options.timeout, "timeout_help": TIMEOUT_HELP,
                                                "crash_help": CRASH_HELP}}
    c.VoilaExecutor.timeout_func = _AppCellTimeout(options.timeout)
    c.VoilaExecutor.cell_timeout_instruction = TIMEOUT_HELP
    c.VoilaExecutor.cell_error_instruction = CELL_ERROR_HELP
    # Kernels on this machine talk over Unix sockets in Voilà's private connection folder:
    # nothing listens on a TCP port, and ipykernel has no plain-text-TCP warning to print.
    c.KernelManager.transport = "ipc"
    # A restarted kernel is empty (Voilà runs the notebook once): rather than restart a kernel
    # that died, drop it, so the page can tell its user (page.js asks for the kernel).
    c.KernelRestarter.restart_limit = 0
    c.MappingKernelManager.cull_idle_timeout = options.cull_idle
    c.MappingKernelManager.cull_interval = CULL_INTERVAL
    if options.fork and not options.gateway_url:  # a gateway's kernels are started by the gateway
        c.VoilaConfiguration.kernel_spec_manager_class = fork.ForkKernelSpecManager
        c.ForkKernelSpecManager.fork_config = fork_config(options)
    if options.gateway_url:
        configure_gateway(c, options.gateway_url)
    if options.jupyterhub:
        from nbapp.serve.hub import configure_hub  # jupyterhub: an optional dependency

        configure_hub(c)
    return c


def fork_config(options: ServeOptions) -> dict[str, Any]:
    """The nbapp-fork provisioner's config for the served app: its warm parent runs a script once, from this folder."""
    return warm.app_config(options.path, options.timeout)


class AppContentsManager(LargeFileManager):
    """Files as usual, except the served app, which reads as the notebook its page executes."""

    app_path = Unicode(help="Absolute path of the served app file.")
    launch_dir = Unicode(help="Working directory of a served script's kernel.")
    watch = Bool(True, help="Rerun open pages when the served script is saved.")
    embed = Bool(False, help="Put the script's text in the served notebook (kernels on another machine).")

    def get(self, path, content=True, type=None, format=None, **kwargs):
        full = os.path.abspath(os.path.join(self.root_dir, path.lstrip("/")))
        if not content or full != self.app_path:
            return super().get(path, content=content, type=type, format=format, **kwargs)
        model = super().get(path, content=False)
        try:
            nb = served_notebook(Path(self.app_path), launch_dir=self.launch_dir, watch=self.watch, embed=self.embed)
        except UsageError as err:  # the notebook was broken after the server started
            raise HTTPError(500, str(err)) from None
        return {**model, "type": "notebook", "format": "json", "mimetype": None, "content": nb}


class PageHandler(TornadoVoilaHandler):
    """Voilà's page handler, which also serves the app at each page's URL (``/plots``): one URL per page.

    Voilà would redirect any path to a file download; a single path segment without a dot is
    a page of a multipage app (st.navigation), so the app itself is served and opens that page.
    """

    async def get(self, path=None):
        if path and "/" not in path.strip("/") and "." not in path:
            path = None
        return await super().get(path)


class ClientHandler(RequestHandler):
    """``GET {base}nbapp/client``: the address this server sees the page's connection come from.

    The page reports it to its app as ``st.context.ip_address`` (Streamlit's, from the
    connection too): the kernel itself never sees the browser's connection.
    """

    def get(self):
        self.set_header("Cache-Control", "no-store")
        self.write({"ip": self.request.remote_ip})


class AppVoila(Voila):
    """Voilà with nbapp's template first on its template path and the app read through AppContentsManager."""

    def __init__(self, options: ServeOptions, sockets: list[socket.socket]) -> None:
        super().__init__(config=voila_config(options, sockets[0].getsockname()[1]))
        self.options = options
        self.sockets = sockets

    def setup_template_dirs(self):
        lab = collect_template_paths(["voila", "nbconvert"], BASE_TEMPLATE, prune=True)
        self.template_paths = [str(TEMPLATE_DIR), *lab]
        self.static_paths = [*collect_static_paths(["voila", "nbconvert"], BASE_TEMPLATE), DEFAULT_STATIC_FILES_PATH]

    def init_handlers(self):
        handlers = [(pattern, PageHandler, *rest) if handler is TornadoVoilaHandler else (pattern, handler, *rest)
                    for pattern, handler, *rest in super().init_handlers()]
        return [(url_path_join(self.server_url, "/nbapp/client"), ClientHandler), *handlers]

    def init_settings(self):
        settings = super().init_settings()
        # Preheated kernels read self.contents_manager when they render, which is after this.
        self.contents_manager = AppContentsManager(parent=self, app_path=str(self.options.path),
                                                   launch_dir=os.getcwd(), watch=self.options.watch,
                                                   embed=bool(self.options.gateway_url))
        settings["contents_manager"] = self.contents_manager
        if self.options.fork and not self.options.gateway_url and hasattr(self.kernel_manager, "get_rendered_notebook"):
            _skip_lost_kernels(self.kernel_manager)
        return settings

    def listen(self):
        # Voilà's listen() calls self.app.listen(port, ip) to bind, then runs the loop: serve the
        # sockets bind_port already holds instead. Its URL is theirs, whatever a voila.json set.
        host = self.options.host
        self.ip = f"[{host}]" if ":" in host else host  # as an IPv6 address is written in a URL
        self.port = self.sockets[0].getsockname()[1]

        def serve_bound_sockets(*_: Any, **__: Any) -> HTTPServer:
            server = HTTPServer(self.app)
            server.add_sockets(self.sockets)
            return server

        self.app.listen = serve_bound_sockets
        IOLoop.current().add_callback(_announce, self.options, self.connection_url)
        super().listen()


def _skip_lost_kernels(manager: Any) -> None:
    """Make Voilà's preheat pool pass over kernels that died with their warm parent (a page gets the next one).

    A kernel that died of its own doing (the app crashed it) is still handed out, so its page
    says the kernel stopped.
    """
    original = manager.get_rendered_notebook

    async def lost(kernel_id: str) -> bool:
        if kernel_id in manager:
            await ensure_async(manager.get_kernel(kernel_id).is_alive())  # polls it: marks it lost if it is
        return kernel_id in fork.LOST_KERNELS

    async def get_rendered_notebook(*args: Any, **kwargs: Any):
        for _ in range(3):
            render_task, rendered, kernel_id = await original(*args, **kwargs)
            if not await lost(kernel_id):
                break
            render_task.cancel()
            if kernel_id in manager:
                await ensure_async(manager.shutdown_kernel(kernel_id, now=True))
        return render_task, rendered, kernel_id

    manager.get_rendered_notebook = get_rendered_notebook


def make_voila(options: ServeOptions, sockets: list[socket.socket]) -> AppVoila:
    """Return an initialized (not yet started) Voilà application serving ``options.path`` on ``sockets``."""
    app = AppVoila(options, sockets)
    app.initialize(argv=[str(options.path)])
    return app


def _announce(options: ServeOptions, url: str) -> None:
    print(f"\n  nbapp is serving {options.path.name}\n\n  Local URL: {url}\n", flush=True)
    if options.open_browser:
        # The standard library picks the browser; a machine without one just has nothing to open.
        threading.Thread(target=webbrowser.open, args=(url,), daemon=True).start()


def serve(options: ServeOptions) -> None:
    """Serve the app until interrupted (Ctrl+C or SIGTERM); returns None after shutting kernels down.

    Raises UsageError for a bad app file or a port in use, before anything starts.
    """
    options.path = check_app(options.path)
    if options.cache_dir:  # the kernels started here inherit it (a gateway is asked to pass it on)
        use_cache_dir(options.cache_dir)
    if options.jupyterhub:
        from nbapp.serve.hub import hub_address

        options.host, port = hub_address()
        options.port = port if options.port is None else options.port
        options.open_browser = False
    sockets = bind_port(options.host, options.port)
    try:
        if options.fork and not options.gateway_url:  # the warm-up overlaps Voilà's own start
            warm.prestart(**fork_config(options))  # started already by the command line, usually
        wakeup.install()
        limits.raise_open_files_limit()
        limits.end_failed_renders()
        app = make_voila(options, sockets)
    except BaseException:
        for sock in sockets:
            sock.close()
        raise
    app.start()
