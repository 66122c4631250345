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
    assert at.markdown[0].value == "got `7`"
    assert at.text[0].value == "sent=True"
    assert at.slider[0].props["value"] == 1  # the browser is told to show the default again
    assert at.run().markdown[0].value == "got `1`"


def test_clear_on_submit_pushes_the_default_into_the_browser_control():
    app = App(FORM_APP, filename="<form>")
    renderer = WidgetRenderer(lambda key, value: None)
    renderer.render(app.run())
    slider = next(x for x in _walk(renderer.root) if isinstance(x, w.IntSlider))
    key = next(k for k, m in app.session_state._widgets.items() if m.kind == "slider")
    submit = next(k for k, m in app.session_state._widgets.items() if m.kind == "form_submit_button")
    slider.value = 7  # typed in the browser, held by the form
    held = app.session_state.receive(key, 7)
    assert held is None
    renderer.render(app.run(app.session_state.receive(submit, True)))
    assert slider.value == 1


def test_a_drawn_widgets_key_is_settable_between_runs():
    at = AppTest.from_string("import nbapp as st\nst.write('x is', st.slider('x', 0, 10, 2, key='x'))").run()
    at.session_state["x"] = 9
    assert at.run().markdown[0].value == "x is `9`"


def test_vanished_widgets_are_closed_with_their_parts():
    app = App("import nbapp as st\nif st.session_state.get('show', True):\n    st.slider('x', 0, 10)\n", filename="<v>")
    renderer = WidgetRenderer(lambda key, value: None)
    renderer.render(app.run())
    parts = [x for x in _walk(renderer.root) if isinstance(x, (w.IntSlider, w.HTML))]
    slider = next(x for x in parts if isinstance(x, w.IntSlider))
    app.session_state["show"] = False
    renderer.render(app.run())
    assert slider.comm is None and slider.layout.comm is None


CHAT_APP = """
import nbapp as st
def send():
    st.session_state.log = st.session_state.get("log", []) + [st.session_state.msg]
    st.session_state.msg = ""
st.text_input("Message", key="msg", on_change=send)
st.write(str(st.session_state.get("log", [])))
"""


def test_a_value_the_app_sets_reaches_the_browser_even_when_it_equals_the_last_one_drawn():
    app = App(CHAT_APP, filename="<chat>")
    sent = {}
    renderer = WidgetRenderer(sent.__setitem__)
    renderer.render(app.run())
    box = next(x for x in _walk(renderer.root) if type(x).__name__ == "Nbapp_text_input")
    box.value = "hello"  # typed in the browser; the callback empties it again
    renderer.render(app.run(sent))
    assert app.session_state["log"] == ["hello"]
    assert box.value == ""
    sent.clear()
    box.value = "again"
    renderer.render(app.run(sent))
    assert (app.session_state["log"], box.value) == (["hello", "again"], "")


def test_a_value_set_in_an_earlier_run_is_not_pushed_again_over_the_users_drag():
    app = App("""
import nbapp as st
if "x" not in st.session_state:
    st.session_state.x = 3
st.slider("x", 0, 10, key="x")
st.checkbox("other", key="other")
""", filename="<drag>")
    renderer = WidgetRenderer(lambda key, value: None)
    renderer.render(app.run())
    slider = next(x for x in _walk(renderer.root) if isinstance(x, w.IntSlider))
    assert slider.value == 3
    slider.value = 7  # the user drags while the run for another widget's change is drawn
    renderer.render(app.run({"other": True}))
    assert slider.value == 7


def test_a_key_set_in_session_state_survives_new_bounds_of_its_widget():
    at = AppTest.from_string("""
        import nbapp as st
        def load():
            st.session_state.options = ["x", "y", "z"]
            st.session_state.choice = "z"
        st.button("load", on_click=load)
        choice = st.selectbox("choice", st.session_state.get("options", ["a", "b"]), key="choice")
        st.write("choice", choice)
    """).run()
    assert at.markdown.values == ["choice a"]
    at.button[0].click().run()
    assert at.markdown.values == ["choice z"]


def _walk(widget):
    yield widget
    for child in getattr(widget, "children", ()):
        yield from _walk(child)
