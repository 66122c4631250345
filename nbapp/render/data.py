"""Data elements as HTML: dataframe, table, metric, json; images and rich MIME bundles."""
from __future__ import annotations

import base64
import html
import json

import ipywidgets as w

from nbapp.render.registry import Adapter, adapter, classed
from nbapp.render.text import HtmlAdapter, help_icon


@adapter("dataframe")
class DataFrame(HtmlAdapter):
    css = ("nbapp-dataframe",)

    def html(self, props):
        frame = props["data"]
        height = props.get("height")
        style = f"max-height:{height}px" if isinstance(height, int) else "max-height:400px"
        table = frame.to_html(index=not props.get("hide_index"), classes="nbapp-table", border=0, max_rows=10_000)
        return f'<div class="nbapp-scroll" style="{style}">{table}</div>'


@adapter("table")
class Table(HtmlAdapter):
    css = ("nbapp-static-table",)

    def html(self, props):
        return props["data"].to_html(classes="nbapp-table", border=0)


@adapter("metric")
class Metric(HtmlAdapter):
    css = ("nbapp-metric",)

    def html(self, props):
        delta = ""
        if props["delta"] is not None:
            arrow = "↑" if props["direction"] == "up" else "↓"
            good = (props["direction"] == "up") != (props["delta_color"] == "inverse")
            tone = "off" if props["delta_color"] == "off" else ("good" if good else "bad")
            delta = f'<div class="nbapp-metric-delta nbapp-delta-{tone}">{arrow} {html.escape(props["delta"])}</div>'
        return (f'<div class="nbapp-metric-label">{html.escape(props["label"])}{help_icon(props)}</div>'
                f'<div class="nbapp-metric-value">{html.escape(props["value"])}</div>{delta}')


@adapter("json")
class Json(HtmlAdapter):
    css = ("nbapp-json",)

    def html(self, props):
        return f"<pre>{html.escape(json.dumps(props['body'], indent=2, ensure_ascii=False))}</pre>"


@adapter("image")
class Image(HtmlAdapter):
    css = ("nbapp-image",)

    def html(self, props):
        data = base64.b64encode(props["data"]).decode()
        width = f' width="{props["width"]}"' if props.get("width") else ""
        caption = f'<figcaption>{html.escape(props["caption"])}</figcaption>' if props.get("caption") else ""
        return f'<figure><img src="data:image/{props["format"]};base64,{data}"{width} style="max-width:100%">{caption}</figure>'


@adapter("mimebundle")
class MimeBundle(Adapter):
    """Rich output (``_repr_mimebundle_``) shown by the front end's own renderers."""

    def create(self, props, emit):
        out = classed(w.Output(), "nbapp-element")
        out.outputs = ({"output_type": "display_data", "data": props["data"], "metadata": {}},)
        return out

    def update(self, widget, props, old):
        widget.outputs = ({"output_type": "display_data", "data": props["data"], "metadata": {}},)
        return True
