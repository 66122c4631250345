"""Layout parameters of Streamlit 1.67: container(horizontal=...), columns gap/width, popover, space."""
from __future__ import annotations

import pytest


def test_container_layout_props(run):
    at = run("""
with st.container(horizontal=True, horizontal_alignment="center", vertical_alignment="bottom", gap=12,
                  height=200, width="content", key="row"):
    st.write("a")
""")
    props = at.get("container")[0].props
    assert props["horizontal"] and props["h_align"] == "center" and props["v_align"] == "bottom"
    assert props["gap"] == "12px" and props["height"] == 200 and props["border"] is True
    assert props["width"] == "content" and props["key"] == "row"


def test_columns_gap_names_pixels_and_width(run):
    at = run("a, b = st.columns(2, gap='xxlarge', width=500)\nc, d = st.columns(2, gap=7)")
    rows = at.get("horizontal")
    assert [r.props["gap"] for r in rows] == ["8rem", "7px"] and rows[0].props["width"] == 500


def test_popover_holds_widgets_that_rerun_the_app(run):
    at = run("""
with st.popover("Settings", type="primary", use_container_width=True):
    on = st.toggle("dark")
st.write(f"dark={on}")
""")
    assert at.popover[0].props["width"] == "stretch" and at.popover[0].props["type"] == "primary"
    at.popover[0].toggle[0].set_value(True).run()
    assert at.markdown.values == ["dark=True"]


def test_space_sizes(run):
    at = run("st.space()\nst.space('large')\nst.space('stretch')\nst.space(30)")
    assert [s.props["css"] for s in at.space] == ["0.75rem", "4.25rem", "stretch", "30px"]


@pytest.mark.parametrize("call, needle", [
    ("st.space('huge')", "'huge'"),
    ("st.container(horizontal_alignment='middle')", "'middle'"),
    ("st.container(width=0)", "width must be a positive int"),
    ("st.popover('p', type='big')", "'big'"),
    ("st.columns(2, gap=-1)", "got -1"),
])
def test_bad_layout_arguments(shown_error, call, needle):
    message = shown_error(call)
    assert message.startswith(call.split("(")[0] + "(") and needle in message, message
