"""Input widgets, one family per module; :class:`WidgetsMixin` gathers them for Container."""
from __future__ import annotations

from nbapp.elements.widgets.button import ButtonMixin
from nbapp.elements.widgets.slider import SliderMixin


class WidgetsMixin(ButtonMixin, SliderMixin):
    """Every input widget method."""
