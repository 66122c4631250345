"""st.metric's 1.67 options (icon, format, delta arrow/colour/description, sparkline, sizes) and st.table's
border / width / height, as AppTest sees them and as they are drawn."""
from __future__ import annotations

import textwrap
import xml.etree.ElementTree as ET

import ipywidgets as w
import pytest

from nbapp.elements.metric import format_number
from nbapp.render.widgets import WidgetRenderer
from nbapp.runtime.runner import App
from nbapp.testing import AppTest


def drawn(script: str, css: str) -> w.Widget:
    """The one widget with CSS class ``css`` that ``script`` draws."""
    renderer = WidgetRenderer(lambda key, value: None)
    renderer.render(App("import nbapp as st\n" + textwrap.dedent(script), filename="<draw>").run())
    found: list[w.Widget] = []

    def visit(widget: w.Widget) -> None:
        if css in getattr(widget, "_dom_classes", ()):
            found.append(widget)
        for child in getattr(widget, "children", ()):
            visit(child)

    visit(renderer.root)
    (widget,) = found
    return widget


def props(script: str) -> dict:
    at = AppTest.from_string("import nbapp as st\n" + textwrap.dedent(script)).run()
    assert not at.exception, [e.value for e in at.exception]
    return at.metric[0].props if at.metric else at.table[0].props


@pytest.mark.parametrize("value, fmt, text", [
    (1234.567, "dollar", "$1,234.57"), (-1234.5, "euro", "-€1,234.50"), (1234.5, "yen", "¥1,234"),
    (0.256, "percent", "25.60%"), (1234.567, "localized", "1,234.567"), (1234.567, "plain", "1234.567"),
    (-1234.5, "accounting", "(1,234.50)"), (1234, "compact", "1.2K"), (2_500_000, "compact", "2.5M"),
    (1200, "bytes", "1.2KB"), (1234.5, "scientific", "1.234E3"), (1234.5, "engineering", "1.234E3"),
    (1234.5, "%.1f", "1234.5"), (1234, "%,d", "1,234"), (7, "%d pts", "7 pts"),
])
def test_number_formats(value, fmt, text):
    assert format_number(value, fmt) == text


def test_format_applies_to_numbers_only_and_apptest_keeps_the_raw_value():
    p = props('st.metric("Revenue", 1234.567, -12.5, format="dollar")')
    assert (p["value"], p["delta"]) == ("1234.567", "-12.5")  # what Streamlit's AppTest reports
    assert (p["shown_value"], p["shown_delta"]) == ("$1,234.57", "-$12.50")
    p = props('st.metric("Temp", "70 °F", "1.2 °F", format="dollar")')
    assert (p["shown_value"], p["shown_delta"]) == ("70 °F", "1.2 °F")
    html = drawn('st.metric("Revenue", 1234.567, -12.5, format="dollar")', "nbapp-metric").value
    assert '<div class="nbapp-metric-value">$1,234.57</div>' in html and "↓ -$12.50" in html


@pytest.mark.parametrize("call, direction, color", [
    ('st.metric("m", 1, 0)', None, "gray"),  # a zero delta: no arrow, grey
    ('st.metric("m", 1, "0")', None, "gray"),
    ('st.metric("m", 1, "0.0")', "up", "green"),  # only "0" is zero, as Streamlit
    ('st.metric("m", 1, 5, delta_arrow="down")', "down", "green"),
    ('st.metric("m", 1, -5, delta_arrow="off")', None, "red"),
    ('st.metric("m", 1, -5, delta_color="blue")', "down", "blue"),
    ('st.metric("m", 1, 5, delta_color="grey")', "up", "gray"),
    ('st.metric("m", 1, 5, delta_color="inverse")', "up", "red"),
])
def test_delta_arrow_and_colors(call, direction, color):
    p = props(call)
    assert (p["direction"], p["color"]) == (direction, color)
    html = drawn(call, "nbapp-metric").value
    assert f"nbapp-delta-{color}" in html
    assert ("↑" in html) == (direction == "up") and ("↓" in html) == (direction == "down")


def test_icon_description_border_and_sizes_are_drawn():
    widget = drawn('st.metric("Users", 10, 2, icon="👥", delta_description="vs. last week", border=True, '
                   'width=240, height=180)', "nbapp-metric")
    html = widget.value
    assert '<span class="nbapp-icon">👥</span>Users' in html
    assert '<span class="nbapp-metric-description">vs. last week</span>' in html
    assert 'style="width: 240px; max-width: 100%; height: 180px; overflow: auto"' in html
    assert "nbapp-border" in widget._dom_classes
    assert 'style="width: fit-content; max-width: 100%"' in drawn('st.metric("m", 1, width="content")',
                                                                 "nbapp-metric").value


@pytest.mark.parametrize("chart_type, shape", [("line", "polyline"), ("area", "polygon"), ("bar", "rect")])
def test_chart_data_draws_a_sparkline_in_the_delta_color(chart_type, shape):
    html = drawn(f'st.metric("Sales", 12, -3, chart_data=[1, 5, 2, 8], chart_type="{chart_type}")',
                 "nbapp-metric").value
    svg = html[html.index("<svg"):html.index("</svg>") + 6]
    root = ET.fromstring(svg)
    marks = [el for el in root if el.tag.endswith(shape)]
    assert marks and all(m.get("fill") == "#ff2b2b" or m.get("stroke") == "#ff2b2b" for m in marks)
    if chart_type == "bar":
        assert len(marks) == 4
        heights = [float(m.get("height")) for m in marks]
        assert heights.index(max(heights)) == 3  # the 8 is the tallest bar
    if chart_type == "line":
        ys = [float(p.split(",")[1]) for p in marks[0].get("points").split()]
        assert ys.index(min(ys)) == 3  # the 8 is the highest point (smallest y)


def test_chart_data_takes_a_dataframe_column_and_rejects_text():
    p = props('import pandas as pd\nst.metric("m", 1, chart_data=pd.DataFrame({"a": [1, 2.5]}))')
    assert p["chart_data"] == [1.0, 2.5]
    at = AppTest.from_string('import nbapp as st\nst.metric("m", 1, chart_data=[1, "x"])').run()
    assert "only numeric values are supported" in at.exception[0].value and "'x'" in at.exception[0].value


@pytest.mark.parametrize("call, words", [
    ('st.metric("m", 1, delta_arrow="left")', "delta_arrow must be one of 'auto', 'up', 'down', 'off'"),
    ('st.metric("m", 1, chart_type="pie")', "chart_type must be one of 'line', 'bar', 'area'"),
    ('st.metric("m", 1, width=-3)', 'width must be "stretch", "content" or a positive int'),
    ('st.table([1], border="vertical")', "border must be True, False or 'horizontal'"),
    ('st.table([1], height="tall")', "height must be 'content', 'stretch' or a positive int"),
])
def test_bad_options_are_clear_errors(call, words):
    at = AppTest.from_string("import nbapp as st\n" + call).run()
    assert len(at.exception) == 1 and words in at.exception[0].value, at.exception[0].value


@pytest.mark.parametrize("border, css", [(True, None), (False, "nbapp-table-borderless"),
                                         ("'horizontal'", "nbapp-table-horizontal")])
def test_table_border(border, css):
    widget = drawn(f"st.table({{'a': [1, 2]}}, border={border})", "nbapp-static-table")
    classes = set(widget._dom_classes)
    assert ({"nbapp-table-borderless", "nbapp-table-horizontal"} & classes) == ({css} if css else set())


def test_table_width_height_and_alt():
    html = drawn("st.table({'a': range(100)}, width=300, height=200, alt='Numbers')", "nbapp-static-table").value
    assert 'style="width: 300px; max-width: 100%; max-height: 200px; overflow: auto"' in html
    assert 'aria-label="Numbers"' in html
    assert 'style="width: fit-content; max-width: 100%"' in drawn("st.table({'a': [1]}, width='content')",
                                                                   "nbapp-static-table").value
    p = props("st.table({'a': [1]}, border='horizontal', height=120)")
    assert (p["border"], p["height"], p["width"]) == ("horizontal", 120, "stretch")
