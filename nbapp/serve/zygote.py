"""The warm parent ("zygote") of forked kernels: one process per served app, started by :mod:`nbapp.serve.fork`.

It imports ipykernel, nbapp and the app's imports, runs the app once headless (AppTest,
widgets at their defaults, output discarded) so its ``st.cache_resource`` /
``st.cache_data`` loaders have run, checks it is safe to fork, freezes the garbage
collector's view of everything it holds (``gc.freeze``: the collector's passes then never
write to those objects' headers, so pages a child only reads stay shared -- refcount
changes still copy the pages of the objects a child touches), and then only forks.

Protocol (all on this machine):

* the report pipe (``--report-fd``), one JSON line: ``{"ready": true}`` or
  ``{"ready": false, "reason": "..."}`` (not fork-safe; it exits after saying so); only the
  zygote holds it, so its end of file tells the server the zygote died;
* a Unix socket (``--socket``; its folder is private to the user): each connection sends
  one JSON line ``{"argv": [...], "env": {...}, "cwd": "..."}``; the zygote forks a kernel
  (``argv`` are ipykernel's arguments: ``-f CONNECTION_FILE``) and answers
  ``{"pid": N}`` with a pidfd of the child attached (SCM_RIGHTS), then ``{"exit": CODE}``
  on the same connection when it has reaped that child;
* stdin: end of file (the server exited, even if killed) or SIGTERM makes the zygote
  terminate its kernels and exit; SIGUSR1 retires it (the app's files changed and a new
  warm parent took over): it forks no more and exits once its last kernel has ended.

Fork safety: nothing here creates a zmq context, a thread, or an event loop before the
fork; the child builds all of them (``IPKernelApp`` makes a fresh ``zmq.Context`` -- pyzmq
contexts are not fork-safe, and ``zmq.Context.instance()`` checks the pid anyway -- its
own tornado/asyncio loop and its threads). A warm-up that leaves a Python thread alive, or
initialises CUDA (a CUDA context does not survive fork), makes the zygote refuse, and the
server falls back to plain kernels.
"""
from __future__ import annotations

import atexit
import ctypes
import gc
import json
import os
import selectors
import signal
import socket
import sys
import threading
import time
from typing import Any

GRACE = 3.0  # seconds kernels get to exit on SIGTERM before SIGKILL, when the zygote shuts down
PR_SET_PDEATHSIG = 1
# "nbapp.api", not "nbapp": `import nbapp` is lazy, and a module first imported after the fork
# is a private copy in every kernel, where one imported here is shared by all of them.
KERNEL_IMPORTS = ("ipykernel.kernelapp", "ipykernel.ipkernel", "ipykernel.zmqshell", "ipykernel.debugger",
                  "IPython.core.completerlib", "ipywidgets",
                  "nbapp.api", "nbapp.jupyter.session", "nbapp.serve.kernel", "nbapp.serve.static")


def unsafe_reason() -> str | None:
    """Why this process must not be forked into kernels, or None when it may.

    Returns a short reason for: Python threads other than the main one alive; a global zmq
    context (``zmq.Context.instance()``) open; CUDA
    initialised (torch says so, or libcuda is mapped into the process). Threads of native
    libraries that handle fork themselves (OpenBLAS's pool, via pthread_atfork) are not
    Python threads and do not count.

    >>> unsafe_reason() is None
    True
    """
    others = [t.name for t in threading.enumerate() if t is not threading.main_thread() and t.is_alive()]
    if others:
        return f"threads other than the main one are alive after its warm-up ({', '.join(sorted(others))})"
    zmq = sys.modules.get("zmq")
    context = getattr(getattr(zmq, "Context", None), "_instance", None)
    if context is not None and not context.closed:  # its I/O threads are native: threading does not list them
        return "a zmq context was created during its warm-up (its I/O threads do not survive fork)"
    torch = sys.modules.get("torch")
    try:
        if torch is not None and torch.cuda.is_initialized():
            return "CUDA was initialised during its warm-up (torch.cuda.is_initialized())"
    except Exception:  # a broken or partial torch: the maps check below still runs
        pass
    try:
        with open("/proc/self/maps", encoding="utf-8", errors="replace") as f:
            if any("libcuda.so" in line for line in f):
                return "CUDA (libcuda) is loaded after its warm-up"
    except OSError:
        pass
    return None


def warm_up(app: str, cwd: str, timeout: float) -> str | None:
    """Import what a kernel imports, then run the app at ``app`` once headless; returns why it is not fork-safe, or None.

    A notebook (``.ipynb``) is not run: only the imports are warmed. The run's output is discarded.
    """
    import importlib

    for name in KERNEL_IMPORTS:
        importlib.import_module(name)
    if cwd:
        os.chdir(cwd)
    if app.endswith(".py"):
        folder = os.path.dirname(app)
        if folder not in sys.path:
            sys.path.insert(0, folder)
        from nbapp.testing import AppTest

        try:
            at = AppTest.from_file(app, default_timeout=timeout).run()
        except Exception as err:  # a timeout, or a failure outside the script
            return f"its warm-up run raised {type(err).__name__}: {err}"
        errors = [e.value for e in at.exception] if hasattr(at, "exception") else []
        del at
        if errors:
            return f"its warm-up run raised {str(errors[0]).splitlines()[0] if errors[0] else 'an exception'}"
    _drop_event_loop()
    _forget_widgets()
    return unsafe_reason()


def _forget_widgets() -> None:
    """Close the ipywidgets the warm-up made (pydeck's Deck makes one per call): a kernel forked from
    here would list them among its widgets without a comm, and the page, asking for every widget's
    state, waited for them forever ("Loading widget...")."""
    widgets = sys.modules.get("ipywidgets")
    if widgets is not None:
        widgets.Widget.close_all()


def _drop_event_loop() -> None:
    """Close an event loop the warm-up left set (not running): a child must not share its selector."""
    import asyncio

    try:
        loop = asyncio.get_event_loop_policy()._local._loop  # set but not running; None when there is none
    except AttributeError:
        return
    if loop is not None and not loop.is_running():
        loop.close()
        asyncio.set_event_loop(None)


class Zygote:
    """The fork server: accepts fork requests on ``listener``, reaps children, reports their exits."""

    def __init__(self, listener: socket.socket, keep_fds: tuple[int, int], report_fd: int) -> None:
        self.listener = listener
        self.keep_fds = keep_fds  # the zygote's original stdout and stderr, for the kernels
        self.report_fd = report_fd
        self.children: dict[int, socket.socket | None] = {}  # pid -> the connection that asked for it
        self.selector = selectors.DefaultSelector()
        self.stopping = False
        self.retiring = False  # SIGUSR1: the app changed; fork no more, exit after the last kernel
        self.wake_r, self.wake_w = os.pipe()
        os.set_blocking(self.wake_r, False)
        os.set_blocking(self.wake_w, False)

    def serve(self) -> None:
        """Fork kernels on request until stdin closes or SIGTERM; then stop the kernels and return."""
        signal.set_wakeup_fd(self.wake_w)
        signal.signal(signal.SIGCHLD, lambda *_: None)  # the wakeup fd does the work
        signal.signal(signal.SIGTERM, self._stop)
        signal.signal(signal.SIGUSR1, self._retire)
        self.selector.register(self.listener, selectors.EVENT_READ, "accept")
        self.selector.register(self.wake_r, selectors.EVENT_READ, "signal")
        self.selector.register(sys.stdin.fileno(), selectors.EVENT_READ, "stdin")
        while not self.stopping:
            if self.retiring and self.listener.fileno() >= 0:
                self.selector.unregister(self.listener)
                self.listener.close()
            if self.retiring and not self.children:
                break
            for key, _ in self.selector.select(1.0):
                if key.data == "accept":
                    self._accept()
                elif key.data == "signal":
                    self._drain()
                elif key.data == "stdin":
                    if not os.read(key.fd, 4096):
                        self.stopping = True
                else:
                    self._from_client(key.fileobj)
            self._reap()
        self._shutdown()

    def _stop(self, *_: Any) -> None:
        self.stopping = True

    def _retire(self, *_: Any) -> None:
        self.retiring = True

    def _drain(self) -> None:
        try:
            while os.read(self.wake_r, 4096):
                pass
        except BlockingIOError:
            pass

    def _accept(self) -> None:
        conn, _ = self.listener.accept()
        conn.settimeout(5.0)
        try:
            data = b""
            while not data.endswith(b"\n"):
                chunk = conn.recv(65536)
                if not chunk:
                    raise ValueError("no request")
                data += chunk
            request = json.loads(data)
        except (OSError, ValueError):
            conn.close()
            return
        pid = os.fork()
        if pid == 0:
            self._become_kernel(request, conn)  # never returns
        try:
            pidfd = os.pidfd_open(pid)
        except (AttributeError, OSError):
            pidfd = None
        try:
            message = json.dumps({"pid": pid}).encode() + b"\n"
            socket.send_fds(conn, [message], [pidfd]) if pidfd is not None else conn.sendall(message)
        except OSError:
            pass
        finally:
            if pidfd is not None:
                os.close(pidfd)
        conn.setblocking(False)
        self.children[pid] = conn
        self.selector.register(conn, selectors.EVENT_READ, "client")

    def _from_client(self, conn: socket.socket) -> None:
        """The server closed its end (the kernel was shut down): forget the connection, keep the child."""
        try:
            if conn.recv(4096):
                return
        except BlockingIOError:
            return
        except OSError:
            pass
        self._forget(conn)

    def _forget(self, conn: socket.socket) -> None:
        try:
            self.selector.unregister(conn)
        except (KeyError, ValueError):
            pass
        conn.close()
        for pid, held in self.children.items():
            if held is conn:
                self.children[pid] = None

    def _reap(self) -> None:
        while self.children:
            try:
                pid, status = os.waitpid(-1, os.WNOHANG)
            except ChildProcessError:
                return
            if pid == 0:
                return
            conn = self.children.pop(pid, None)
            if conn is not None:
                try:
                    conn.setblocking(True)
                    conn.sendall(json.dumps({"exit": os.waitstatus_to_exitcode(status)}).encode() + b"\n")
                except OSError:
                    pass
                self._forget(conn)

    def _shutdown(self) -> None:
        """SIGTERM every kernel's process group, SIGKILL what is left after GRACE seconds, reap them all."""
        for sig in (signal.SIGTERM, signal.SIGKILL):
            for pid in list(self.children):
                try:
                    os.killpg(pid, sig)
                except OSError:
                    try:
                        os.kill(pid, sig)
                    except OSError:
                        pass
            deadline = time.monotonic() + GRACE
            while self.children and time.monotonic() < deadline:
                self._reap()
                time.sleep(0.02)
        self.listener.close()

    def _become_kernel(self, request: dict, conn: socket.socket) -> None:
        """In the forked child: drop the zygote's fds and handlers, then run an IPKernelApp; never returns."""
        code = 1
        try:
            signal.set_wakeup_fd(-1)
            for sig in (signal.SIGCHLD, signal.SIGTERM, signal.SIGUSR1):
                signal.signal(sig, signal.SIG_DFL)
            signal.signal(signal.SIGINT, signal.default_int_handler)
            self.selector.close()
            self.listener.close()
            conn.close()
            for held in self.children.values():
                if held is not None:
                    held.close()
            for fd in (self.wake_r, self.wake_w, self.report_fd):
                os.close(fd)
            os.setsid()  # its own process group, as jupyter_client launches kernels: signals reach its subprocesses
            _die_with_parent()
            devnull = os.open(os.devnull, os.O_RDWR)
            os.dup2(devnull, 0)
            os.dup2(self.keep_fds[0], 1)
            os.dup2(self.keep_fds[1], 2)
            for fd in (devnull, *self.keep_fds):
                os.close(fd)
            os.environ.clear()
            os.environ.update(request.get("env") or {})
            if request.get("cwd"):
                os.chdir(request["cwd"])
            _reseed()
            atexit._clear()  # the zygote's exit handlers are not this kernel's
            code = run_kernel(list(request["argv"]))
        except SystemExit as stop:
            code = stop.code if isinstance(stop.code, int) else (0 if stop.code is None else 1)
        except BaseException:
            import traceback

            traceback.print_exc()
        finally:
            try:
                atexit._run_exitfuncs()
                sys.stdout.flush()
                sys.stderr.flush()
            finally:
                os._exit(code)


def _die_with_parent() -> None:
    """Ask Linux to SIGKILL this process when the zygote dies (ipykernel's parent poller would, within a second)."""
    try:
        libc = ctypes.CDLL(None, use_errno=True)
        libc.prctl(PR_SET_PDEATHSIG, signal.SIGKILL, 0, 0, 0)
    except (OSError, AttributeError):
        pass


def _reseed() -> None:
    """Fresh random state: every child would otherwise draw the same numbers (``random`` reseeds itself at fork)."""
    np = sys.modules.get("numpy")
    if np is not None:
        try:
            np.random.seed()
        except Exception:
            pass


def run_kernel(argv: list[str]) -> int:
    """Run ipykernel's IPKernelApp with ``argv`` (as ``python -m ipykernel_launcher ARGV`` would); returns its exit code."""
    from ipykernel.kernelapp import IPKernelApp

    import ipykernel_launcher  # noqa: F401  (what sys.argv[0] names, as in a launched kernel)

    # ipykernel read JPY_PARENT_PID when the zygote imported it: name the parent here. Its poller
    # then ends the kernel if the zygote goes (as PR_SET_PDEATHSIG does).
    os.environ["JPY_PARENT_PID"] = str(os.getppid())
    argv = [f"--IPKernelApp.parent_handle={os.getppid()}", *argv]
    sys.argv = [ipykernel_launcher.__file__, *argv]
    app = IPKernelApp.instance()
    app.initialize(argv)
    _register_widget_targets()
    app.start()
    return 0


def _register_widget_targets() -> None:
    """Register ipywidgets' comm targets with this kernel, as importing ipywidgets inside a kernel does.

    The warm parent imported ipywidgets with no kernel running, so its import-time registration
    did nothing; without ``jupyter.widget.control`` a page's widget manager cannot ask for every
    widget's state at once and falls back to one round trip per widget (and the kernel logs "No such
    comm target registered").
    """
    widgets = sys.modules.get("ipywidgets")
    if widgets is not None:
        widgets.register_comm_target()


def main(argv: list[str] | None = None) -> None:
    """Entry point: ``python -c 'from nbapp.serve.zygote import main; main()' --socket PATH --report-fd N [--app APP]``; never returns."""
    import argparse

    parser = argparse.ArgumentParser(prog="nbapp-zygote")
    parser.add_argument("--socket", required=True)
    parser.add_argument("--report-fd", type=int, required=True)
    parser.add_argument("--app", default="")
    parser.add_argument("--cwd", default="")
    parser.add_argument("--timeout", type=float, default=60.0)
    args = parser.parse_args(argv)
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl+C is for the server, which then closes stdin
    report = os.fdopen(args.report_fd, "w", buffering=1)
    keep = (os.dup(1), os.dup(2))
    devnull = os.open(os.devnull, os.O_WRONLY)
    os.dup2(devnull, 1)  # the warm-up's output is discarded
    os.dup2(devnull, 2)
    try:
        reason = warm_up(args.app, args.cwd, args.timeout)
    except BaseException as err:
        reason = f"its warm-up failed: {type(err).__name__}: {err}"
    finally:
        sys.stdout.flush()
        sys.stderr.flush()
    os.dup2(keep[1], 2)  # the zygote's own errors go to the server's log again
    if reason is not None:
        report.write(json.dumps({"ready": False, "reason": reason}) + "\n")
        os._exit(0)
    listener = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
    listener.bind(args.socket)
    listener.listen(128)
    gc.collect()
    gc.freeze()  # everything so far stays out of the collector's reach: no refcount/gc writes un-share it
    zygote = Zygote(listener, keep, args.report_fd)
    report.write(json.dumps({"ready": True, "pid": os.getpid()}) + "\n")
    zygote.serve()
    os._exit(0)
