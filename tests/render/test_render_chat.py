"""Chat on the widget side: messages with avatars, the chat input's module, the bottom root after main."""
from __future__ import annotations

import textwrap

from nbapp.render.widgets import WidgetRenderer
from nbapp.runtime.runner import App


def draw(script: str, inputs: list | None = None) -> WidgetRenderer:
    renderer = WidgetRenderer(lambda key, value: (inputs if inputs is not None else []).append((key, value)))
    renderer.render(App("import nbapp as st\n" + textwrap.dedent(script), filename="<draw>").run())
    return renderer


def find(widget, css: str) -> list:
    found = [widget] if css in getattr(widget, "_dom_classes", ()) else []
    for child in getattr(widget, "children", ()):
        found += find(child, css)
    return found


def test_a_chat_message_draws_its_avatar_beside_its_elements():
    root = draw("with st.chat_message('assistant'):\n    st.write('Hello there')").root
    (message,) = find(root, "nbapp-chat-message")
    assert "nbapp-chat-assistant" in message._dom_classes
    avatar, body = message.children
    assert "🤖" in avatar.value
    assert "Hello there" in body.children[0].value


def test_the_bottom_root_comes_after_main_and_holds_the_chat_input():
    root = draw("st.write('above')\nst.chat_input('Ask')").root
    (layout,) = find(root, "nbapp-layout")
    classes = [next((c for c in child._dom_classes if c in ("nbapp-main", "nbapp-bottom", "nbapp-sidebar")), None)
               for child in layout.children]
    assert classes[-2:] == ["nbapp-main", "nbapp-bottom"]
    (box,) = find(layout.children[-1], "nbapp-chat_input")
    assert box.props["placeholder"] == "Ask" and box.value is None


def test_a_submit_in_the_browser_reaches_the_app_as_its_input():
    inputs: list = []
    renderer = draw("st.chat_input('Ask', key='q')", inputs)
    (box,) = find(renderer.root, "nbapp-chat_input")
    box.value = {"text": "hi", "files": [], "seq": "1"}  # what chat_input.js sends
    assert inputs == [("q", {"text": "hi", "files": [], "seq": "1"})]
