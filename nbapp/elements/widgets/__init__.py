"""Input widgets, one family per module; :class:`WidgetsMixin` gathers them for Container."""
from __future__ import annotations

from nbapp.elements.widgets.button import ButtonMixin
from nbapp.elements.widgets.checkbox import CheckboxMixin
from nbapp.elements.widgets.dates import DatesMixin
from nbapp.elements.widgets.number import NumberMixin
from nbapp.elements.widgets.selection import SelectionMixin
from nbapp.elements.widgets.slider import SliderMixin
from nbapp.elements.widgets.text import TextInputMixin
from nbapp.elements.widgets.upload import UploadMixin


class WidgetsMixin(ButtonMixin, CheckboxMixin, SelectionMixin, SliderMixin, TextInputMixin, NumberMixin, DatesMixin,
                   UploadMixin):
    """Every input widget method."""
