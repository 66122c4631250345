"""A chart's frozen picture (``nbapp export``, a served page's first paint): SVG drawn by vl-convert.

vl-convert-python embeds Vega, Vega-Lite and a JavaScript engine in one wheel and needs
no network or browser, so the exported page shows the very chart the live page draws.
Without it, the frozen chart is a box that says what to install.
"""
from __future__ import annotations

import copy
import html
import json
import logging
from typing import Any

from nbapp.elements.charts_data import table_rows

STATIC_WIDTH = 640  # what "stretch" becomes in a picture with no container to fill
DEFAULT_HEIGHT = 350
_log = logging.getLogger(__name__)


def full_spec(props: dict[str, Any]) -> dict[str, Any]:
    """Return the chart's spec with its datasets as rows and its size fixed: what vl-convert draws."""
    spec = copy.deepcopy(props.get("spec") or {})
    data = props.get("data") or {}
    if data:
        spec["datasets"] = {**spec.get("datasets", {}), **{name: table_rows(t) for name, t in data.items()}}
    width, height = props.get("width"), props.get("height")
    composite = any(k in spec for k in ("hconcat", "vconcat", "concat", "facet", "repeat"))
    if isinstance(width, int):
        spec["width"] = width
    elif not composite and (width in (None, "stretch") or spec.get("width") in (None, 0, "container")):
        spec["width"] = STATIC_WIDTH
    if isinstance(height, int):
        spec["height"] = height
    elif not composite and spec.get("height") in (None, 0, "container") and props.get("builtin"):
        spec["height"] = DEFAULT_HEIGHT
    return spec


def chart_svg(props: dict[str, Any]) -> str:
    """Return ``<div class="nbapp-chart-static">`` holding the chart as SVG; never raises."""
    try:
        import vl_convert
    except ImportError:
        return ('<div class="nbapp-chart-static nbapp-chart-missing">Chart (install vl-convert-python to see it '
                "in exported pages)</div>")
    spec = full_spec(props)
    try:
        svg = vl_convert.vegalite_to_svg(json.loads(json.dumps(spec, default=str)))
    except Exception as err:  # a spec the live chart would also reject: say so instead of breaking the page
        _log.warning("nbapp: could not draw a chart's picture: %s", err)
        return f'<div class="nbapp-chart-static nbapp-chart-missing">Chart ({html.escape(str(err)[:200])})</div>'
    return f'<div class="nbapp-chart-static">{svg}</div>'
