"""st.datetime_input as ipywidgets' NaiveDatetimePicker (the browser's own date-and-time field)."""
from __future__ import annotations

import ipywidgets as w

from nbapp.render.inputs.dates import _bound, _Picker
from nbapp.render.registry import adapter


@adapter("datetime_input")
class DatetimeInput(_Picker):
    def control(self, props):
        return w.NaiveDatetimePicker()

    def configure(self, control, props):
        super().configure(control, props)
        _bound(control, props["min"], props["max"])
