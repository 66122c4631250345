"""Rerun requests: widget changes merge into one pending request, so the latest state wins.

Browser events arrive on the kernel's main thread while a run executes on the app's
worker thread. Each event only merges into the pending request; the worker takes the
whole request when it is free. A run in progress that sees a pending request at its next
element call stops early (Streamlit's "fast reruns"), so a burst of 100 changes costs at
most the run in progress plus one rerun with the final values.

A request covers the whole app or some fragments (``fragments``: their ids, in order). A
fragment request (a widget inside a fragment, a ``run_every`` tick) never stops a run of the
whole app; a request for the whole app absorbs pending fragment requests (it reruns them too).
"""
from __future__ import annotations

import threading
from dataclasses import dataclass, field
from typing import Any


@dataclass
class Request:
    """What the next run must apply: front-end values by state key, and/or new source."""

    changes: dict[str, Any] = field(default_factory=dict)
    source: str | None = None
    fragments: list[str] | None = None  # None: the whole app; else the fragments to rerun, in order


class RerunRequests:
    """A lock-guarded mailbox between the browser-facing thread and the worker thread."""

    def __init__(self) -> None:
        self._cond = threading.Condition()
        self._pending: Request | None = None
        self._closed = False

    def request(self, changes: dict[str, Any] | None = None, source: str | None = None,
                fragment: str | None = None) -> None:
        """Merge ``changes`` (and a new ``source``) into the pending request and wake the worker.

        With ``fragment`` (and no ``source``) the request reruns only that fragment, unless a
        request for the whole app is already pending.
        """
        with self._cond:
            if self._pending is None:
                self._pending = Request(fragments=[] if fragment is not None and source is None else None)
            pending = self._pending
            if fragment is None or source is not None:
                pending.fragments = None
            elif pending.fragments is not None and fragment not in pending.fragments:
                pending.fragments.append(fragment)
            if changes:
                self._pending.changes.update(changes)
            if source is not None:
                self._pending.source = source
            self._cond.notify_all()  # the watcher of a served script waits on this condition too

    def superseded(self, fragment: str | None = None) -> bool:
        """Return True when the run in progress should stop: a request that covers it waits, or the app was closed.

        A run of the whole app (``fragment`` None) yields to a request for the whole app; a
        run of one fragment also yields to a request for that same fragment.
        """
        pending = self._pending
        if self._closed:
            return True
        if pending is None:
            return False
        return pending.fragments is None or (fragment is not None and fragment in pending.fragments)

    def take(self, timeout: float | None = None) -> Request | None:
        """Block until a request is pending and return it; None once closed (or on timeout)."""
        with self._cond:
            self._cond.wait_for(lambda: self._pending is not None or self._closed, timeout)
            if self._closed:
                return None
            request, self._pending = self._pending, None
            return request

    @property
    def closed(self) -> bool:
        """True once :meth:`close` was called."""
        return self._closed

    def wait_closed(self, timeout: float) -> bool:
        """Sleep up to ``timeout`` seconds, waking early when closed; returns :attr:`closed`."""
        with self._cond:
            self._cond.wait_for(lambda: self._closed, timeout)
            return self._closed

    def close(self) -> None:
        """Stop the worker: :meth:`take` returns None from now on."""
        with self._cond:
            self._closed = True
            self._cond.notify_all()
