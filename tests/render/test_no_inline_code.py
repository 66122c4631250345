"""No widget HTML carries inline script or ``on*=`` handlers: behaviour lives in ES modules (nbapp/frontend)."""
from __future__ import annotations

import re

import ipywidgets as w
import pytest

from nbapp.runtime.runner import App
from nbapp.serve.gallery import DEMO_DIR
from nbapp.render.widgets import WidgetRenderer

INLINE = re.compile(r"<script\b|\son[a-z]+\s*=", re.IGNORECASE)
EVERY_BEHAVIOUR = """
import nbapp as st
st.code("x = 1")
st.dataframe({"a": [3, 1, 2]})
st.toast("Saved")
st.sidebar.write("side")
st.download_button("Get", "a,b", "x.csv")
st.link_button("Docs", "https://example.org")
"""


def html_of(widget: w.Widget) -> list[str]:
    """Every HTML string a widget tree sends to the browser."""
    found = [getattr(widget, name) for name in ("value", "html", "description", "tooltip")
             if isinstance(getattr(widget, name, None), str)]
    for child in getattr(widget, "children", ()):
        found += html_of(child)
    return found


TOUR = ["Hello", "Plotting", "DataFrame", "Fractal", "Map"]  # the hello tour's pages, in its radio's order


def drawn_html(source: str, choice: str | None = None) -> list[str]:
    app = App(source, filename="app.py")
    renderer = WidgetRenderer(lambda key, wire: None)
    renderer.render(app.run())
    if choice is not None:
        key = next(k for k, m in app.session_state._widgets.items() if m.kind == "radio")
        renderer.render(app.run(app.session_state.receive(key, TOUR.index(choice))))
    return html_of(renderer.root)


@pytest.mark.parametrize("script, choice", [("hello.py", "Hello"), ("hello.py", "Plotting"), ("hello.py", "DataFrame"),
                                            ("pipeline.py", None), ("chat.py", None)])
def test_no_gallery_app_draws_inline_script_or_handlers(script, choice):
    pytest.importorskip("sklearn") if script == "pipeline.py" else None
    source = (DEMO_DIR / script).read_text(encoding="utf-8").replace("time.sleep(0.02)", "pass")
    pages = drawn_html(source, choice)
    assert any((choice or script[:-3]).lower() in page.lower() for page in pages)
    assert [page for page in pages if INLINE.search(page)] == []


def test_the_elements_with_behaviour_use_data_actions_not_handlers():
    pages = "\n".join(drawn_html(EVERY_BEHAVIOUR))
    for action in ("copy", "dismiss", "toggle-sidebar"):  # st.dataframe sorts in nbapp/frontend/grid.js
        assert f'data-nbapp-action="{action}"' in pages
    assert not INLINE.search(pages)
