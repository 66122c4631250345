"""Calendar and clock: date_input (one DatePicker, or two for a range) and time_input (TimePicker)."""
from __future__ import annotations

import ipywidgets as w

from nbapp.render.inputs.base import REJECT, InputAdapter
from nbapp.render.registry import adapter, classed


def _bound(picker: w.Widget, lo, hi) -> None:
    if (picker.min, picker.max) != (lo, hi):
        picker.min = picker.max = None  # clear first: ipywidgets refuses min > max in between
        picker.min, picker.max = lo, hi


class _Picker(InputAdapter):
    """A picker that may be emptied only when the app allows None (``value=None``)."""

    def from_widget(self, value, control):
        if value is None and not control.nbapp_props["nullable"]:
            self.show(control)
            return REJECT
        return value


@adapter("date_input")
class DateInput(_Picker):
    structure = ("range",)

    def control(self, props):
        if not props["range"]:
            return w.DatePicker()
        return classed(w.HBox(children=(w.DatePicker(), w.HTML("–"), w.DatePicker())), "nbapp-date-range")

    def _pickers(self, control):
        return control.children[::2] if isinstance(control, w.HBox) else (control,)

    def configure(self, control, props):
        for picker in self._pickers(control):
            picker.disabled = props["disabled"]
            _bound(picker, props["min"], props["max"])

    def push(self, control, props):
        values = props["value"] if props["range"] else (props["value"],)
        for picker, value in zip(self._pickers(control), values):
            picker.value = value

    def listen(self, control, emit):
        if not isinstance(control, w.HBox):
            return super().listen(control, emit)
        start, end = self._pickers(control)
        for picker in (start, end):
            picker.observe(lambda _: emit((start.value, end.value)), "value")


@adapter("time_input")
class TimeInput(_Picker):
    def control(self, props):
        return w.TimePicker()

    def configure(self, control, props):
        super().configure(control, props)
        control.step = props["step"]
