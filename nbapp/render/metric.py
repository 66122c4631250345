"""st.metric drawn as HTML: label (icon, help), value, delta pill with arrow and description, sparkline."""
from __future__ import annotations

import html
from typing import Any

from nbapp.render.data import size_rules
from nbapp.render.markdown import inline_html
from nbapp.render.registry import adapter
from nbapp.render.text import HtmlAdapter, help_icon, icon_html

ARROWS = {"up": "↑", "down": "↓"}
# Streamlit's metric colours (its theme's red, green...): the delta text and the sparkline.
COLORS = {"red": "#ff2b2b", "green": "#09ab3b", "orange": "#ff8700", "yellow": "#e6b800", "blue": "#1c83e1",
          "violet": "#803df5", "gray": "#808495", "primary": "#ff4b4b"}
SPARK_W, SPARK_H = 120, 32


def sparkline(values: list[float], kind: str, color: str) -> str:
    """Return an inline SVG sparkline of ``values``: a "line", an "area" under it, or "bar"s."""
    lo, hi = min(values), max(values)
    if kind == "bar":
        lo = min(lo, 0.0)
    span = (hi - lo) or 1.0
    count = len(values)

    def y(v: float) -> float:
        return round(SPARK_H - 1 - (v - lo) / span * (SPARK_H - 2), 2)

    if kind == "bar":
        step = SPARK_W / count
        bars = "".join(f'<rect x="{i * step + step * 0.1:.2f}" y="{y(v)}" width="{step * 0.8:.2f}" '
                       f'height="{max(y(lo) - y(v), 0.5):.2f}" fill="{color}"/>' for i, v in enumerate(values))
        body = bars
    else:
        step = SPARK_W / max(count - 1, 1)
        points = " ".join(f"{i * step:.2f},{y(v)}" for i, v in enumerate(values))
        area = (f'<polygon points="0,{SPARK_H} {points} {(count - 1) * step:.2f},{SPARK_H}" fill="{color}" '
                'fill-opacity="0.25"/>') if kind == "area" else ""
        body = f'{area}<polyline points="{points}" fill="none" stroke="{color}" stroke-width="1.5" ' \
               'stroke-linejoin="round" vector-effect="non-scaling-stroke"/>'
    return (f'<svg class="nbapp-metric-chart nbapp-metric-chart-{kind}" viewBox="0 0 {SPARK_W} {SPARK_H}" '
            f'preserveAspectRatio="none" role="img" aria-label="{kind} chart">{body}</svg>')


def _box_style(props: dict[str, Any]) -> str:
    rules = size_rules(props.get("width", "stretch"), props.get("height", "content"), at_most=False)
    return f' style="{"; ".join(rules)}"' if rules else ""


@adapter("metric")
class Metric(HtmlAdapter):
    css = ("nbapp-metric",)

    def classes(self, props):
        return ("nbapp-border",) if props.get("border") else ()

    def html(self, props):
        color = COLORS.get(props.get("color") or "gray", COLORS["gray"])
        delta = ""
        if props.get("delta") is not None:
            arrow = ARROWS.get(props.get("direction"), "")
            shown = props.get("shown_delta") or props["delta"]
            text = f"{arrow} {html.escape(shown)}" if arrow else html.escape(shown)
            described = (f'<span class="nbapp-metric-description">{html.escape(props["delta_description"])}</span>'
                         if props.get("delta_description") else "")
            delta = (f'<div class="nbapp-metric-delta nbapp-delta-{props.get("color", "gray")}">'
                     f'<span class="nbapp-delta-pill" style="color: {color}">{text}</span>{described}</div>')
        visibility = props.get("label_visibility", "visible")
        label = "" if visibility == "collapsed" else (
            f'<div class="nbapp-metric-label nbapp-label-{visibility}">{icon_html(props.get("icon"))}'
            f'{inline_html(props["label"])}{help_icon(props)}</div>')
        shown = props.get("shown_value") or props["value"]
        chart = sparkline(props["chart_data"], props.get("chart_type", "line"), color) if props.get("chart_data") else ""
        return (f'<div class="nbapp-metric-box"{_box_style(props)}>{label}'
                f'<div class="nbapp-metric-value">{inline_html(shown)}</div>{delta}{chart}</div>')
