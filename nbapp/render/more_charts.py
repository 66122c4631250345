"""deck.gl, ECharts and Mermaid in the browser: one library model each per kernel, a small module per element.

As with Vega (``nbapp.render.charts``), the large library travels once per page in a model
that is never displayed; each element's module borrows it through ``host.getWidget``.
"""
from __future__ import annotations

import functools

import anywidget

from nbapp.elements.registry import KINDS, Frontend
from nbapp.render.frontend import ModuleAdapter
from nbapp.render.registry import ADAPTERS


LIBRARIES = {
    "pydeck_chart": ("deck-library.js", "The page's one deck.gl (with @deck.gl/json). Never displayed."),
    "map": ("deck-library.js", "The page's one deck.gl (with @deck.gl/json). Never displayed."),
    "echarts_chart": ("echarts-library.js", "The page's one Apache ECharts. Never displayed."),
    "mermaid_chart": ("mermaid-library.js", "The page's one mermaid. Never displayed."),
}
_made: dict[str, anywidget.AnyWidget] = {}


@functools.cache
def library_class(module: str) -> type[anywidget.AnyWidget]:
    """Return the model class holding the library ``module`` (its 1-4 MB source is read on first use)."""
    doc = next(doc for name, doc in LIBRARIES.values() if name == module)
    esm, css = Frontend(module).source()
    return type(module.split("-")[0].title() + "Library", (anywidget.AnyWidget,), {"_esm": esm, "_css": css, "__doc__": doc})


def library(kind: str) -> anywidget.AnyWidget:
    """Return this kernel's library model for elements of ``kind``, making it on first use (again if it was closed)."""
    module = LIBRARIES[kind][0]  # st.map and st.pydeck_chart share one deck.gl
    model = _made.get(module)
    if model is None or model.comm is None:
        model = _made[module] = library_class(module)()
    return model


class LibraryAdapter(ModuleAdapter):
    """An element whose module borrows a library model: the generic adapter plus the model's reference in its props."""

    def create(self, props, emit):
        return super().create(self._with_library(props), emit)

    def update(self, widget, props, old):
        return super().update(widget, self._with_library(props), self._with_library(old) if old else old)

    def _with_library(self, props):
        return {**props, "library": f"anywidget:{library(self.kind).model_id}"}


for _kind in LIBRARIES:
    ADAPTERS[_kind] = LibraryAdapter(KINDS[_kind])
