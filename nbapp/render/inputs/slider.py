"""Slider adapters: int / float, single value or range."""
from __future__ import annotations

import ipywidgets as w

from nbapp.render.inputs.base import InputAdapter
from nbapp.render.registry import adapter

_CONTROLS = {
    ("int", False): w.IntSlider, ("int", True): w.IntRangeSlider,
    ("float", False): w.FloatSlider, ("float", True): w.FloatRangeSlider,
}


@adapter("slider")
class Slider(InputAdapter):
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


def _python_format(printf: str) -> str:
    """Streamlit takes printf formats ("%d", "%.2f"); ipywidgets wants d3-format ("d", ".2f")."""
    return printf.lstrip("%") if printf.startswith("%") else printf
