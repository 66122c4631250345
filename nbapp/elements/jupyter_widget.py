"""st.jupyter_widget: any ipywidget or anywidget inside an app, its trait as a variable.

The app passes its own widget object (an ipyleaflet map, a bqplot figure, an anywidget);
nbapp places that very object, every run, and returns the current value of one trait.
A change made in the browser goes through the one input path (``SessionState.receive``)
and reruns the app, as any nbapp widget does. The object is never closed by nbapp.
"""
from __future__ import annotations

import weakref
from typing import Any

from nbapp.elements.policies import check_str, fail, got
from nbapp.elements.registry import element

# What each widget's trait was last set to from the session (browser or AppTest), so a
# value the app itself assigns to the trait later is not overwritten by an old one.
_applied: weakref.WeakKeyDictionary = weakref.WeakKeyDictionary()
_NOTHING = object()


def is_jupyter_widget(obj: Any) -> bool:
    """True for ipywidgets and anywidget instances (by their classes' modules; nothing is imported)."""
    return any(c.__name__ == "Widget" and (c.__module__ or "").startswith("ipywidgets") for c in type(obj).__mro__)


@element()
def jupyter_widget(dg, widget: Any, *, key: str | int | None = None, trait: str | None = "value"):
    """Place an ipywidget or anywidget in the app and return the current value of its ``trait``.

    The same object is shown on every run (it keeps its state and its front-end view); a
    change of ``trait`` in the browser reruns the app. ``trait=None`` only places the widget
    (returns None, no rerun). ``st.write(widget)`` does the same. Raises NbappAPIError for
    an object that is not a Jupyter widget or a trait it does not sync.

    Examples
    --------
    >>> zoom = st.jupyter_widget(ipywidgets.IntSlider(3, 0, 10), key="zoom")
    """
    if not is_jupyter_widget(widget):
        raise fail("jupyter_widget", None, f"widget must be an ipywidgets or anywidget widget, got {got(widget)}.")
    check_str("jupyter_widget", "trait", trait)
    if trait is not None and not (widget.has_trait(trait) and widget.trait_metadata(trait, "sync")):
        synced = sorted(name for name in widget.keys if not name.startswith("_"))
        raise fail("jupyter_widget", None, f"trait names {trait!r}, which {type(widget).__name__} does not sync; "
                                           f"its synced traits are {synced}.")
    model_id = widget.model_id
    if trait is None:
        dg._enqueue("jupyter_widget", {"widget": widget, "model_id": model_id, "trait": None}, id=f"jw-{model_id}")
        return None
    state = dg._widget(
        "jupyter_widget", "", key=key, default=getattr(widget, trait),
        identity={"model_id": model_id, "trait": trait},
        props={"widget": widget, "model_id": model_id, "trait": trait},
        serialize=lambda value: None,  # the widget shows its own value; nothing for nbapp to send
        to_wire=lambda value: value,
    )
    applied = _applied.setdefault(widget, {})
    if applied.get(trait, _NOTHING) is not state and _differs(getattr(widget, trait), state):
        setattr(widget, trait, state)  # a browser or AppTest value not yet on the object (AppTest's setters)
    applied[trait] = state
    return getattr(widget, trait)


def _differs(a: Any, b: Any) -> bool:
    try:
        return bool(a != b)
    except Exception:  # arrays and other elementwise comparisons
        return a is not b
