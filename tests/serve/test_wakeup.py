"""The lost shell-socket wakeup behind Voilà's hanging page loads, and nbapp's workaround.

The deterministic reproduction replays what nbclient does while Voilà executes a
notebook with an Output widget: the executor awaits ``shell_channel.get_msg()``; the
``execute_reply`` arrives on the socket; before the event loop turns, nbclient's
OutputWidget sends a ``comm_msg`` on the same socket through ``Session.send``, whose
synchronous shadow send drains the socket's notification fd.

Two facts of libzmq make it deterministic rather than a race we hope to hit:

- over ``inproc://`` the ROUTER's send posts the reply's "activate read" command to the
  client's mailbox before returning, so the client's fd is readable at once (the test
  asserts it with ``select``, which reports readiness without consuming it);
- libzmq's send processes pending commands at most once per ~1 ms of CPU ticks, but
  always on a socket's first send, so the ``comm_msg`` is the client's first send.
"""

from __future__ import annotations

import asyncio
import concurrent.futures
import copy
import select
import warnings
from collections.abc import Callable, Iterator
from pathlib import Path

import nbformat
import pytest
import zmq
import zmq.asyncio
from jupyter_client.channels import AsyncZMQSocketChannel
from jupyter_client.manager import AsyncKernelManager
from jupyter_client.session import Session
from nbclient import NotebookClient

from nbapp.serve import wakeup

# How long an awaiting poll gets to wake up once the reply is in its socket. Waking
# takes one or two turns of the event loop (microseconds); not waking is forever, so
# this bounds the assertion "it never wakes", it is no retry.
WAKES_WITHIN = 1.0

ENDPOINT = "inproc://shell"
CLIENT_ID = b"executor"


def _run_in_fresh_loop(coro):
    """``asyncio.run`` on a thread of its own.

    Playwright's sync API (the browser tests' session-wide fixture) keeps an event loop
    running on the main thread for the whole session, and ``asyncio.run`` refuses to start
    under a running loop; these tests need a loop that is theirs alone anyway.
    """
    with concurrent.futures.ThreadPoolExecutor(1) as pool:
        return pool.submit(asyncio.run, coro).result()


@pytest.fixture
def workaround_off() -> Iterator[None]:
    """Run the test with jupyter_client's own Session.send; restore the prior state."""
    was_installed = wakeup.is_installed()
    wakeup.uninstall()
    yield
    if was_installed:
        wakeup.install()


@pytest.fixture
def workaround_on() -> Iterator[None]:
    """Run the test with the workaround installed; restore the prior state."""
    was_installed = wakeup.is_installed()
    wakeup.install()
    yield
    if not was_installed:
        wakeup.uninstall()


Send = Callable[[AsyncZMQSocketChannel, zmq.asyncio.Socket], None]
COMM_MSG = {"comm_id": "out", "data": {"method": "update", "state": {"outputs": []}}}


def _send_comm_msg_like_nbclient(
    channel: AsyncZMQSocketChannel, client: zmq.asyncio.Socket
) -> None:
    """What nbclient's OutputWidget.sync_state does: shell_channel.send -> Session.send."""
    channel.send(channel.session.msg("comm_msg", content=COMM_MSG))


def _send_through_pyzmq(channel: AsyncZMQSocketChannel, client: zmq.asyncio.Socket) -> None:
    """The same bytes sent through pyzmq's own asyncio send instead of a sync shadow."""
    msg = channel.session.msg("comm_msg", content=COMM_MSG)
    sent = client.send_multipart(channel.session.serialize(msg))
    assert sent.done(), "pyzmq's asyncio send did not complete at once"


async def _reply_then_send(send: Send) -> bool:
    """Await the shell reply as nbclient does, with ``send`` run after it arrives.

    Returns whether the awaiting ``get_msg`` woke up within ``WAKES_WITHIN``.
    """
    ctx = zmq.asyncio.Context()
    kernel = zmq.Context.shadow(ctx.underlying).socket(zmq.ROUTER)
    client = ctx.socket(zmq.DEALER)
    try:
        kernel.router_mandatory = True  # a reply the ROUTER cannot route raises, not vanishes
        kernel.bind(ENDPOINT)
        client.routing_id = CLIENT_ID
        client.connect(ENDPOINT)
        session = Session(key=b"secret")
        channel = AsyncZMQSocketChannel(client, session)

        # The executor awaits the execute_reply (nbclient's _async_poll_for_reply).
        awaiting = asyncio.ensure_future(channel.get_msg())
        await asyncio.sleep(0)  # one turn: the task registers its poll and suspends
        assert not awaiting.done()

        # The kernel replies. Its wakeup is now pending on the client's fd.
        reply = session.msg("execute_reply", content={"status": "ok"})
        session.send(kernel, reply, ident=CLIENT_ID)
        readable, _, _ = select.select([client.FD], [], [], WAKES_WITHIN)
        assert readable, "precondition: the reply's wakeup is pending on the client's fd"

        # Before the loop turns to that wakeup, a send on the same socket consumes it.
        send(channel, client)
        readable, _, _ = select.select([client.FD], [], [], 0)
        events = zmq.Socket.shadow(client.underlying).get(zmq.EVENTS)
        assert not readable, "precondition: the send drained the client's fd"
        assert events & zmq.POLLIN, "precondition: the reply waits in the client's socket"

        try:
            received = await asyncio.wait_for(awaiting, WAKES_WITHIN)
        except asyncio.TimeoutError:
            return False
        assert received["header"]["msg_id"] == reply["header"]["msg_id"]
        return True
    finally:
        client.close(linger=0)
        kernel.close(linger=0)
        ctx.term()


def test_lost_wakeup_reproduces_without_workaround(workaround_off: None) -> None:
    woke = _run_in_fresh_loop(_reply_then_send(_send_comm_msg_like_nbclient))

    # When this fails, jupyter_client/pyzmq stopped losing the wakeup (e.g.
    # jupyter_client#1059 merged): check the Voilà page loads of FIELD-NOTES.md without
    # the workaround, then delete nbapp/serve/wakeup.py, its install() call and this
    # file. A fix on nbclient's side alone (nbclient#311) would not fail this test.
    assert not woke, (
        "The awaiting shell poll woke up without nbapp.serve.wakeup: the lost wakeup no "
        "longer reproduces with the installed jupyter_client/pyzmq, so the workaround "
        "can probably be deleted (see the comment above this assertion)."
    )


def test_workaround_wakes_the_awaiting_poll(workaround_on: None) -> None:
    woke = _run_in_fresh_loop(_reply_then_send(_send_comm_msg_like_nbclient))

    assert woke, "the executor's poll missed the execute_reply although the workaround is on"


def test_pyzmq_own_send_drains_the_fd_but_keeps_the_wakeup(workaround_off: None) -> None:
    # The control: the same drain happens in pyzmq's own asyncio send, which then
    # re-checks the socket's events. That re-check is what the workaround adds.
    woke = _run_in_fresh_loop(_reply_then_send(_send_through_pyzmq))

    assert woke


def test_public_api_fallback_also_wakes_the_awaiting_poll(workaround_off: None) -> None:
    def send_then_recheck_publicly(
        channel: AsyncZMQSocketChannel, client: zmq.asyncio.Socket
    ) -> None:
        _send_comm_msg_like_nbclient(channel, client)
        wakeup._recheck_events_public(client)

    woke = _run_in_fresh_loop(_reply_then_send(send_then_recheck_publicly))

    assert woke, "the public-API fallback of nbapp.serve.wakeup no longer wakes the poll"


def test_install_is_idempotent_and_uninstall_restores(workaround_off: None) -> None:
    original = Session.send

    wakeup.install()
    wrapped = Session.send
    wakeup.install()

    assert Session.send is wrapped
    assert wrapped.__wrapped__ is original
    wakeup.uninstall()
    assert Session.send is original
    assert not wakeup.is_installed()


def test_only_sends_on_asyncio_sockets_are_rechecked(
    workaround_on: None, monkeypatch: pytest.MonkeyPatch
) -> None:
    rechecked: list[zmq.Socket] = []
    monkeypatch.setattr(wakeup, "_recheck_events", rechecked.append)
    session = Session(key=b"secret")
    ctx = zmq.asyncio.Context()
    # PUB sockets: a send without subscribers returns at once instead of blocking.
    plain = zmq.Context.shadow(ctx.underlying).socket(zmq.PUB)
    asynchronous = ctx.socket(zmq.PUB)
    try:
        sent = session.send(plain, "comm_msg", content={"comm_id": "out"})
        session.send(asynchronous, "comm_msg", content={"comm_id": "out"})
    finally:
        plain.close(linger=0)
        asynchronous.close(linger=0)
        ctx.term()

    assert sent is not None and sent["msg_type"] == "comm_msg"
    assert rechecked == [asynchronous]


def test_send_outside_an_event_loop_is_left_alone(workaround_on: None) -> None:
    session = Session(key=b"secret")
    ctx = zmq.asyncio.Context()
    sock = ctx.socket(zmq.PUB)
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("error")  # pyzmq warns when used without a running loop
            sent = session.send(sock, "comm_msg", content={"comm_id": "out"})
    finally:
        sock.close(linger=0)
        ctx.term()

    assert sent is not None


# --- a real kernel: the notebook that hung 29 page loads out of 40 in Voilà ----------

RUNS = 20
# An execution takes ~0.1 s here; this fires only when the execute_reply is never seen.
RUN_TIMEOUT = 15.0
PRINTED = 2_000 * 1_001  # 2,000 lines of 1,000 characters and a newline: 2 MB

OUTPUT_WIDGET_CELL = """\
import ipywidgets as widgets
from IPython.display import display

out = widgets.Output()
display(out)
with out:
    for _ in range(2_000):
        print("x" * 1_000)
"""


async def _execute_repeatedly(nb: nbformat.NotebookNode) -> list[str]:
    """Execute ``nb`` RUNS times on one kernel, as Voilà's executor does per page load.

    Returns one line per run: "ok" or what went wrong.
    """
    km = AsyncKernelManager(kernel_name="python3")
    await km.start_kernel()
    kc = km.client()
    outcomes: list[str] = []
    try:
        kc.start_channels()
        await kc.wait_for_ready(timeout=60)
        for run in range(RUNS):
            executor = NotebookClient(copy.deepcopy(nb), km=km)
            executor.kc = kc
            cell = executor.nb.cells[0]
            execution = asyncio.ensure_future(executor.async_execute_cell(cell, 0))
            done, _ = await asyncio.wait({execution}, timeout=RUN_TIMEOUT)
            if not done:
                execution.cancel()
                await asyncio.gather(execution, return_exceptions=True)
                outcomes.append(f"run {run}: no execute_reply seen in {RUN_TIMEOUT} s")
                break  # the shell socket now holds a stale reply: later runs prove nothing
            execution.result()
            printed = [
                sum(len(output.get("text", "")) for output in state["outputs"])
                for state in executor.widget_state.values()
                if "outputs" in state
            ]
            ok = printed == [PRINTED]
            outcomes.append("ok" if ok else f"run {run}: Output widget got {printed} characters")
    finally:
        kc.stop_channels()
        await km.shutdown_kernel(now=True)
    return outcomes


def test_output_widget_notebook_completes_every_time(
    workaround_on: None, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Connection files and the kernel's IPython profile go to tmp_path, so the test
    # runs the same for root and for a user without a writable home.
    monkeypatch.setenv("JUPYTER_RUNTIME_DIR", str(tmp_path / "runtime"))
    monkeypatch.setenv("IPYTHONDIR", str(tmp_path / "ipython"))
    nb = nbformat.v4.new_notebook(cells=[nbformat.v4.new_code_cell(OUTPUT_WIDGET_CELL)])

    outcomes = _run_in_fresh_loop(_execute_repeatedly(nb))

    assert outcomes == ["ok"] * RUNS, "\n".join(outcomes)
