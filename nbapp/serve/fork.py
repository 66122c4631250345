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
import os
import signal
from importlib.metadata import EntryPoint
from typing import Any

from jupyter_client.connect import KernelConnectionInfo
from jupyter_client.kernelspec import KernelSpec, KernelSpecManager
from jupyter_client.provisioning import LocalProvisioner
from jupyter_client.provisioning.factory import KernelProvisionerFactory
from traitlets import Dict, Float, Unicode

from nbapp.serve.warm import LOST_KERNELS, ForkedKernel, NotForkable, close_all, prestart, warm_parent

__all__ = ["ForkProvisioner", "ForkKernelSpecManager", "register", "with_fork", "kernel_argv", "warm_parent",
           "close_all", "prestart", "LOST_KERNELS"]
PROVISIONER = "nbapp-fork"
ENTRY_POINT = "nbapp.serve.fork:ForkProvisioner"


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


