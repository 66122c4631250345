"""ES modules in the browser, through anywidget: nbapp's own behaviour and every element declared with one.

anywidget is the ecosystem's standard for widgets with their own front-end code (JupyterLab,
Notebook 7, VS Code, Colab, Voilà). The modules ship in ``nbapp/frontend/``: no CDN.
"""
from __future__ import annotations

import functools
from typing import Any

import anywidget
import traitlets

from nbapp.elements.registry import Frontend, Kind
from nbapp.render.registry import Adapter, Emit, classed, same


class ActionHtml(anywidget.AnyWidget):
    """HTML whose ``data-nbapp-action`` elements (copy, toggle-sidebar, dismiss) work on click."""

    _esm, _css = Frontend("actions.js").source()
    value = traitlets.Unicode("").tag(sync=True)  # the HTML, named as on ipywidgets' HTML widget


class Download(anywidget.AnyWidget):
    """A download anchor: the file travels once as a binary buffer; a click can notify the kernel."""

    _esm, _css = Frontend("download.js").source()
    html = traitlets.Unicode("").tag(sync=True)
    data = traitlets.Bytes(b"").tag(sync=True)
    file_name = traitlets.Unicode("download").tag(sync=True)
    mime = traitlets.Unicode("application/octet-stream").tag(sync=True)
    notify = traitlets.Bool(True).tag(sync=True)
    deferred = traitlets.Bool(False).tag(sync=True)  # the bytes are made on a click, asked for by a "fetch" message


@functools.cache
def module_class(kind: Kind) -> type[anywidget.AnyWidget]:
    """Return the anywidget class drawing elements of ``kind`` (one class per kind, made once).

    Each of the frontend's ``traits`` is its own synced trait; the other props travel as
    ``props``; ``value`` carries a widget's value both ways; ``_nbapp_kind`` lets the static
    renderer find the kind's frozen HTML.
    """
    esm, css = kind.frontend.source()
    traits: dict[str, Any] = {name: traitlets.Any(None).tag(sync=True) for name in kind.frontend.traits}
    traits.update(
        _esm=esm, _css=css,
        _nbapp_kind=traitlets.Unicode(kind.name).tag(sync=True),
        props=traitlets.Dict().tag(sync=True),
        value=traitlets.Any(None).tag(sync=True),
    )
    return type(f"Nbapp_{kind.name}", (anywidget.AnyWidget,), traits)


class ModuleAdapter(Adapter):
    """Draws an element declared with a :class:`Frontend`: props in, ``value`` out; only changed traits travel."""

    def __init__(self, kind: Kind) -> None:
        self.kind = kind.name
        self._kind = kind

    def create(self, props, emit: Emit):
        widget = module_class(self._kind)()
        self.update(widget, props, {})
        widget.observe(lambda change: emit(change["new"]), "value")
        if self._kind.frontend.on_message is not None:
            answer, cache = self._kind.frontend.on_message, {}

            def reply(widget, content, buffers):
                out = answer(widget._nbapp_props, content, cache)
                if out is not None:
                    widget.send(out)

            widget.on_msg(reply)
        return classed(widget, "nbapp-element", f"nbapp-{self.kind}")

    def update(self, widget, props, old):
        widget._nbapp_props = props  # what on_message answers from: this run's props, kernel-only ones included
        state = module_state(self._kind, props)
        previous = module_state(self._kind, old) if old else {}
        for name, value in state.items():
            if name not in previous or not same(previous[name], value):
                setattr(widget, name, value)
        return True


def module_state(kind: Kind, props: dict[str, Any]) -> dict[str, Any]:
    """Split an element's props into the module's traits: its own traits, ``value``, and ``props`` (not ``_private`` ones)."""
    own = kind.frontend.traits
    state = {name: props.get(name) for name in own}
    state["props"] = {k: v for k, v in props.items() if k not in own and k != "value" and not k.startswith("_")}
    if "value" in props:
        state["value"] = props["value"]
    return state
