"""An ``%%app`` cell's saved face: a static HTML snapshot of its last run, next to the live app.

The cell's outputs are the live app (a widget view, which needs the kernel) and one more
``display_data`` holding the app as static HTML, drawn by :mod:`nbapp.serve.static` (what
``nbapp export`` uses). The snapshot follows the app (redrawn once a run has settled), so a saved
notebook shows the app's last frame wherever no kernel draws it: nbconvert, nbviewer,
GitHub, JupyterLab after a restart. Where the live app draws, the snapshot is hidden (the
labextension's CSS, or page.js in an ``nbapp run`` page, which shows it until the live
widgets have drawn).

Updates are ``update_display_data`` messages for the snapshot's display id. They are sent from
the main thread's event loop in the context of the cell's run, so ipykernel 7 parents them to
the cell's ``execute_request``, whose output area JupyterLab keeps listening to (checked with
ipykernel 7.4 and JupyterLab 4.6); ``metadata.nbapp.display_id`` names the output as well.
"""
from __future__ import annotations

import base64
import uuid
from typing import Any

MIMETYPE = "text/html"


class Snapshot:
    """The static-HTML output of one app; ``show()`` displays it, ``refresh()`` redraws it when it changed."""

    def __init__(self, root: Any) -> None:
        self.root = root
        self.display_id = f"nbapp-snapshot-{uuid.uuid4().hex}"
        self._last = ""

    def html(self) -> str:
        """Return the app under ``root`` drawn as static HTML, wrapped in ``div.nbapp-snapshot``."""
        from nbapp.serve.static import CSS, WidgetHtml

        state = {widget.model_id: {"state": _drawn_state(widget)} for widget in _tree(self.root)}
        return (f'<div class="nbapp-snapshot-output nbapp-static"><style>{CSS}</style>'
                f"{WidgetHtml(state).widget(self.root.model_id)}</div>")

    def show(self) -> None:
        """Display the snapshot as a new output of the running cell; returns None."""
        from IPython.display import display

        self._last = self.html()
        display(self._bundle(), raw=True, metadata=self._metadata(), display_id=self.display_id)

    def refresh(self) -> None:
        """Replace the displayed snapshot with the app's current state, if that changed; returns None.

        Call it on the kernel's main thread after each frame: it costs a few ms (reading the
        traits that the static renderer draws), paid after the frame went out.
        """
        from IPython.display import update_display

        if not self._last or self.root.comm is None:  # not shown yet, or the app was closed
            return
        html = self.html()
        if html != self._last:
            self._last = html
            update_display(self._bundle(), raw=True, metadata=self._metadata(), display_id=self.display_id)

    def _bundle(self) -> dict[str, str]:
        return {MIMETYPE: self._last}

    def _metadata(self) -> dict[str, Any]:
        return {"nbapp": {"snapshot": True, "display_id": self.display_id}}


def _tree(root: Any) -> list[Any]:
    """Every widget the app's view draws: ``root``, its descendants and their layouts."""
    seen: dict[str, Any] = {}
    stack = [root]
    while stack:
        widget = stack.pop()
        if getattr(widget, "comm", None) is None or widget.model_id in seen:  # None, or a closed widget
            continue
        seen[widget.model_id] = widget
        stack.append(getattr(widget, "layout", None))
        stack.extend(getattr(widget, "children", ()) or ())
    return list(seen.values())


def _drawn_state(widget: Any) -> dict[str, Any]:
    """The widget's state as the protocol sends it, for the traits :mod:`nbapp.serve.static` draws.

    ``Widget.get_manager_state()`` serializes every trait of every widget (tens of ms for a
    small app); these few keys are all the static renderer reads. Binary values come back as
    base64, as in the protocol's embed state.
    """
    from nbapp.serve.static import DRAWN_TRAITS

    state = widget.get_state(key=[name for name in widget.keys if name in DRAWN_TRAITS])
    for name, value in state.items():
        if isinstance(value, (bytes, bytearray, memoryview)):
            state[name] = base64.b64encode(value).decode("ascii")
    return state
