"""A Plotly figure's frozen picture (``nbapp export``, first paint) without a browser.

With kaleido installed, plotly draws the SVG itself. Without it, the common traces (scatter
as lines and/or markers, bar) are redrawn by Vega-Lite through vl-convert (the engine the
other charts' pictures use): the same data, title and axis titles, in plotly's colors.
Figures with other traces (pie, heatmap, 3D, maps...) get a box naming the chart.
"""
from __future__ import annotations

import base64
import html
import logging
import struct
from typing import Any

from nbapp.elements.charts_static import chart_svg

PLOTLY_COLORS = ["#636efa", "#EF553B", "#00cc96", "#ab63fa", "#FFA15A", "#19d3f3", "#FF6692", "#B6E880", "#FF97FF",
                 "#FECB52"]
_TYPED = {"f8": "d", "f4": "f", "i1": "b", "u1": "B", "i2": "h", "u2": "H", "i4": "i", "u4": "I", "i8": "q", "u8": "Q"}
_log = logging.getLogger(__name__)


def values(data: Any) -> list[Any]:
    """A trace's x or y as a list: plotly 6 writes numeric arrays as ``{"dtype", "bdata"}`` (base64, little-endian)."""
    if isinstance(data, dict) and "bdata" in data:
        code = _TYPED.get(str(data.get("dtype", "f8")).lstrip("<|"))
        if code is None:
            return []
        raw = base64.b64decode(data["bdata"])
        return list(struct.unpack(f"<{len(raw) // struct.calcsize(code)}{code}", raw))
    return list(data) if isinstance(data, (list, tuple)) else []


def _text(title: Any) -> str | None:
    return title.get("text") if isinstance(title, dict) else title if isinstance(title, str) else None


def vega_lite(figure: dict[str, Any]) -> dict[str, Any] | None:
    """Return a Vega-Lite spec drawing the figure's scatter and bar traces, or None when it has others."""
    layers, rows = [], []
    for i, trace in enumerate(figure.get("data") or []):
        kind = trace.get("type", "scatter")
        if kind not in ("scatter", "scattergl", "bar") or trace.get("orientation") == "h":
            return None
        xs, ys = values(trace.get("x")), values(trace.get("y"))
        if not ys:
            return None
        xs = xs or list(range(len(ys)))
        name = trace.get("name") or f"trace {i}"
        color = (trace.get("marker") or {}).get("color") or (trace.get("line") or {}).get("color")
        color = color if isinstance(color, str) else PLOTLY_COLORS[i % len(PLOTLY_COLORS)]
        rows += [{"x": x, "y": y, "trace": name, "i": i} for x, y in zip(xs, ys)]
        where = {"filter": f"datum.i == {i}"}
        mode = trace.get("mode") or ("lines" if kind != "bar" else "")
        marks = ["bar"] if kind == "bar" else [m for m in ("line", "point") if ("lines" if m == "line" else "markers") in mode]
        for mark in marks:
            layers.append({"transform": [where], "mark": {"type": mark, "color": color, "filled": True, **({"size": 60} if mark == "point" else {})},
                           "encoding": {"x": {"field": "x", "type": "ordinal" if kind == "bar" else _kind(xs)}}})
    if not layers:
        return None
    layout = figure.get("layout") or {}
    x_title = _text((layout.get("xaxis") or {}).get("title"))
    y_title = _text((layout.get("yaxis") or {}).get("title"))
    spec: dict[str, Any] = {
        "$schema": "https://vega.github.io/schema/vega-lite/v6.json",
        "data": {"values": rows}, "layer": layers,
        "encoding": {"y": {"field": "y", "type": "quantitative", "title": y_title}},
        "config": {"view": {"fill": "#E5ECF6", "stroke": None}, "axis": {"gridColor": "white", "domain": False}},
    }
    for layer in layers:
        layer["encoding"]["x"]["title"] = x_title
    if _text(layout.get("title")):
        spec["title"] = _text(layout.get("title"))
    return spec


def _kind(xs: list[Any]) -> str:
    return "quantitative" if all(isinstance(x, (int, float)) and not isinstance(x, bool) for x in xs) else "ordinal"


def plotly_static(props: dict[str, Any]) -> str:
    """A frozen Plotly chart: kaleido's SVG, else Vega-Lite's redraw of its traces, else a box naming it."""
    figure = props.get("figure") or {}
    try:
        import plotly.io as pio

        svg = pio.to_image(figure, format="svg").decode("utf-8")
        return f'<div class="nbapp-chart-static nbapp-plotly-static">{svg}</div>'
    except Exception:  # no kaleido (or no browser for it): draw it another way
        pass
    spec = vega_lite(figure)
    if spec is not None:
        width, height = props.get("width"), props.get("height")
        return chart_svg({"spec": spec, "width": width if isinstance(width, int) else None,
                          "height": height if isinstance(height, int) else (figure.get("layout") or {}).get("height") or 350})
    text = _text((figure.get("layout") or {}).get("title"))
    return (f'<div class="nbapp-chart-static nbapp-chart-missing">Plotly chart{": " + html.escape(text) if text else ""}'
            " (interactive in the live page)</div>")
