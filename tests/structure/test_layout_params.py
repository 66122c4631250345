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


def test_stateful_tabs_report_the_open_tab_and_rerun(run):
    at = run("""
a, b = st.tabs(["Train", "Evaluate"], default="Evaluate", on_change="rerun", key="tab")
st.write(f"{st.session_state.tab} {a.open} {b.open}")
c, d = st.tabs(["x", "y"])
st.write(f"stateless {c.open}")
""")
    assert at.markdown.values == ["Evaluate False True", "stateless None"]
    assert next(n for n in at._node.walk() if n.kind == "tabs").props["selected"] == 1  # the tab bar
    at._set("tab", "Train")  # what a click on the first tab sends
    at.run()
    assert at.markdown.values[0] == "Train True False"


def test_stateful_expander_with_callback(run):
    at = run("""
st.session_state.setdefault("toggles", 0)
def count():
    st.session_state.toggles += 1
ex = st.expander("More", key="more", on_change=count)
st.write(f"{ex.open} {st.session_state.toggles}")
""")
    assert at.markdown.values == ["False 0"]
    at._set("more", True)
    at.run()
    assert at.markdown.values == ["True 1"] and at.expander[0].props["expanded"] is True


def test_tabs_and_expander_bad_arguments(shown_error):
    assert "default must be one of the tab labels, got 'z'" in shown_error("st.tabs(['a'], default='z')")
    assert "on_change must be 'ignore', 'rerun' or a function, got 'sometimes'" in shown_error(
        "st.expander('e', on_change='sometimes')")


def test_stateful_popover_reports_open_and_the_app_can_close_it(run):
    at = run("""
st.session_state.setdefault("changes", 0)
def changed():
    st.session_state.changes += 1
if st.session_state.get("close"):
    st.session_state.drawer = False
    st.session_state.close = False
drawer = st.popover("Filters", on_change=changed, key="drawer")
with drawer:
    if drawer.open:
        st.write("lazy content")
quiet = st.popover("Quiet")
st.write(f"{drawer.open} {quiet.open} {st.session_state.drawer} {st.session_state.changes}")
""")
    assert at.markdown.values == ["False None False 0"]
    at._set("drawer", True)  # what opening it in the browser sends
    at.run()
    assert at.markdown.values == ["lazy content", "True None True 1"]
    popover = at.get("popover")[0]
    assert popover.props["open"] is True and popover.label == "Filters"
    at.session_state["close"] = True
    at.run()
    assert at.markdown.values == ["False None False 1"]  # closed by the app: no callback
    assert at.get("popover")[0].props["open"] is False and at.get("popover")[0].props["pushed"] == 1


def test_popover_signature_is_streamlits():
    import inspect

    import nbapp as st

    params = inspect.signature(st.popover).parameters
    assert list(params)[-4:] == ["key", "on_change", "args", "kwargs"]
    assert params["on_change"].default == "ignore" and params["key"].default is None
