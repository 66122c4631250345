"""Run lifecycle details: form clearing, setting widget keys between runs, closing vanished widgets."""
from __future__ import annotations

import ipywidgets as w

from nbapp.render.widgets import WidgetRenderer
from nbapp.runtime.runner import App
from nbapp.testing import AppTest

FORM_APP = """
import nbapp as st
with st.form('f', clear_on_submit=True):
    n = st.slider('n', 0, 10, 1)
    sent = st.form_submit_button('Send')
st.write('got', n)
st.text(f'sent={sent}')
"""


def test_clear_on_submit_returns_submitted_value_and_draws_the_default():
    at = AppTest.from_string(FORM_APP).run()
    at.slider[0].set_value(7)
    at.form_submit_button[0].click().run()
    assert at.markdown[0].value == "got 7"
    assert at.text[0].value == "sent=True"
    assert at.slider[0].props["value"] == 1  # the browser is told to show the default again
    assert at.run().markdown[0].value == "got 1"


def test_clear_on_submit_pushes_the_default_into_the_browser_control():
    app = App(FORM_APP, filename="<form>")
    renderer = WidgetRenderer(lambda key, value: None)
    renderer.render(app.run())
    slider = next(x for x in _walk(renderer.root) if isinstance(x, w.IntSlider))
    key = next(k for k, m in app.session_state._widgets.items() if m.kind == "slider")
    submit = next(k for k, m in app.session_state._widgets.items() if m.kind == "form_submit_button")
    slider.value = 7  # typed in the browser, held by the form
    held = app.session_state.route_input(key, 7)
    assert held is None
    renderer.render(app.run(app.session_state.route_input(submit, True)))
    assert slider.value == 1


def test_a_drawn_widgets_key_is_settable_between_runs():
    at = AppTest.from_string("import nbapp as st\nst.write('x is', st.slider('x', 0, 10, 2, key='x'))").run()
    at.session_state["x"] = 9
    assert at.run().markdown[0].value == "x is 9"


def test_vanished_widgets_are_closed_with_their_parts():
    app = App("import nbapp as st\nif st.session_state.get('show', True):\n    st.slider('x', 0, 10)\n", filename="<v>")
    renderer = WidgetRenderer(lambda key, value: None)
    renderer.render(app.run())
    parts = [x for x in _walk(renderer.root) if isinstance(x, (w.IntSlider, w.HTML))]
    slider = next(x for x in parts if isinstance(x, w.IntSlider))
    app.session_state["show"] = False
    renderer.render(app.run())
    assert slider.comm is None and slider.layout.comm is None


def _walk(widget):
    yield widget
    for child in getattr(widget, "children", ()):
        yield from _walk(child)
