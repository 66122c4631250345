"""Kernels forked from a warm parent: a jupyter_client kernel provisioner (``nbapp-fork``).

A kernelspec whose ``metadata.kernel_provisioner`` is ``{"provisioner_name": "nbapp-fork",
"config": {"app": "/path/app.py", "app_cwd": "/path"}}`` gets its kernels from a warm parent
process (:mod:`nbapp.serve.zygote`, one per app and interpreter): it has imported ipykernel,
nbapp and the app's imports and run the app once, so each kernel starts in milliseconds
and shares those pages of memory (copy-on-write) -- models loaded by ``st.cache_resource``
included. Voilà, JupyterLab or any jupyter_server use it through the kernelspec;
``nbapp run`` sets it up by itself (:class:`ForkKernelSpecManager`).

An app that is not fork-safe (CUDA initialised, threads left running, or a warm-up that
raised) gets plain kernels (jupyter_client's LocalProvisioner) and one warning line in
the server's log. A warm parent that dies is started again; its kernels die with it.
"""
from __future__ import annotations

import asyncio
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
from importlib.metadata import EntryPoint
from typing import Any

from jupyter_client.connect import KernelConnectionInfo
from jupyter_client.kernelspec import KernelSpec, KernelSpecManager
from jupyter_client.provisioning import LocalProvisioner
from jupyter_client.provisioning.factory import KernelProvisionerFactory
from traitlets import Dict, Float, Unicode

PROVISIONER = "nbapp-fork"
ENTRY_POINT = "nbapp.serve.fork:ForkProvisioner"
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
        self._read_reports(0.5)  # the warm parent reaps it and reports in a moment
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
        self._lock = threading.Lock()
        self._closing = False
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

    def close(self) -> None:
        """Stop the warm parent (it terminates its kernels) and remove its socket folder; returns None."""
        self._closing = True
        self._ready.set()
        proc = self.proc
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
        shutil.rmtree(self._folder, ignore_errors=True)


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


def kernel_argv(cmd: list[str]) -> list[str] | None:
    """ipykernel's own arguments in a kernel command ``[python, -m, ipykernel_launcher, ARGS...]``, else None.

    >>> kernel_argv(["/usr/bin/python3", "-m", "ipykernel_launcher", "-f", "k.json"])
    ['-f', 'k.json']
    >>> kernel_argv(["R", "--slave"]) is None
    True
    """
    if len(cmd) >= 3 and cmd[1] == "-m" and cmd[2] in ("ipykernel_launcher", "ipykernel"):
        return list(cmd[3:])
    return None


class ForkProvisioner(LocalProvisioner):
    """jupyter_client provisioner that forks each kernel from a warm parent, or launches a plain one when it cannot.

    Its config (the kernelspec's ``metadata.kernel_provisioner.config``): ``app``, the app whose
    warm-up the parent runs (empty: only ipykernel and nbapp are imported); ``app_cwd``, its working
    folder; ``warm_timeout``, seconds the warm-up may take.
    """

    app = Unicode("", config=True, help="Absolute path of the app the warm parent runs once (.py), or ''.")
    app_cwd = Unicode("", config=True, help="Working folder of the warm parent (the app's imports resolve from it).")
    warm_timeout = Float(120.0, config=True, help="Seconds the warm parent's warm-up may take.")

    forked: ForkedKernel | None = None

    @property
    def has_process(self) -> bool:
        """Whether a kernel process is being managed (forked or plain)."""
        return self.forked is not None or super().has_process

    async def launch_kernel(self, cmd: list[str], **kwargs: Any) -> KernelConnectionInfo:
        """Fork the kernel from the warm parent; launch it plainly when the app is not fork-safe. Returns the connection info."""
        argv = kernel_argv(cmd)
        if argv is None:
            return await super().launch_kernel(cmd, **kwargs)
        parent = warm_parent(cmd[0], self.app, self.app_cwd, self.warm_timeout)
        env = dict(kwargs.get("env") or os.environ)
        cwd = str(kwargs.get("cwd") or os.getcwd())
        try:
            self.forked = await asyncio.get_running_loop().run_in_executor(None, parent.fork, argv, env, cwd)
        except NotForkable as err:
            if not parent.warned:
                parent.warned = True
                name = os.path.basename(self.app) or "this kernelspec"
                self.log.warning("nbapp: serving %s with plain kernels: %s.", name, err)
            return await super().launch_kernel(cmd, **kwargs)
        self.pid = self.pgid = self.forked.pid
        self.cwd = cwd
        return self.connection_info

    async def poll(self) -> int | None:
        """None while the kernel runs, else its exit code."""
        if self.forked is not None:
            code = self.forked.poll()
            if code is not None and self.forked.lost:
                LOST_KERNELS.add(self.kernel_id)
            return code
        return await super().poll()

    async def wait(self) -> int | None:
        """Wait for the kernel to exit; returns its exit code."""
        if self.forked is None:
            return await super().wait()
        while (code := self.forked.poll()) is None:
            await asyncio.sleep(0.05)
        self.forked.close()
        self.forked = None
        return code

    async def send_signal(self, signum: int) -> None:
        """Send ``signum`` to the kernel's process group."""
        if self.forked is not None:
            self.forked.send_signal(signum)
            return
        await super().send_signal(signum)

    async def kill(self, restart: bool = False) -> None:
        """SIGKILL the kernel."""
        if self.forked is not None:
            self.forked.send_signal(signal.SIGKILL)
            return
        await super().kill(restart)

    async def terminate(self, restart: bool = False) -> None:
        """SIGTERM the kernel."""
        if self.forked is not None:
            self.forked.send_signal(signal.SIGTERM)
            return
        await super().terminate(restart)

    async def cleanup(self, restart: bool = False) -> None:
        """Release what the kernel held (ports, the pidfd and the warm parent's connection)."""
        if self.forked is not None and self.forked.poll() is not None:
            self.forked.close()
            self.forked = None
        await super().cleanup(restart)

    async def get_provisioner_info(self) -> dict:
        """What persists of this provisioner: LocalProvisioner's pid, pgid and ip."""
        return await super().get_provisioner_info()


def register() -> None:
    """Make ``nbapp-fork`` known to jupyter_client even where nbapp's entry point is not installed (a source checkout); returns None."""
    KernelProvisionerFactory.provisioners.setdefault(
        PROVISIONER, EntryPoint(PROVISIONER, ENTRY_POINT, KernelProvisionerFactory.GROUP_NAME))


def with_fork(spec: KernelSpec, config: dict[str, Any]) -> KernelSpec:
    """Return ``spec`` with its kernels forked by ``nbapp-fork`` (with ``config``) when it is an ipykernel spec.

    A spec that names its own provisioner, or does not run ipykernel, is returned unchanged.
    """
    metadata = dict(spec.metadata or {})
    if kernel_argv(spec.argv) is None or "kernel_provisioner" in metadata:
        return spec
    metadata["kernel_provisioner"] = {"provisioner_name": PROVISIONER, "config": dict(config)}
    spec.metadata = metadata
    return spec


class ForkKernelSpecManager(KernelSpecManager):
    """Kernelspecs as usual, with ipykernel's served by ``nbapp-fork`` (``fork_config`` is its config)."""

    fork_config = Dict(config=True, help="The nbapp-fork provisioner's config: app, app_cwd, warm_timeout.")

    def get_kernel_spec(self, kernel_name: str) -> KernelSpec:
        """The named kernelspec, forked from a warm parent when it runs ipykernel."""
        register()
        return with_fork(super().get_kernel_spec(kernel_name), self.fork_config)


def prestart(app: str, cwd: str, timeout: float = 120.0) -> WarmParent:
    """Start the warm parent for ``app`` now (its warm-up overlaps the server's own start); returns it."""
    return warm_parent(sys.executable, app, cwd, timeout)
