"""``st.status``: an expandable container that shows a long task's state (running, complete, error)."""
from __future__ import annotations

from typing import Any

from nbapp.elements.policies import check_bool, check_choice, check_str, fail, got
from nbapp.elements.registry import element
from nbapp.runtime.context import require_run_context

STATES = ("running", "complete", "error")
EXPANDABLE_TYPES = ("default", "compact")  # Streamlit's ExpandableType; nbapp draws both alike


class StatusContainer:
    """The container ``st.status`` returns: write into it (``with`` or its methods), change it with :meth:`update`.

    Leaving its ``with`` block marks a still running status "complete", or "error" when the
    block raised.
    """

    def __init__(self, dg) -> None:
        self._dg = dg

    def __getattr__(self, name: str) -> Any:
        return getattr(self._dg, name)

    def __enter__(self) -> "StatusContainer":
        self._dg.__enter__()
        return self

    def __exit__(self, typ, exc, tb) -> bool:
        if self._block.props["state"] == "running":
            self.update(state="error" if typ is not None else "complete")
        return self._dg.__exit__(typ, exc, tb)

    @property
    def _block(self):
        return self._dg._block_ref

    def update(self, *, label: str | None = None, expanded: bool | None = None, state: str | None = None) -> None:
        """Change the label, the open/closed state or the state ("running", "complete", "error"); shown at once.

        Arguments left None keep their value. Raises NbappAPIError for a bad state or label.
        """
        check_str("status", "label", label)
        if state is not None:
            check_choice("status", "state", state, STATES)
        if expanded is not None:
            check_bool("status", "expanded", expanded)
        changes = {name: value for name, value in (("label", label), ("expanded", expanded), ("state", state))
                   if value is not None}
        # A new dict, not an edit in place: the renderer compares it with the props it drew last.
        self._block.props = {**self._block.props, **changes}
        require_run_context("status").refresh()

    def __repr__(self) -> str:
        return f"<nbapp StatusContainer {self._block.props['label']!r} {self._block.props['state']}>"


@element()
def status(dg, label: str, *, expanded: bool = False, state: str = "running", type: str = "default",
           width: int | str = "stretch") -> StatusContainer:
    """Insert a status container: an expander whose header shows ``state`` (running, complete, error).

    Returns a :class:`StatusContainer`; ``.update(label=, state=, expanded=)`` changes it
    live. Raises NbappAPIError for a label that is not a str or an unknown state.

    Examples
    --------
    >>> with st.status("Downloading data...", expanded=True) as s:
    ...     st.write("Searching for data...")
    ...     s.update(label="Download complete!", state="complete", expanded=False)
    """
    if not isinstance(label, str):
        raise fail("status", None, f"label must be a str, got {got(label)}.")
    check_choice("status", "state", state, STATES)
    check_choice("status", "type", type, EXPANDABLE_TYPES)
    check_bool("status", "expanded", expanded)
    block = dg._add_block("status", {"label": label, "expanded": expanded, "state": state, "type": type,
                                     "width": width})
    return StatusContainer(block)
