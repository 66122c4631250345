"""Vega-Lite charts in the browser: one library model per kernel, a few-KB module per chart.

anywidget sends a model's ES module with the model. The ~0.9 MB of vega + vega-lite +
vega-embed therefore lives in ONE model (:func:`library`), created once per kernel; each
chart's module (``vega-chart.js``) borrows it through anywidget's ``host.getWidget`` (or a
``globalThis`` slot the library fills), so twenty charts send the library once.
"""
from __future__ import annotations

import anywidget

from nbapp.elements.charts import CHART_FRONTEND
from nbapp.elements.registry import KINDS, Frontend
from nbapp.render.frontend import ModuleAdapter
from nbapp.render.registry import ADAPTERS

CHART_KINDS = ("line_chart", "area_chart", "bar_chart", "scatter_chart", "vega_lite_chart", "altair_chart")


class VegaLibrary(anywidget.AnyWidget):
    """The page's one copy of vega, vega-lite and vega-embed (its ``initialize`` returns them). Never displayed."""

    _esm, _css = Frontend("vega-library.js").source()


class VizLibrary(anywidget.AnyWidget):
    """The page's one copy of Graphviz as WebAssembly (@viz-js/viz), for st.graphviz_chart. Never displayed."""

    _esm, _css = Frontend("viz-library.js").source()


_library: VegaLibrary | None = None
_viz: VizLibrary | None = None


def viz_library() -> VizLibrary:
    """Return this kernel's Graphviz model, making it on first use (again if it was closed)."""
    global _viz
    if _viz is None or _viz.comm is None:
        _viz = VizLibrary()
    return _viz


def library() -> VegaLibrary:
    """Return this kernel's library model, making it on first use (again if it was closed)."""
    global _library
    if _library is None or _library.comm is None:
        _library = VegaLibrary()
    return _library


class ChartAdapter(ModuleAdapter):
    """A chart element: the generic module adapter plus a reference to the library model in its props."""

    def create(self, props, emit):
        return super().create(self._with_library(props), emit)

    def update(self, widget, props, old):
        return super().update(widget, self._with_library(props), self._with_library(old) if old else old)

    @staticmethod
    def _with_library(props):
        return {**props, "library": f"anywidget:{library().model_id}"}


class GraphvizAdapter(ChartAdapter):
    @staticmethod
    def _with_library(props):
        return {**props, "library": f"anywidget:{viz_library().model_id}"}


ADAPTERS["graphviz_chart"] = GraphvizAdapter(KINDS["graphviz_chart"])
for _kind in CHART_KINDS:
    if KINDS[_kind].frontend is CHART_FRONTEND:
        ADAPTERS[_kind] = ChartAdapter(KINDS[_kind])
