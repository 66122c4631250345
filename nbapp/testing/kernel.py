"""Drive a real ipykernel the way a browser's widget manager does: comm messages in, widget state out.

Used by nbapp's own kernel tests and benchmarks; usable for testing apps end to end.

Examples
--------
>>> with running_kernel() as k:
...     k.execute("%load_ext nbapp")
...     k.execute("%%app\nimport nbapp as st\nst.write(st.slider('x', 0, 9, 2) * 2)")
...     k.wait_for_text("4")
"""
from __future__ import annotations

import contextlib
import queue
import time
import uuid
from collections.abc import Callable

from jupyter_client.manager import start_new_kernel


class WidgetKernel:
    """Executes cells and mirrors every widget model's state from the kernel's comm messages."""

    def __init__(self, client) -> None:
        self.client = client
        self.models: dict[str, dict] = {}
        self.streams: list[str] = []
        self.displays: list[dict] = []  # display_data and update_display_data messages, in order

    def execute(self, code: str, *, cell_id: str | None = None, timeout: float = 60) -> dict:
        """Run ``code`` as a notebook cell (with a JupyterLab-style cellId); returns the reply content."""
        msg = self.client.session.msg("execute_request", {
            "code": code, "silent": False, "store_history": True, "user_expressions": {},
            "allow_stdin": False, "stop_on_error": True,
        })
        msg["metadata"]["cellId"] = cell_id or str(uuid.uuid4())
        self.client.shell_channel.send(msg)
        reply = self.client.get_shell_msg(timeout=timeout)
        while reply["parent_header"].get("msg_id") != msg["header"]["msg_id"]:
            reply = self.client.get_shell_msg(timeout=timeout)
        self.drain(until_idle_of=msg["header"]["msg_id"], timeout=timeout)
        return reply["content"]

    def drain(self, *, until_idle_of: str | None = None, timeout: float = 10) -> None:
        """Apply iopub messages; stop at the idle status of ``until_idle_of`` or when quiet."""
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            try:
                msg = self.client.get_iopub_msg(timeout=0.2 if until_idle_of is None else 1)
            except queue.Empty:
                if until_idle_of is None:
                    return
                continue
            self._apply(msg)
            if (until_idle_of and msg["msg_type"] == "status"
                    and msg["content"]["execution_state"] == "idle"
                    and msg["parent_header"].get("msg_id") == until_idle_of):
                return
        if until_idle_of is not None:
            raise TimeoutError(f"the kernel did not finish request {until_idle_of} within {timeout}s")

    def _apply(self, msg: dict) -> None:
        kind, content = msg["msg_type"], msg["content"]
        if kind == "comm_open" and content.get("target_name") == "jupyter.widget":
            self.models[content["comm_id"]] = dict(content["data"]["state"])
        elif kind == "comm_msg" and content["data"].get("method") in ("update", "echo_update"):
            self.models.setdefault(content["comm_id"], {}).update(content["data"]["state"])
        elif kind == "comm_close":
            self.models.pop(content["comm_id"], None)
        elif kind == "stream":
            self.streams.append(content["text"])
        elif kind in ("display_data", "update_display_data"):
            self.displays.append(msg)

    def send_update(self, comm_id: str, **state) -> None:
        """Send the message a browser sends when the user changes a widget."""
        self.client.shell_channel.send(self.client.session.msg("comm_msg", {
            "comm_id": comm_id, "data": {"method": "update", "state": state, "buffer_paths": []},
        }))

    def click(self, comm_id: str) -> None:
        """Send a button click as the browser does."""
        self.client.shell_channel.send(self.client.session.msg("comm_msg", {
            "comm_id": comm_id, "data": {"method": "custom", "content": {"event": "click"}},
        }))

    def find(self, model_name: str, **match) -> str:
        """Return the comm id of the one live model of ``model_name`` whose state matches."""
        found = [cid for cid, s in self.models.items()
                 if s.get("_model_name") == model_name and all(s.get(k) == v for k, v in match.items())]
        assert len(found) == 1, f"expected one {model_name} matching {match}, found {len(found)}"
        return found[0]

    def texts(self) -> list[str]:
        """The values of every live HTML / HTMLMath widget."""
        return [s.get("value", "") for s in self.models.values()
                if s.get("_model_name") in ("HTMLModel", "HTMLMathModel")]

    def wait_for_text(self, needle: str, timeout: float = 15) -> None:
        """Apply iopub messages until some HTML widget contains ``needle``."""
        self.wait_for(lambda texts: any(needle in t for t in texts), needle, timeout)

    def wait_for(self, predicate: Callable[[list[str]], bool], what: str, timeout: float = 15) -> None:
        """Apply iopub messages until ``predicate(texts)`` is true for the HTML widgets' texts.

        Raises AssertionError naming ``what`` and the texts shown when ``timeout`` passes.
        """
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if predicate(self.texts()):
                return
            self.drain(timeout=0.5)
        raise AssertionError(f"{what!r} never appeared; texts: {[t[:80] for t in self.texts() if '<style>' not in t]}")

    def eval(self, expr: str):
        """Return ``repr(eval(expr))`` in the kernel, as a string."""
        reply = self.client.execute_interactive(f"print(repr({expr}))", timeout=30, output_hook=self._capture)
        assert reply["content"]["status"] == "ok", reply["content"]
        return self._captured.pop()

    def _capture(self, msg) -> None:
        self._apply(msg)
        if msg["msg_type"] == "stream":
            self._captured = getattr(self, "_captured", [])
            self._captured.append(msg["content"]["text"].strip())


@contextlib.contextmanager
def running_kernel(kernel_name: str = "python3"):
    """Start an ipykernel, yield a :class:`WidgetKernel` for it, and shut it down afterwards."""
    manager, client = start_new_kernel(kernel_name=kernel_name)
    try:
        yield WidgetKernel(client)
    finally:
        client.stop_channels()
        manager.shutdown_kernel(now=True)
