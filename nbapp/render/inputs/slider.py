"""Slider adapters: numbers (int / float sliders), and sliders over labelled stops (select_slider,
date / time / datetime sliders) drawn as SelectionSlider / SelectionRangeSlider; single value or range."""
from __future__ import annotations

import ipywidgets as w

from nbapp.render.inputs.base import InputAdapter, set_options
from nbapp.render.registry import Adapter, adapter, changed

_CONTROLS = {
    ("int", False): w.IntSlider, ("int", True): w.IntRangeSlider,
    ("float", False): w.FloatSlider, ("float", True): w.FloatRangeSlider,
}
_TEMPORAL = ("date", "time", "datetime")


class NumberSlider(InputAdapter):
    structure = ("dtype", "range")

    def control(self, props):
        return _CONTROLS[props["dtype"], props["range"]](continuous_update=False, readout=True)

    def configure(self, control, props):
        super().configure(control, props)
        # Widen before narrowing so ipywidgets never sees min > max in between.
        control.max = max(control.max, props["max"])
        control.min = props["min"]
        control.max = props["max"]
        control.step = props["step"]
        if props.get("format"):
            control.readout_format = _python_format(props["format"])

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


def _python_format(printf: str) -> str:
    """Streamlit takes printf formats ("%d", "%.2f"); ipywidgets wants d3-format ("d", ".2f")."""
    return printf.lstrip("%") if printf.startswith("%") else printf
