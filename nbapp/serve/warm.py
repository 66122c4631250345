"""Warm parents seen from the server: start one per app, ask it to fork kernels, watch them (stdlib only).

Kept free of jupyter_client and Voilà so that ``nbapp run`` can start the warm parent before
it imports the server (the warm-up then overlaps the server's own start). The provisioner
that uses it is :mod:`nbapp.serve.fork`; the warm parent itself is :mod:`nbapp.serve.zygote`.
"""
from __future__ import annotations

import atexit
import json
import logging
import os
import select
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path
from typing import Any

BOOT = "from nbapp.serve.zygote import main; main()"
MAX_RESTARTS = 5  # warm parents that died after their warm-up, before the app falls back to plain kernels
FORK_TIMEOUT = 10.0  # seconds a ready warm parent gets to answer a fork request

log = logging.getLogger("nbapp.fork")
LOST_KERNELS: set[str] = set()  # ids of kernels that died with their warm parent (not of their own doing)


class NotForkable(Exception):
    """The warm parent cannot fork kernels (not fork-safe, or it could not start): use a plain kernel."""


class ForkedKernel:
    """A kernel forked by a warm parent: not this process's child, so watched through a pidfd and the parent's reports."""

    def __init__(self, pid: int, pidfd: int | None, conn: socket.socket) -> None:
        self.pid = pid
        self.pidfd = pidfd
        self.conn = conn
        self.exit_code: int | None = None
        self.lost = False  # it died with its warm parent
        self._buffer = b""

    def _read_reports(self, timeout: float = 0.0) -> None:
        """Take in the warm parent's ``{"exit": CODE}`` when it has arrived (waiting up to ``timeout`` seconds)."""
        if self.conn.fileno() < 0:
            return
        deadline = time.monotonic() + timeout
        while self.exit_code is None:
            left = max(0.0, deadline - time.monotonic())
            if not select.select([self.conn], [], [], left)[0]:
                return
            try:
                chunk = self.conn.recv(4096)
            except OSError:
                chunk = b""
            if not chunk:  # the warm parent died: its kernels die with it (PR_SET_PDEATHSIG)
                self.lost = True
                self.conn.close()
                return
            self._buffer += chunk
            while b"\n" in self._buffer:
                line, self._buffer = self._buffer.split(b"\n", 1)
                report = json.loads(line)
                if "exit" in report:
                    self.exit_code = int(report["exit"])

    def poll(self) -> int | None:
        """Return None while the kernel runs, else its exit code (-9 when it died unreported, with its warm parent)."""
        if self.exit_code is not None:
            return self.exit_code
        self._read_reports()
        if self.exit_code is not None:
            return self.exit_code
        if self._alive():
            return None
        self._read_reports(0.2)  # the warm parent reaps it and reports in a moment
        return self.exit_code if self.exit_code is not None else -signal.SIGKILL

    def _alive(self) -> bool:
        if self.pidfd is not None:
            return not select.select([self.pidfd], [], [], 0)[0]  # a pidfd reads ready once the process exited
        try:
            with open(f"/proc/{self.pid}/stat") as f:
                return f.read().rsplit(")", 1)[1].split()[0] not in ("Z", "X")
        except (OSError, IndexError):
            return False

    def send_signal(self, signum: int) -> None:
        """Send ``signum`` to the kernel's process group (it and its subprocesses); nothing once it exited."""
        if self.poll() is not None:
            return
        try:
            os.killpg(self.pid, signum)  # a live group leader's group id cannot have been reused
            return
        except OSError:
            pass
        if self.pidfd is not None:
            signal.pidfd_send_signal(self.pidfd, signum)
        else:
            os.kill(self.pid, signum)

    def close(self) -> None:
        """Release the pidfd and the connection to the warm parent; returns None."""
        self.conn.close()
        if self.pidfd is not None:
            os.close(self.pidfd)
            self.pidfd = None


class WarmParent:
    """One warm parent process (a zygote) for an app and interpreter, seen from the server.

    ``fork(argv, env, cwd)`` returns a ForkedKernel; it raises NotForkable (with the reason)
    when the app is not fork-safe. A warm parent that dies after its warm-up is started again.
    """

    def __init__(self, python: str, app: str = "", cwd: str = "", timeout: float = 120.0) -> None:
        self.python, self.app, self.cwd, self.timeout = python, app, cwd, timeout
        self.reason: str | None = None  # why this app is not fork-safe, once known
        self.warned = False
        self.restarts = 0
        self.proc: subprocess.Popen | None = None
        self._ready = threading.Event()
        self._lock = threading.RLock()
        self._closing = False
        self._retired: list[subprocess.Popen] = []  # warm parents of an older version of the app, until their kernels end
        # Mode 0700: only this user reaches the socket; in /tmp when TMPDIR is too long for a socket path.
        self._folder = tempfile.mkdtemp(prefix="nbapp-zygote-", dir=None if len(tempfile.gettempdir()) < 80 else "/tmp")
        self._socket = ""
        self.started = 0.0
        self.warm_seconds: float | None = None

    @property
    def pid(self) -> int | None:
        """The warm parent's process id (None before it started)."""
        return self.proc.pid if self.proc else None

    def start(self) -> "WarmParent":
        """Start the warm parent process (its warm-up runs in the background); returns self."""
        with self._lock:
            if self._closing:
                return self
            self._ready.clear()
            self._socket = os.path.join(self._folder, f"z{len(os.listdir(self._folder))}.sock")
            read, write = os.pipe()
            cmd = [self.python, "-c", BOOT, "--socket", self._socket, "--report-fd", str(write),
                   "--app", self.app, "--cwd", self.cwd, "--timeout", str(self.timeout)]
            self.started = time.monotonic()
            self.started_wall = time.time()
            try:
                # Its own session, as jupyter_client starts kernels: Ctrl+C in the terminal is for the
                # server, which then closes the warm parent's stdin.
                self.proc = subprocess.Popen(cmd, stdin=subprocess.PIPE, pass_fds=(write,), cwd=self.cwd or None,
                                             start_new_session=True)
            except OSError as err:
                self.reason = f"its warm parent could not start ({err})"
                self._ready.set()
                return self
            finally:
                os.close(write)
            threading.Thread(target=self._watch, args=(self.proc, read), name="nbapp-zygote-watch",
                             daemon=True).start()
        return self

    def _watch(self, proc: subprocess.Popen, read: int) -> None:
        """Read the warm parent's report; on its end (the process died) start another, or give up."""
        with os.fdopen(read, "rb") as report:
            line = report.readline()
            try:
                status = json.loads(line) if line else {}
            except ValueError:
                status = {}
            if status.get("ready"):
                self.warm_seconds = time.monotonic() - self.started
                self._ready.set()
            elif "reason" in status:
                self.reason = status["reason"]
            report.read()  # returns at the end: the warm parent exited
        code = proc.wait()
        if proc is not self.proc:  # a retired warm parent whose last kernel ended
            return
        if self._closing or self.reason is not None:
            self._ready.set()
            return
        if not status.get("ready"):
            self.reason = f"its warm parent exited during the warm-up (exit code {code})"
            self._ready.set()
        elif self.restarts >= MAX_RESTARTS:
            self.reason = f"its warm parent died {self.restarts + 1} times (last exit code {code})"
            self._ready.set()
        else:
            self.restarts += 1
            log.warning("nbapp: the warm parent of %s exited (code %s); starting another",
                        os.path.basename(self.app) or "kernels", code)
            self.start()

    def wait_ready(self, timeout: float | None = None) -> None:
        """Block until the warm parent can fork; raises NotForkable with the reason when it never will."""
        if not self._ready.wait(self.timeout + 30 if timeout is None else timeout):
            raise NotForkable(f"its warm-up took over {self.timeout:g} s")
        if self.reason is not None:
            raise NotForkable(self.reason)

    def fork(self, argv: list[str], env: dict[str, str], cwd: str) -> ForkedKernel:
        """Fork a kernel running ipykernel with ``argv`` in ``env`` and ``cwd``; returns it.

        Blocks until the warm parent is ready. Raises NotForkable when the app is not fork-safe
        or the warm parent cannot be reached after a restart.
        """
        request = json.dumps({"argv": argv, "env": env, "cwd": cwd}).encode() + b"\n"
        self.renew_if_stale()
        for attempt in range(2):
            self.wait_ready()
            conn = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
            conn.settimeout(FORK_TIMEOUT)
            try:
                conn.connect(self._socket)
                conn.sendall(request)
                data, fds, _, _ = socket.recv_fds(conn, 4096, 1)
                while data and b"\n" not in data:
                    data += conn.recv(4096)
                line, rest = data.split(b"\n", 1)
                kernel = ForkedKernel(json.loads(line)["pid"], fds[0] if fds else None, conn)
                kernel._buffer = rest
                conn.settimeout(None)
                return kernel
            except (OSError, ValueError, KeyError) as err:
                conn.close()
                if attempt:
                    raise NotForkable(f"its warm parent did not answer ({err})") from None
                time.sleep(0.2)  # it died: _watch starts another
        raise AssertionError("unreachable")

    def _stale(self) -> bool:
        """Whether the app's script, or a module beside it, was saved after this warm parent started."""
        if not self.app or self.reason is not None or not self._ready.is_set():
            return False
        try:
            with os.scandir(os.path.dirname(self.app)) as entries:
                return any(entry.name.endswith(".py") and entry.stat().st_mtime > self.started_wall
                           for entry in entries)
        except OSError:
            return False

    def renew_if_stale(self) -> None:
        """When the app changed, start a warm parent for it as it is now; the current one forks no more and
        exits after its last kernel. Returns None."""
        with self._lock:  # two pages opening at once renew once
            if not self._stale():
                return
            old = self.proc
            if old is not None and old.poll() is None:
                old.send_signal(signal.SIGUSR1)  # retire
                self._retired.append(old)
            log.info("nbapp: %s changed; warming a new parent", os.path.basename(self.app))
            self.start()

    def close(self) -> None:
        """Stop the warm parent (it terminates its kernels) and remove its socket folder; returns None."""
        self._closing = True
        self._ready.set()
        for proc in [*self._retired, self.proc]:
            self._stop(proc)
        shutil.rmtree(self._folder, ignore_errors=True)

    @staticmethod
    def _stop(proc: subprocess.Popen | None) -> None:
        if proc is not None and proc.poll() is None:
            try:
                proc.stdin.close()  # its signal to terminate its kernels and exit
            except OSError:
                pass
            try:
                proc.wait(10)
            except subprocess.TimeoutExpired:
                proc.kill()
                proc.wait()


_parents: dict[tuple[str, str, str], WarmParent] = {}
_parents_lock = threading.Lock()


def warm_parent(python: str, app: str = "", cwd: str = "", timeout: float = 120.0) -> WarmParent:
    """Return the warm parent for (``python``, ``app``, ``cwd``), starting it on first use.

    >>> parent = warm_parent(sys.executable)   # doctest: +SKIP
    >>> parent.fork(["-f", "/tmp/kernel.json"], dict(os.environ), os.getcwd()).pid   # doctest: +SKIP
    12345
    """
    key = (python, app, cwd)
    with _parents_lock:
        parent = _parents.get(key)
        if parent is None:
            parent = _parents[key] = WarmParent(python, app, cwd, timeout).start()
    return parent


def close_all() -> None:
    """Stop every warm parent this process started (their kernels with them); returns None."""
    with _parents_lock:
        parents = list(_parents.values())
        _parents.clear()
    for parent in parents:
        parent.close()


atexit.register(close_all)


def app_config(path: Path, timeout: float) -> dict[str, Any]:
    """The nbapp-fork provisioner's config for serving ``path`` (absolute): a script's warm parent runs it once, from here.

    >>> app_config(Path("/srv/app.py"), 60)["app"]
    '/srv/app.py'
    """
    app = str(path) if path.suffix.lower() == ".py" else ""
    return {"app": app, "app_cwd": os.getcwd(), "warm_timeout": timeout or 3600.0}


def prestart(app: str, app_cwd: str, warm_timeout: float = 120.0) -> WarmParent:
    """Start the warm parent for ``app`` now (its warm-up overlaps the server's own start); returns it."""
    return warm_parent(sys.executable, app, app_cwd, warm_timeout)
