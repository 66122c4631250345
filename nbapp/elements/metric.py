"""st.metric as in Streamlit 1.67: value, delta (arrow, colour, description), icon, number format,
sparkline (``chart_data`` as a line, area or bar chart), border, width and height.

The props keep the value and delta as Streamlit's element does (AppTest reads them
unformatted); ``shown_value`` / ``shown_delta`` are the texts drawn with ``format``.
"""
from __future__ import annotations

import math
import numbers
import re
from textwrap import dedent
from typing import Any

from nbapp.elements.policies import LABEL_VISIBILITIES, check_choice, check_icon, check_str, check_type, fail, got
from nbapp.elements.registry import element
from nbapp.elements.text import clean_text

NAMED_COLORS = ("red", "orange", "yellow", "green", "blue", "violet", "gray", "grey", "primary")
DELTA_COLORS = ("normal", "inverse", "off", *NAMED_COLORS)
DELTA_ARROWS = ("auto", "up", "down", "off")
CHART_TYPES = ("line", "bar", "area")
NAMED_FORMATS = ("plain", "localized", "percent", "dollar", "euro", "yen", "accounting", "bytes", "compact",
                 "scientific", "engineering")


def _text(label: str, arg: str, value: Any) -> str | None:
    if value is None or (isinstance(value, str) and value == ""):
        return None
    if isinstance(value, str):
        return dedent(value)
    if isinstance(value, numbers.Number) and not isinstance(value, bool):
        item = value.item() if callable(getattr(value, "item", None)) else value  # numpy scalars
        return str(item)
    raise fail("metric", label, f"{arg} must be an int, float, str or None; got {got(value)}.")


def _number(value: Any) -> float | None:
    if isinstance(value, numbers.Real) and not isinstance(value, bool):
        return float(value)
    if isinstance(value, str):
        try:
            return float(value.replace(",", ""))
        except ValueError:
            return None
    return None


def _printf(fmt: str, value: float) -> str:
    """A printf-style number format, with ``,`` for thousands (``"%,d"`` -> ``1,234``)."""
    def one(match: re.Match) -> str:
        flag, digits, conv = match.group(1), match.group(3), match.group(4)
        if conv == "%":
            return "%"
        if conv == "e":
            return f"{value:.{6 if digits is None else int(digits)}e}"
        places = (6 if digits is None else int(digits)) if conv == "f" else 0 if digits is None else int(digits)
        number = value if conv == "f" else round(value)
        return f"{number:,.{places}f}" if flag == "," else f"{number:.{places}f}"

    return re.sub(r"%([,0]?)(\.(\d+))?([dfiue%])", one, fmt)


def format_number(value: float, fmt: str) -> str:
    """Return ``value`` written in ``fmt``: one of Streamlit's named formats or printf-style.

    Example: ``format_number(1234.567, "dollar") == "$1,234.57"``.
    """
    if fmt == "plain":
        return repr(value) if value != int(value) else str(int(value))
    if fmt == "localized":
        return f"{value:,}" if value != int(value) else f"{int(value):,}"
    if fmt == "percent":
        return f"{value * 100:,.2f}%"
    if fmt in ("dollar", "euro"):
        sign, symbol = ("-" if value < 0 else ""), ("$" if fmt == "dollar" else "€")
        return f"{sign}{symbol}{abs(value):,.2f}"
    if fmt == "yen":
        return f"{'-' if value < 0 else ''}¥{abs(value):,.0f}"
    if fmt == "accounting":
        return f"({abs(value):,.2f})" if value < 0 else f"{value:,.2f}"
    if fmt == "bytes":
        size, unit = abs(value), 0
        while size >= 1000 and unit < 5:
            size, unit = size / 1000, unit + 1
        return f"{'-' if value < 0 else ''}{size:.1f}".rstrip("0").rstrip(".") + ["B", "KB", "MB", "GB", "TB", "PB"][unit]
    if fmt == "compact":
        size, unit = abs(value), 0
        while size >= 1000 and unit < 4:
            size, unit = size / 1000, unit + 1
        return f"{'-' if value < 0 else ''}{size:.1f}".rstrip("0").rstrip(".") + ["", "K", "M", "B", "T"][unit]
    if fmt == "scientific":
        mantissa, exponent = f"{value:.3E}".split("E")
        return f"{mantissa}E{int(exponent)}"
    if fmt == "engineering":
        exponent = 0 if value == 0 else int(math.floor(math.log10(abs(value)) / 3) * 3)
        return f"{value / 10 ** exponent:.3f}E{exponent}"
    return _printf(fmt, value)


def _shown(raw: Any, text: str | None, fmt: str | None) -> str | None:
    if text is None or fmt is None:
        return text
    number = _number(raw)
    return text if number is None else format_number(number, fmt)


def _direction(delta: Any, text: str | None, arrow: str) -> str | None:
    """"up", "down", or None for no arrow (no delta, a zero delta, ``delta_arrow="off"``)."""
    if text is None:
        return None
    if arrow != "auto":
        return None if arrow == "off" else arrow
    if text == "0" if isinstance(delta, str) else delta == 0:
        return None
    return "down" if text.startswith("-") else "up"


def _color(delta_color: str, delta: Any, text: str | None) -> str:
    """Streamlit's colour of the delta (and the sparkline): by sign for normal/inverse, else named."""
    if text is None:
        return "gray"
    if delta_color in NAMED_COLORS:
        return "gray" if delta_color == "grey" else delta_color
    sign = _direction(delta, text, "auto")
    if sign is None or delta_color == "off":
        return "gray"
    return "red" if (sign == "down") == (delta_color == "normal") else "green"


def _chart(label: str, chart_data: Any) -> list[float] | None:
    if chart_data is None:
        return None
    if hasattr(chart_data, "columns") and hasattr(chart_data, "iloc"):  # a DataFrame: its first column
        items = list(chart_data.iloc[:, 0]) if len(chart_data.columns) else []
    elif callable(getattr(chart_data, "tolist", None)):
        items = chart_data.tolist()
    elif isinstance(chart_data, (str, bytes)) or not hasattr(chart_data, "__iter__"):
        raise fail("metric", label, f"chart_data must be a sequence of numbers, got {got(chart_data)}.")
    else:
        items = list(chart_data)
    values = []
    for item in items:
        try:
            values.append(float(item))
        except (TypeError, ValueError):
            raise fail("metric", label, "only numeric values are supported for chart data sequence. The value "
                                        f"{item!r} is of type {type(item)} and cannot be converted to float.") from None
    return values or None


def _size(label: str, arg: str, value: Any) -> int | str:
    if isinstance(value, str) and value in ("stretch", "content"):
        return value
    if isinstance(value, int) and not isinstance(value, bool) and value > 0:
        return value
    raise fail("metric", label, f'{arg} must be "stretch", "content" or a positive int (pixels), got {got(value)}.')


@element()
def metric(dg, label: str, value: Any, delta: Any = None, delta_color: str = "normal", *,
           help: str | None = None, icon: str | None = None, label_visibility: str = "visible", border: bool = False,
           width: int | str = "stretch", height: int | str = "content", chart_data: Any = None,
           chart_type: str = "line", delta_arrow: str = "auto", format: str | None = None,
           delta_description: str | None = None):
    """Display a big number with an optional delta and sparkline; returns the element's handle.

    A delta that is negative (or a string starting with "-") points down and is red, else
    up and green; "0" has no arrow and is grey. ``delta_color``: "normal", "inverse"
    (swapped), "off" (grey) or a colour name ("blue", "violet"...). ``delta_arrow`` forces
    "up" / "down" or hides it ("off"). ``format`` ("dollar", "percent", "compact",
    "%.2f"...) writes numeric values and deltas. ``chart_data`` (numbers) draws a "line",
    "area" or "bar" sparkline in the delta's colour. ``None`` as value shows a long dash.
    Raises NbappAPIError for a non-string label, a value or delta that is not a
    number/str/None, non-numeric chart data, or an unknown colour, arrow, chart type or size.

    Examples
    --------
    >>> st.metric("Temperature", "70 °F", "1.2 °F", icon="🌡️")
    >>> st.metric("Revenue", 12890.5, 0.042, format="dollar", chart_data=[3, 5, 4, 8], chart_type="area",
    ...           delta_description="month over month", border=True)
    """
    check_type("metric", "label", label, str)
    check_choice("metric", "delta_color", delta_color, DELTA_COLORS, label=label)
    check_choice("metric", "delta_arrow", delta_arrow, DELTA_ARROWS, label=label)
    check_choice("metric", "chart_type", chart_type, CHART_TYPES, label=label)
    check_choice("metric", "label_visibility", label_visibility, LABEL_VISIBILITIES, label=label)
    check_str("metric", "help", help, label=label)
    check_str("metric", "format", format, label=label)
    check_str("metric", "delta_description", delta_description, label=label)
    value_text = _text(label, "value", value)
    delta_text = _text(label, "delta", delta)
    props = {
        "label": label, "value": "—" if value_text is None else clean_text(value_text),
        "delta": delta_text, "direction": _direction(delta, delta_text, delta_arrow),
        "color": _color(delta_color, delta, delta_text), "delta_color": delta_color,
        "shown_value": "—" if value_text is None else _shown(value, value_text, format),
        "shown_delta": _shown(delta, delta_text, format),
        "delta_description": delta_description, "help": help, "label_visibility": label_visibility,
        "border": bool(border), "icon": check_icon("metric", icon) if icon else None,
        "chart_data": _chart(label, chart_data), "chart_type": chart_type, "format": format,
        "width": _size(label, "width", width), "height": _size(label, "height", height),
    }
    return dg._enqueue("metric", props)
