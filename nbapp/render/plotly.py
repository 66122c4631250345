"""Plotly charts in the browser: plotly.js from the plotly package, sent once per kernel as one library model."""
from __future__ import annotations

import functools
import importlib.util
from pathlib import Path

import anywidget

from nbapp.elements.registry import KINDS
from nbapp.render.frontend import ModuleAdapter
from nbapp.render.registry import ADAPTERS


@functools.cache
def _plotly_esm() -> str:
    """plotly.js (a UMD script) as an ES module whose initialize() returns it."""
    spec = importlib.util.find_spec("plotly")
    if spec is None or not spec.submodule_search_locations:
        return "export default { initialize() { return {}; } };"
    source = Path(spec.submodule_search_locations[0], "package_data", "plotly.min.js").read_text(encoding="utf-8")
    return ("const module = { exports: {} };\n" + source +
            "\nconst Plotly = module.exports;\nexport default { initialize() { return { Plotly }; } };\n")


class PlotlyLibrary(anywidget.AnyWidget):
    """The page's one copy of plotly.js (made on the first Plotly chart). Never displayed."""

    _esm = ""


_library: PlotlyLibrary | None = None


def library() -> PlotlyLibrary:
    """Return this kernel's plotly.js model, making it on first use (again if it was closed)."""
    global _library
    if _library is None or _library.comm is None:
        _library = PlotlyLibrary(_esm=_plotly_esm())
    return _library


class PlotlyAdapter(ModuleAdapter):
    def create(self, props, emit):
        return super().create({**props, "library": f"anywidget:{library().model_id}"}, emit)

    def update(self, widget, props, old):
        ref = f"anywidget:{library().model_id}"
        return super().update(widget, {**props, "library": ref}, {**old, "library": ref} if old else old)


ADAPTERS["plotly_chart"] = PlotlyAdapter(KINDS["plotly_chart"])
