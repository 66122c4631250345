"""st.jupyter_widget: the app's own ipywidget/anywidget placed as is, its trait returned, browser changes rerun."""
from __future__ import annotations

import ipywidgets as w
import pytest

from nbapp.render.widgets import WidgetRenderer
from nbapp.runtime.runner import App
from nbapp.testing import AppTest

SCRIPT = """
import nbapp as st
zoom = st.jupyter_widget(SLIDER, key="zoom")
st.text(f"zoom is {zoom}")
"""


def app_test(script: str, **names) -> AppTest:
    at = AppTest.from_string(script)
    at._app.globals_fn = lambda: names  # the notebook's globals the app reads, as %%app gives them
    return at.run(timeout=30)


def test_returns_the_trait_and_a_set_value_reaches_the_widget():
    slider = w.IntSlider(3, 0, 10)
    at = app_test(SCRIPT, SLIDER=slider)
    assert at.text[0].value == "zoom is 3"
    assert at.jupyter_widget[0].value == 3
    at.jupyter_widget(key="zoom").set_value(8).run(timeout=30)
    assert at.text[0].value == "zoom is 8" and slider.value == 8
    slider.value = 5  # the notebook changes the widget: the next run reads it
    at.run(timeout=30)
    assert at.text[0].value == "zoom is 5"


@pytest.mark.parametrize(("call", "needle"), [
    ("st.jupyter_widget(42)", "widget must be an ipywidgets or anywidget widget, got 42 (int)"),
    ("st.jupyter_widget(SLIDER, trait='colour')", "trait names 'colour', which IntSlider does not sync"),
])
def test_bad_arguments_show_an_error(call, needle):
    at = app_test("import nbapp as st\n" + call, SLIDER=w.IntSlider())
    assert at.exception[0].type == "NbappAPIError" and needle in at.exception[0].value


def test_the_same_object_is_drawn_every_run_and_never_closed():
    slider = w.IntSlider(3, 0, 10)
    app = App(SCRIPT, filename="<jw>", globals_fn=lambda: {"SLIDER": slider})
    inputs = []
    renderer = WidgetRenderer(lambda key, value: inputs.append((key, value)))
    app.run({})
    renderer.render(app.tree)
    holder = next(c for c in renderer.root.children[1].children[3].children if "nbapp-jupyter-widget" in c._dom_classes)
    assert holder.children == (slider,)
    app.run({})
    renderer.render(app.tree)
    renderer.close()
    assert slider.comm is not None  # the app's widget outlives the app's view of it


def test_a_browser_change_is_app_input_and_the_apps_own_change_is_not():
    slider = w.IntSlider(3, 0, 10)
    app = App(SCRIPT, filename="<jw>", globals_fn=lambda: {"SLIDER": slider})
    inputs = []
    renderer = WidgetRenderer(lambda key, value: inputs.append((key, value)))
    app.run({})
    renderer.render(app.tree)
    slider.set_state({"value": 7})  # what a comm "update" message from the browser does
    assert inputs == [("zoom", 7)]
    app.run(app.session_state.receive(*inputs[0]))
    assert texts(app) == ["zoom is 7"]
    slider.value = 9  # the kernel itself: no rerun request, and the next run reads it
    assert inputs == [("zoom", 7)]
    app.run({})
    assert texts(app) == ["zoom is 9"]


def texts(app: App) -> list[str]:
    return [n.props.get("body") for n in app.tree.walk() if n.kind == "text"]


def test_write_places_a_widget():
    at = app_test("import nbapp as st\nst.write(SLIDER)", SLIDER=w.IntSlider(4))
    assert at.jupyter_widget[0].value == 4
