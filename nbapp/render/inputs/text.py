"""Typed values: text_area (Textarea), number_input (Text with − / +), color_picker (ColorPicker).
Text reaches the app on Enter or when the box loses focus. (text_input is nbapp/frontend/text_input.js.)"""
from __future__ import annotations

import math

import ipywidgets as w

from nbapp.render.inputs.base import REJECT, InputAdapter
from nbapp.render.registry import adapter, classed

MIN_HEIGHT = 68  # pixels, as in Streamlit: below it a text_area cannot show two lines


class _Typed(InputAdapter):
    """Text boxes: a placeholder, and ``max_chars`` enforced as the user types."""

    def configure(self, control, props):
        super().configure(control, props)
        control.placeholder = props["placeholder"]

    def from_widget(self, text, control):
        limit = control.nbapp_props["max_chars"]
        if limit is not None and len(text) > limit:
            control.value = text[:limit]  # that change sends the value
            return REJECT
        return text


@adapter("text_area")
class TextArea(_Typed):
    def control(self, props):
        return w.Textarea(continuous_update=False, rows=4)

    def configure(self, control, props):
        super().configure(control, props)
        height = props["height"]
        # Streamlit keeps a box at least two lines high (68 px) whatever height asks for.
        control.layout.height = f"{max(height, MIN_HEIGHT)}px" if isinstance(height, int) else None


@adapter("color_picker")
class ColorPicker(InputAdapter):
    def control(self, props):
        return w.ColorPicker(concise=True)


@adapter("number_input")
class NumberInput(InputAdapter):
    """A Text box (so it can be empty, show a placeholder and follow ``format``) and − / + buttons.

    The box's ``nbapp_value`` is the number it stands for: the buttons step from it, and
    what cannot be read as a number (or is out of bounds) puts the box back to it.
    """

    def control(self, props):
        text = w.Text(continuous_update=False)
        buttons = [classed(w.Button(description=sign, tooltip=tip), "nbapp-step")
                   for sign, tip in (("−", "Decrement"), ("+", "Increment"))]
        return classed(w.HBox(children=(text, *buttons)), "nbapp-number")

    def configure(self, box, props):
        text, minus, plus = box.children
        value, lo, hi = props["value"], props["min"], props["max"]
        text.disabled = props["disabled"]
        text.placeholder = props["placeholder"]
        minus.disabled = props["disabled"] or (value is not None and lo is not None and value <= lo)
        plus.disabled = props["disabled"] or (value is not None and hi is not None and value >= hi)

    def push(self, box, props):
        box.nbapp_value = props["value"]
        box.children[0].value = _format(props, props["value"])

    def listen(self, box, emit):
        text, minus, plus = box.children
        text.observe(lambda change: self.send(emit, change["new"], box), "value")
        minus.on_click(lambda _: self._step(box, emit, -1))
        plus.on_click(lambda _: self._step(box, emit, +1))

    def from_widget(self, typed, box):
        props, last = box.nbapp_props, box.nbapp_value
        try:
            number = None if not typed.strip() and props["nullable"] else _parse(typed, props["dtype"])
        except ValueError:  # not a number, or emptied although a number is needed
            self.show(box, {**props, "value": last})
            return REJECT
        clamped = _clamp(props, number)
        if clamped != number:
            self.show(box, {**props, "value": clamped})
        if clamped == last:
            return REJECT
        box.nbapp_value = clamped
        return clamped

    def _step(self, box, emit, sign):
        props, last = box.nbapp_props, box.nbapp_value
        lo = props["min"]
        number = (lo if lo is not None else 0) if last is None else last + sign * props["step"]
        number = _clamp(props, round(number, 12) if props["dtype"] == "float" else number)
        if number != last:
            self.show(box, {**props, "value": number})
            emit(number)


def _parse(typed: str, dtype: str) -> int | float:
    """The finite number typed (an int box truncates); raises ValueError for anything else."""
    number = float(typed.strip().replace(",", ""))
    if not math.isfinite(number):
        raise ValueError(typed)
    return int(number) if dtype == "int" else number


def _clamp(props, number):
    if number is None:
        return None
    if props["min"] is not None:
        number = max(number, props["min"])
    if props["max"] is not None:
        number = min(number, props["max"])
    return number


def _format(props, number) -> str:
    if number is None:
        return ""
    try:
        return props["format"] % number
    except (TypeError, ValueError):
        return str(number)
