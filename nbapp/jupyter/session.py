"""One app living in a kernel: its widgets, its worker thread, and the bridge from browser events.

Threads: browser events arrive on the kernel's main thread (comm messages). They only
merge into the app's pending request (``runtime/requests``). A worker thread runs the
script; its trees are handed back to the main thread's event loop to be drawn, so every
ipywidgets mutation happens on the thread that also applies the browser's updates.
The cell waits for the first run (drawing its partial output meanwhile), so the output
exists when the cell finishes: Voilà renders the page from it. A first run that is still
updating its output after ``LIVE_AFTER`` seconds is a live app (a ``while True`` dashboard,
a long training loop with a progress bar): the cell returns and the run goes on, so the
kernel is free again to take widget changes, which interrupt it as in Streamlit.
"""
from __future__ import annotations

import asyncio
import functools
import os
import queue
import sys
import threading
import time
import traceback
import warnings
from collections.abc import Callable, Iterator, Mapping
from typing import Any

from nbapp.config import theme_css
from nbapp.elements.pages import NAV_KEY, base_url
from nbapp.navigation import pages_folder_script
from nbapp.render.page import PageBridge, theme_style
from nbapp.render.widgets import WidgetRenderer
from nbapp.runtime.requests import RerunRequests, Request
from nbapp.runtime.runner import App
from nbapp.tree import Block

WATCH_INTERVAL = 0.25  # seconds between checks of a served script's modification time
TICK = 0.05  # seconds between checks for due ``run_every`` fragments
IDLE_TICK = 0.25  # the same while the app has none
LIVE_AFTER = 3.0  # seconds: a first run still drawing after this long no longer holds up the cell
PAGE_GONE_AFTER = 5.0  # seconds without a shown page's heartbeat (page_bridge.js, every second): it closed


class JupyterApp:
    """An app shown in a notebook output (or a Voilà page) that reruns on every widget change."""

    def __init__(self, source: str, *, filename: str,
                 globals_fn: Callable[[], Mapping[str, Any]] | None = None) -> None:
        self.app = App(source, filename=filename, globals_fn=globals_fn)
        self.bridge = PageBridge()
        self.bridge.observe(self._on_page, "page")
        self.bridge.on_msg(self._on_page_message)
        self._page_seen: float | None = None  # when a page showing the app last said it is open
        app_dir = os.path.dirname(filename) if os.path.isabs(filename) else None
        self.renderer = WidgetRenderer(self._on_input, extras=(self.bridge, theme_style(theme_css(app_dir))))
        self.requests = RerunRequests()
        self._loop: asyncio.AbstractEventLoop | None = None
        self._worker: threading.Thread | None = None
        self._render_queued = False
        self._first_run_done = threading.Event()
        self._cell_jobs: queue.SimpleQueue | None = None  # draws done by the waiting cell
        self._post_lock = threading.Lock()
        self._last_draw = 0.0
        self.on_drawn: list[Callable[[], None]] = []  # called on the main thread after each finished run's draw
        self._page_waiting: dict | None = None  # a served page's report that came before the app had pages

    @property
    def widget(self):
        """The root ipywidget of the app (display it to show the app)."""
        return self.renderer.root

    def show(self) -> None:
        """Display the app, run it, and wait for the first run (or until it turns out to be live).

        Interrupting the kernel while the cell waits stops the app and raises KeyboardInterrupt.
        """
        from IPython.display import display

        self._loop = _main_loop()
        display(self.renderer.root)  # first, so progress and spinners show during the first run
        self._cell_jobs = queue.SimpleQueue()
        self.requests.request()
        self._worker = threading.Thread(target=self._work, name=f"nbapp-app {self.app.filename}", daemon=True)
        self._worker.start()
        threading.Thread(target=self._tick, name=f"nbapp-tick {self.app.filename}", daemon=True).start()
        try:
            self._wait_for_first_run()
        except KeyboardInterrupt:
            self.close()
            raise
        finally:
            with self._post_lock:
                jobs, self._cell_jobs = self._cell_jobs, None
            _run_all(jobs)

    def _wait_for_first_run(self) -> None:
        started = time.monotonic()
        while not self._first_run_done.is_set():
            try:
                self._cell_jobs.get(timeout=0.05)()
            except queue.Empty:
                pass
            now = time.monotonic()
            if now - started > LIVE_AFTER and now - self._last_draw < 1.0:
                return  # a live app: it keeps drawing in the background

    def set_source(self, text: str) -> None:
        """Rerun with new source (keeping widget values whose identity still exists); thread-safe."""
        self.requests.request(source=text)

    def rerun(self) -> None:
        """Ask for a rerun with the current state (e.g. after notebook variables changed)."""
        self.requests.request()

    def close(self) -> None:
        """Stop the worker and close every widget of the app.

        A run in progress stops at its next ``st.*`` call (an app that loops forever too),
        so the worker is gone before the cell that replaces the app runs its own.
        """
        self.requests.close()
        if self._worker is not None and self._worker is not threading.current_thread():
            self._worker.join(timeout=5)
        self.renderer.close()

    # -- main thread: browser events ---------------------------------------------------
    def _on_input(self, state_key: str, wire: Any) -> None:
        with warnings.catch_warnings(record=True) as caught:
            warnings.simplefilter("always")
            changes = self.app.session_state.receive(state_key, wire)
        for warning in caught:
            print(f"nbapp: {warning.message}", file=sys.stderr)
        if changes is None and self.bridge.query != self.app.query_params.query_string():
            self.bridge.query = self.app.query_params.query_string()  # a bound on_change="ignore" widget's URL
        if changes is not None:
            meta = self.app.session_state.widget(state_key)
            scope = meta.scope if meta is not None else None
            self.requests.request(changes, fragment=scope if scope in self.app.fragments else None)

    def _on_page(self, change: dict) -> None:
        """The page reported itself: a served page's query string becomes st.query_params (and a rerun)."""
        info = dict(change["new"] or {})
        app = self.app
        first = not app.page_info
        app.page_info = info
        query = info.get("query")
        rerun = first and app.context_read
        changes = self._page_path_change(info) if info.get("served") else None
        if info.get("served") and self.app.session_state.widget(NAV_KEY) is None:
            self._page_waiting = info  # no pages yet (the first run): its path is looked at after that run
        if info.get("served") and query is not None and query != app.query_params.query_string():
            app.query_params.set_query_string(query)
            rerun = True
        if changes:
            self.requests.request(changes)
        elif rerun:
            self.requests.request()

    def _on_page_message(self, _widget, content: dict, _buffers) -> None:
        if isinstance(content, dict) and content.get("type") == "alive":
            self._page_seen = time.monotonic()

    def page_open(self) -> bool:
        """False once every page that showed the app has gone (closed tab, notebook or output) for PAGE_GONE_AFTER.

        True before any page said it shows the app (a kernel driven without a browser).
        """
        seen = self._page_seen
        return seen is None or time.monotonic() - seen < PAGE_GONE_AFTER

    def _page_path_change(self, info: dict) -> dict | None:
        """The page's URL path (opened, or back/forward) names a page: the changes that show it, if another."""
        meta = self.app.session_state.widget(NAV_KEY)
        path = str(info.get("path") or "")
        base = base_url()
        if meta is None or not path.startswith(base):
            return None
        wanted = path[len(base):].strip("/")
        if wanted == self.app.session_state._values.get(NAV_KEY):
            return None
        return self.app.session_state.receive(NAV_KEY, wanted)

    # -- worker thread --------------------------------------------------------------------
    def _work(self) -> None:
        while (request := self.requests.take()) is not None:
            try:
                if request.source is not None:
                    self.app.set_source(request.source)
                for tree in self._run(request):
                    self._post(lambda tree=tree: self._draw(tree, final=True))
            except Exception:  # a bug of ours must not kill the app: report it, keep serving
                traceback.print_exc()
            finally:
                self._post(self._first_run_done.set)  # after its draw, in order

    def _run(self, request: Request) -> Iterator[Block]:
        """Run what ``request`` covers (the app, or its fragments one by one); yield each finished tree."""
        if request.fragments is None:
            tree = self.app.run(request.changes, interrupt=self.requests.superseded, flush=self._flush)
            if tree is not None:
                yield tree
            return
        changes = request.changes
        for fid in request.fragments:
            scope = self.app.fragments.get(fid)
            if scope is None and not changes:
                continue  # the fragment is gone (the app no longer calls it): its timer's tick is dropped
            tree = self.app.run(changes, scope=scope, flush=self._flush,
                                interrupt=functools.partial(self.requests.superseded, fid))
            changes = {}
            if tree is not None:
                yield tree

    def _tick(self) -> None:
        """Post a rerun of each ``run_every`` fragment on its interval while a page shows the app, until it is closed.

        As in Streamlit, whose page drives the timers: no page open, no ticks (they resume
        when a page shows the app again).
        """
        due: dict[str, float] = {}
        while not self.requests.wait_closed(TICK if due else IDLE_TICK):  # an app without timers checks rarely
            now = time.monotonic()
            timed = {fid: s.props["run_every"] for fid, s in list(self.app.fragments.items())
                     if s.props.get("run_every")}
            for gone in [f for f in due if f not in timed]:
                del due[gone]
            for fid, interval in timed.items():
                if fid not in due:
                    due[fid] = now + interval
                elif now >= due[fid]:
                    due[fid] = now + interval
                    if self.page_open():
                        self.requests.request(fragment=fid)

    def _flush(self, tree: Block) -> None:
        if not self._render_queued:
            self._render_queued = True
            self._post(lambda: self._draw(tree, final=False))

    def _post(self, fn: Callable[[], None]) -> None:
        with self._post_lock:
            if self._cell_jobs is not None:  # the cell is waiting on the main thread: it draws
                self._cell_jobs.put(fn)
            elif self._loop is None or self._loop.is_closed():
                fn()
            else:
                self._loop.call_soon_threadsafe(fn)

    # -- main thread: drawing ----------------------------------------------------------------
    def _draw(self, tree: Block, *, final: bool) -> None:
        if not final:
            self._render_queued = False
        if self.requests.superseded():
            return  # stale (a newer request's run will draw), or closed (no widgets to draw on)
        try:
            self.renderer.render(tree, final=final)
            self._last_draw = time.monotonic()
            if final:
                waiting, self._page_waiting = self._page_waiting, None
                opened_at = self._page_path_change(waiting) if waiting else None
                if opened_at:  # the page was opened at another page's URL before the app had pages
                    self.requests.request(opened_at)
                    return
                with self.bridge.hold_sync():
                    self.bridge.query = self.app.query_params.query_string()
                    page = self.app.session_state._values.get(NAV_KEY)
                    self.bridge.path = "" if page is None else base_url() + page
                    self.bridge.drawn += 1  # a run is over: chat_input(submit_mode="disable") takes input again
                for callback in self.on_drawn:
                    callback()
        except Exception:
            traceback.print_exc()


def _run_all(jobs: queue.SimpleQueue | None) -> None:
    while jobs is not None and not jobs.empty():
        jobs.get_nowait()()


def _main_loop() -> asyncio.AbstractEventLoop | None:
    try:
        return asyncio.get_running_loop()
    except RuntimeError:
        pass
    try:
        from tornado.ioloop import IOLoop

        return IOLoop.current().asyncio_loop
    except Exception:
        return None


def show_script(path: str, *, watch: bool = True, globals_fn=None) -> JupyterApp:
    """Display the app in the script at ``path``; with ``watch``, rerun it whenever the file is saved.

    Returns the JupyterApp. Raises FileNotFoundError naming the path when it does not exist.
    """
    path = os.path.abspath(path)
    with open(path, encoding="utf-8") as f:
        source = pages_folder_script(path, f.read())
    app = JupyterApp(source, filename=path, globals_fn=globals_fn)
    app.show()
    if watch:
        threading.Thread(target=_watch, args=(app, path), name=f"nbapp-watch {path}", daemon=True).start()
    return app


def _watch(app: JupyterApp, path: str) -> None:
    stamp = _stamp(path)
    while not app.requests.closed:
        app.requests.wait_closed(WATCH_INTERVAL)
        now = _stamp(path)
        if now != stamp and now is not None:
            stamp = now
            with open(path, encoding="utf-8") as f:
                app.set_source(pages_folder_script(path, f.read()))


def _stamp(path: str) -> tuple[float, int] | None:
    try:
        st = os.stat(path)
    except OSError:
        return None
    return st.st_mtime_ns, st.st_size
