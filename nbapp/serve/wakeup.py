"""Workaround for Voilà's hanging page loads: re-arm pyzmq's asyncio wakeup after Session.send.

Delete this module (and tests/serve/test_wakeup.py) once upstream fixes the lost wakeup;
``test_lost_wakeup_reproduces_without_workaround`` fails with that advice when it does.

The cause, in the installed jupyter_client 8.10 / pyzmq 27.3 / nbclient 0.11:

- nbclient awaits a cell's ``execute_reply`` with ``await kc.shell_channel.get_msg()``
  (``nbclient/client.py`` ``_async_poll_for_reply``), which is ``await socket.poll()`` on
  a ``zmq.asyncio.Socket`` (``jupyter_client/channels.py`` ``AsyncZMQSocketChannel``).
  pyzmq wakes that poll when the socket's notification fd (``zmq.FD``) becomes
  readable. The fd is edge-triggered: it only says "events may have changed, read
  ``zmq.EVENTS``".
- While that poll waits, nbclient's stand-in for an Output widget
  (``nbclient/output_widget.py``) answers every output with a ``comm_msg`` sent through
  ``kc.shell_channel.send`` -> ``Session.send`` on the same socket.
- ``Session.send`` (jupyter_client >= 7.4.2, ``jupyter_client/session.py``) writes an
  asyncio socket through a *synchronous* shadow, ``zmq.Socket.shadow(stream.underlying)``,
  so pyzmq's asyncio layer never sees the send.
- libzmq's send processes the socket's pending commands, which drains the fd. If the
  ``execute_reply`` had just arrived, its wakeup is consumed here. pyzmq re-reads
  ``zmq.EVENTS`` after its *own* sends (``zmq/_future.py`` ``_add_send_event`` calls
  ``_schedule_remaining_events``) but cannot after a send it never saw, so the poll
  never returns although the reply is waiting: the page stops after
  ``window.voila_heartbeat()``.

The fix does, after each ``Session.send`` on a ``zmq.asyncio.Socket``, the step pyzmq
does after its own sends. It only touches sends on asyncio sockets (exactly those
``Session.send`` shadows) and costs one attribute check per send, plus one
``zmq.EVENTS`` read when something awaits the socket.

Upstream: jupyter/jupyter_client#1059, jupyter/nbclient#312 and #311 (open);
user reports voila-dashboards/voila#1395, #1428, #1322.

Examples
--------
>>> from nbapp.serve import wakeup
>>> wakeup.install()     # in the server process, before Voilà starts
>>> wakeup.is_installed()
True
>>> wakeup.uninstall()   # tests only
"""

from __future__ import annotations

import asyncio
import functools
from typing import Any

import zmq
import zmq.asyncio
from jupyter_client.session import Session

# Marks our wrapper on Session.send, so install() stays idempotent even across a reload
# of this module (a module-level flag would be reset by the reload).
_MARK = "_nbapp_wakeup_wrapper"


def install() -> None:
    """Make every ``Session.send`` on an asyncio zmq socket re-arm pyzmq's wakeup.

    Call once in the process that runs Voilà's kernels and executors (the Voilà
    server), before it starts executing notebooks. Calling it again does nothing.

    Returns
    -------
    None

    Examples
    --------
    >>> from nbapp.serve import wakeup
    >>> wakeup.install()
    >>> wakeup.install()  # idempotent
    >>> wakeup.is_installed()
    True
    """
    if is_installed():
        return
    original = Session.send

    @functools.wraps(original)
    def send(self: Session, stream: Any, *args: Any, **kwargs: Any) -> Any:
        msg = original(self, stream, *args, **kwargs)
        # The same condition under which Session.send writes through a synchronous
        # shadow: only then can a wakeup be lost behind pyzmq's back.
        if isinstance(stream, zmq.asyncio.Socket):
            _recheck_events(stream)
        return msg

    setattr(send, _MARK, True)
    Session.send = send  # type: ignore[method-assign]


def uninstall() -> None:
    """Restore jupyter_client's own ``Session.send`` (for tests).

    Does nothing when the workaround is not installed, or when something wrapped
    ``Session.send`` again after :func:`install` (unwrapping underneath it would
    drop that wrapper too).

    Examples
    --------
    >>> from nbapp.serve import wakeup
    >>> wakeup.install()
    >>> wakeup.uninstall()
    >>> wakeup.is_installed()
    False
    """
    if is_installed():
        Session.send = Session.send.__wrapped__  # type: ignore[attr-defined,method-assign]


def is_installed() -> bool:
    """Return True when :func:`install` is in effect.

    Examples
    --------
    >>> from nbapp.serve import wakeup
    >>> wakeup.uninstall()
    >>> wakeup.is_installed()
    False
    """
    return getattr(Session.send, _MARK, False)


def _recheck_events(socket: zmq.asyncio.Socket) -> None:
    """Let pyzmq re-read ``zmq.EVENTS`` of ``socket`` after a send it did not see."""
    try:
        asyncio.get_running_loop()
    except RuntimeError:
        # No loop runs in this thread, so nothing here awaits the socket; pyzmq would
        # otherwise warn and bind the socket to a non-running loop.
        return
    # Private pyzmq API, guarded: it is exactly what pyzmq runs after its own sends
    # (zmq/_future.py _add_send_event) and costs nothing while no poll or recv waits.
    schedule = getattr(socket, "_schedule_remaining_events", None)
    if callable(schedule):
        schedule()
    else:
        _recheck_events_public(socket)


def _recheck_events_public(socket: zmq.asyncio.Socket) -> None:
    """Public-API fallback of :func:`_recheck_events`.

    Reading ``zmq.EVENTS`` through an asyncio socket (not its shadow) is pyzmq's
    public way to have pending events handled: its ``get`` schedules the socket's
    waiting futures when the events it read are ready. One getsockopt per send.
    """
    socket.get(zmq.EVENTS)
