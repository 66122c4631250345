"""Slider adapters: numbers (int / float sliders), and sliders over labelled stops (select_slider,
date / time / datetime sliders) drawn as SelectionSlider / SelectionRangeSlider; single value or range."""
from __future__ import annotations

import html
import re

import ipywidgets as w

from nbapp.elements.metric import NAMED_FORMATS, format_number
from nbapp.render.inputs.base import InputAdapter, label_html, set_options
from nbapp.render.registry import Adapter, adapter, changed

_CONTROLS = {
    ("int", False): w.IntSlider, ("int", True): w.IntRangeSlider,
    ("float", False): w.FloatSlider, ("float", True): w.FloatRangeSlider,
}
_TEMPORAL = ("date", "time", "datetime")


class NumberSlider(InputAdapter):
    """ipywidgets' slider; its readout shows ``format`` where d3-format can say it, else nbapp's text above the track."""

    structure = ("dtype", "range")

    def control(self, props):
        control = _CONTROLS[props["dtype"], props["range"]](continuous_update=False, readout=True)
        control.nbapp_label = w.HTML()  # the box's label row (see frame), where _readout writes
        return control

    def frame(self, control):
        return (control.nbapp_label, control)

    def configure(self, control, props):
        super().configure(control, props)
        # Widen before narrowing so ipywidgets never sees min > max in between.
        control.max = max(control.max, props["max"])
        control.min = props["min"]
        control.max = props["max"]
        control.step = props["step"]
        spec = d3_format(props["format"]) if props.get("format") else None
        control.readout = spec is not None or not props.get("format")
        if spec:
            control.readout_format = spec

    def relabel(self, box, props):
        super().relabel(box, props)
        self._readout(box.children[-1], props)

    def push(self, control, props):
        super().push(control, props)
        self._readout(control, props)

    def _readout(self, control, props):
        """With ipywidgets' readout off, the label row shows the value written in ``format``."""
        if control.readout:
            return
        values = props["value"] if props["range"] else (props["value"],)
        text = " – ".join(printf(v, props["format"]) for v in values)
        control.nbapp_label.value = (f'<div class="nbapp-slider-head">{label_html(props)}'
                                     f'<span class="nbapp-slider-readout">{html.escape(text)}</span></div>')

    def to_widget(self, props):
        return tuple(props["value"]) if props["range"] else props["value"]


@adapter("select_slider")
class StopSlider(InputAdapter):
    """A slider over ``props['labels']``; its wire value is the stop index (a pair for a range)."""

    structure = ("range",)
    trait = "index"

    def control(self, props):
        cls = w.SelectionRangeSlider if props["range"] else w.SelectionSlider
        return cls(options=props["labels"], continuous_update=False, readout=True)

    def configure(self, control, props):
        super().configure(control, props)
        set_options(control, tuple(props["labels"]), self.to_widget(props))

    def to_widget(self, props):
        return tuple(props["value"]) if props["range"] else props["value"]


@adapter("slider")
class Slider(Adapter):
    """Numeric sliders move over numbers; date and time sliders over their labelled grid."""

    def __init__(self) -> None:
        self._numbers = NumberSlider()
        self._stops = StopSlider()

    def _for(self, props) -> InputAdapter:
        chosen = self._stops if props["dtype"] in _TEMPORAL else self._numbers
        chosen.kind = self.kind
        return chosen

    def create(self, props, emit):
        return self._for(props).create(props, emit)

    def update(self, widget, props, old):
        return not changed(props, old, "dtype") and self._for(props).update(widget, props, old)


_PRINTF = re.compile(r"%([+ 0#-]*)(\d*)(?:\.(\d+))?([dieEfFgGu])")


def d3_format(printf_format: str) -> str | None:
    """The d3-format spec (what ipywidgets' readout takes) saying what a lone printf conversion says, or None.

    ``"%d"`` -> ``"d"``, ``"%.2f"`` -> ``".2f"``, ``"%+5.1e"`` -> ``"+5.1e"``; a format with other text
    (``"%d%%"``, ``"$%.2f"``) or one of Streamlit's named formats (``"percent"``) has none.
    """
    found = _PRINTF.fullmatch(printf_format)
    if found is None:
        return None
    flags, width, places, conversion = found.groups()
    sign = "+" if "+" in flags else " " if " " in flags else ""
    zero = "0" if "0" in flags and "-" not in flags and width else ""
    align = "<" if "-" in flags and width else ""
    conversion = {"i": "d", "u": "d", "F": "f", "E": "e", "G": "g"}.get(conversion, conversion)
    places = f".{places}" if places is not None and conversion != "d" else ""
    return f"{align}{sign}{zero}{width}{places}{conversion}"


def printf(value: float, fmt: str) -> str:
    """``value`` as Streamlit's slider shows it with ``fmt``: a named format ("percent", "dollar"...) or
    printf-style text as sprintf.js writes it (``"%d%%"`` -> ``"25%"``); ``str(value)`` when ``fmt`` cannot."""
    if fmt in NAMED_FORMATS:
        return format_number(value, fmt)
    try:
        return fmt % value
    except (TypeError, ValueError):
        return str(value)
