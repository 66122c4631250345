"""Fragments, dialogs, popovers, spacers and flex containers draw as the widgets a user sees."""
from __future__ import annotations

import textwrap

import ipywidgets as w

from nbapp.render.widgets import WidgetRenderer
from nbapp.runtime.runner import App


def draw(script: str, inputs: list | None = None) -> tuple[WidgetRenderer, App]:
    app = App("import nbapp as st\n" + textwrap.dedent(script), filename="<draw>")
    renderer = WidgetRenderer(lambda key, value: (inputs if inputs is not None else []).append((key, value)))
    renderer.render(app.run())
    return renderer, app


def find(widget: w.Widget, css: str) -> list[w.Widget]:
    found = [widget] if css in getattr(widget, "_dom_classes", ()) else []
    for child in getattr(widget, "children", ()):
        found += find(child, css)
    return found


def texts(widget: w.Widget) -> str:
    own = getattr(widget, "value", "") if isinstance(widget, w.HTML) else ""
    return own + "".join(texts(c) for c in getattr(widget, "children", ()))


def test_dialog_draws_a_modal_with_title_body_and_close_button():
    inputs: list = []
    renderer, _ = draw("""
@st.dialog("Settings", width="large", on_dismiss="rerun")
def settings():
    st.write("inside the dialog")
settings()
st.write("the app")
""", inputs)
    (overlay,) = find(renderer.root, "nbapp-dialog-overlay")
    (panel,) = find(overlay, "nbapp-dialog")
    assert "nbapp-dialog-large" in panel._dom_classes
    assert "Settings" in texts(panel) and "inside the dialog" in texts(panel)
    assert "inside the dialog" not in texts(find(renderer.root, "nbapp-main")[0])
    (close,) = find(panel, "nbapp-dialog-close")
    close.click()
    assert overlay.layout.display == "none"
    assert len(inputs) == 1 and inputs[0][1] is True  # "rerun": the app hears of it


def test_dismissing_an_ignore_dialog_tells_nobody():
    inputs: list = []
    renderer, _ = draw("""
@st.dialog("Info")
def info():
    st.write("x")
info()
""", inputs)
    (close,) = find(renderer.root, "nbapp-dialog-close")
    close.click()
    assert find(renderer.root, "nbapp-dialog-overlay")[0].layout.display == "none" and inputs == []


def test_fragment_rerun_replaces_only_the_fragment_widgets():
    renderer, app = draw("""
@st.fragment
def part():
    st.write(f"value {st.session_state.get('v', 0)}")
part()
st.write("outside")
""")
    outside = [h for h in find(renderer.root, "nbapp-markdown") if "outside" in texts(h)][0]
    app.session_state["v"] = 5
    renderer.render(app.run(scope=next(iter(app.fragments.values()))))
    assert "value 5" in texts(renderer.root)
    assert [h for h in find(renderer.root, "nbapp-markdown") if "outside" in texts(h)][0] is outside


def test_popover_opens_and_closes_without_the_app():
    inputs: list = []
    renderer, _ = draw("""
with st.popover("Filters", icon="🔍"):
    st.write("filter body")
""", inputs)
    (box,) = find(renderer.root, "nbapp-popover")
    button, panel, _keys = box.children
    assert button.description.startswith("🔍 Filters") and panel.layout.display == "none"
    button.click()
    assert panel.layout.display is None and "filter body" in texts(panel)
    button.click()
    assert panel.layout.display == "none" and inputs == []


def test_horizontal_container_and_space():
    renderer, _ = draw("""
with st.container(horizontal=True, horizontal_alignment="right", gap="large", width=300):
    st.button("a")
    st.space("stretch")
    st.button("b")
st.space(40)
""")
    (row,) = find(renderer.root, "nbapp-flex-row")
    assert row.layout.justify_content == "flex-end" and row.layout.grid_gap == "4rem" and row.layout.width == "300px"
    assert len(find(row, "nbapp-space-stretch")) == 1
    fixed = [s for s in find(renderer.root, "nbapp-space") if s.layout.min_height == "40px"]
    assert len(fixed) == 1


def test_stateful_tabs_and_expander_report_the_users_choice():
    inputs: list = []
    renderer, _ = draw("""
st.tabs(["a", "b"], default="b", on_change="rerun", key="t")
st.expander("more", on_change="rerun", key="e")
st.tabs(["quiet", "tabs"])
""", inputs)
    stateful, quiet = find(renderer.root, "nbapp-tabs")
    assert stateful.selected_index == 1 and quiet.selected_index == 0
    stateful.selected_index = 0  # the user opens tab "a"
    find(renderer.root, "nbapp-expander")[0].selected_index = 0  # and opens the expander
    quiet.selected_index = 1  # a stateless tab change stays in the browser
    assert inputs == [("t", "a"), ("e", True)]


def test_escape_or_backdrop_dismisses_only_a_dismissible_dialog():
    from nbapp.render.page import DialogKeys

    inputs: list = []
    renderer, _ = draw("""
@st.dialog("Closable", on_dismiss="rerun")
def closable():
    st.write("x")
closable()
""", inputs)
    (overlay,) = find(renderer.root, "nbapp-dialog-overlay")
    keys = [c for c in overlay.children if isinstance(c, DialogKeys)][0]
    assert keys.enabled
    keys.dismissed += 1  # what Escape or a backdrop click sends
    assert overlay.layout.display == "none" and len(inputs) == 1
    renderer, _ = draw("""
@st.dialog("Locked", dismissible=False)
def locked():
    st.write("x")
locked()
""")
    (overlay,) = find(renderer.root, "nbapp-dialog-overlay")
    assert [c for c in overlay.children if isinstance(c, DialogKeys)][0].enabled is False


def test_a_popover_stays_open_across_reruns_and_a_stateful_one_reports_and_follows_the_app():
    inputs: list = []
    script = """
st.session_state.setdefault("n", 0)
with st.popover("Quiet", help="tip"):
    st.number_input("n", key="n")
st.popover("Stateful", on_change="rerun", key="drawer").write("inside")
"""
    renderer, app = draw(script, inputs)
    quiet, stateful = find(renderer.root, "nbapp-popover")
    button, panel, _keys = quiet.children
    button.click()  # the user opens it: no rerun
    assert panel.layout.display is None and inputs == []
    app.session_state["n"] = 3  # a rerun (a widget inside it changed)
    renderer.render(app.run())
    assert find(renderer.root, "nbapp-popover")[0] is quiet and panel.layout.display is None  # still open
    stateful.children[0].click()
    assert inputs == [("drawer", True)] and stateful.children[1].layout.display is None
    app.session_state["drawer"] = False  # the app closes it
    renderer.render(app.run())
    assert stateful.children[1].layout.display == "none"
    stateful.children[0].click()
    stateful.children[2].dismissed += 1  # what a click outside it (or Escape) sends
    assert stateful.children[1].layout.display == "none" and inputs[-1] == ("drawer", False)
    quiet.children[2].dismissed += 1
    assert panel.layout.display == "none"
