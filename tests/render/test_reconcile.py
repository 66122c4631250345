"""Reconciliation: reruns reuse widgets by key, update in place, close what vanished, and partial renders."""
from __future__ import annotations

import threading

import ipywidgets as w

from nbapp.render.widgets import WidgetRenderer
from nbapp.runtime.runner import App
from nbapp.tree import Block, Element


def page(*main, sidebar=(), config=None) -> Block:
    """A run's tree: the app block holding the main column and the sidebar."""
    return Block("app", {"page_config": config or {}}, [Block("main", {}, list(main)), Block("sidebar", {}, list(sidebar))])


def md(text: str) -> Element:
    return Element("markdown", {"body": text, "unsafe_allow_html": False, "help": None})


def main_widgets(renderer: WidgetRenderer) -> tuple[w.Widget, ...]:
    layout = renderer.root.children[1]
    return layout.children[3].children


def test_an_identical_rerun_reuses_every_widget_and_sends_nothing():
    renderer = WidgetRenderer(lambda key, value: None)
    renderer.render(page(md("a"), Element("divider", {}), md("b")))
    before = main_widgets(renderer)
    layout = renderer.root.children[1]
    changes = []
    for widget in (layout, layout.children[3], *before):
        widget.observe(changes.append)
    renderer.render(page(md("a"), Element("divider", {}), md("b")))
    assert main_widgets(renderer) == before
    assert all(a is b for a, b in zip(main_widgets(renderer), before))
    assert changes == []


def test_a_changed_element_is_updated_in_place_and_the_others_untouched():
    renderer = WidgetRenderer(lambda key, value: None)
    renderer.render(page(md("x is 1"), md("static")))
    first, second = main_widgets(renderer)
    seen = []
    second.observe(seen.append)
    renderer.render(page(md("x is 2"), md("static")))
    assert main_widgets(renderer)[0] is first and "x is 2" in first.value
    assert main_widgets(renderer)[1] is second and seen == []


def test_a_new_kind_at_a_position_replaces_the_widget_and_closes_the_old_one():
    renderer = WidgetRenderer(lambda key, value: None)
    renderer.render(page(md("a"), md("b")))
    a, b = main_widgets(renderer)
    renderer.render(page(md("a"), Element("divider", {})))
    kept, divider = main_widgets(renderer)
    assert kept is a and divider is not b
    assert b.comm is None  # closed: its front-end view goes away


def test_vanished_elements_are_closed_blocks_with_their_children():
    renderer = WidgetRenderer(lambda key, value: None)
    column = Block("column", {"weight": 1.0, "border": False}, [md("in column")])
    renderer.render(page(md("a"), Block("horizontal", {"gap": "1rem", "align": "top"}, [column])))
    a, row = main_widgets(renderer)
    inner = row.children[0].children[0]
    renderer.render(page(md("a")))
    assert main_widgets(renderer) == (a,)
    assert row.comm is None and inner.comm is None


def test_a_block_whose_border_changed_is_rebuilt_and_the_old_one_closed():
    renderer = WidgetRenderer(lambda key, value: None)
    renderer.render(page(Block("container", {"border": False, "height": None, "key": None}, [md("kept")])))
    (box,) = main_widgets(renderer)
    (child,) = box.children
    renderer.render(page(Block("container", {"border": True, "height": None, "key": None}, [md("kept")])))
    (new_box,) = main_widgets(renderer)
    assert new_box is not box and "nbapp-border" in new_box._dom_classes
    assert "kept" in new_box.children[0].value
    assert box.comm is None and child.comm is None


def test_a_partial_render_keeps_the_old_trailing_widgets_until_the_final_one():
    renderer = WidgetRenderer(lambda key, value: None)
    renderer.render(page(md("a"), md("b"), Element("divider", {})))
    a, b, divider = main_widgets(renderer)
    renderer.render(page(md("a, updated")), final=False)  # mid-run: only the first element so far
    assert main_widgets(renderer) == (a, b, divider)
    assert "a, updated" in a.value and "b" in b.value
    renderer.render(page(md("a, updated"), md("b2")))
    assert main_widgets(renderer) == (a, b)
    assert "b2" in b.value and divider.comm is None


def test_widgets_are_matched_by_id_so_a_moved_widget_is_reused():
    renderer = WidgetRenderer(lambda key, value: None)
    props = {"label": "go", "help": None, "disabled": False, "label_visibility": "visible", "value": False,
             "state_key": "$$ID-go", "form": None, "type": "secondary", "icon": None, "use_container_width": False}
    renderer.render(page(Element("button", props, id="$$ID-go"), md("below")))
    button, text = main_widgets(renderer)
    renderer.render(page(md("above"), Element("button", props, id="$$ID-go")))
    new_text, new_button = main_widgets(renderer)
    assert new_button is button and new_text is text


def test_markdown_gaining_math_switches_to_a_typesetting_widget():
    renderer = WidgetRenderer(lambda key, value: None)
    renderer.render(page(md("plain")))
    (plain,) = main_widgets(renderer)
    renderer.render(page(md("now $x^2$")))
    (math,) = main_widgets(renderer)
    assert isinstance(math, w.HTMLMath) and plain.comm is None


def test_sidebar_appears_when_it_gets_content():
    renderer = WidgetRenderer(lambda key, value: None)
    renderer.render(page(md("main")))
    layout = renderer.root.children[1]
    sidebar = layout.children[2]
    assert sidebar.layout.display == "none"
    renderer.render(page(md("main"), sidebar=[md("side")]))
    assert layout.children[2] is sidebar and sidebar.layout.display is None
    assert "side" in sidebar.children[0].value


def test_close_closes_everything():
    renderer = WidgetRenderer(lambda key, value: None)
    renderer.render(page(md("a")))
    (a,) = main_widgets(renderer)
    root = renderer.root
    renderer.close()
    assert a.comm is None and root.comm is None


def test_browser_input_during_a_render_on_another_thread_is_kept_and_render_echoes_are_not(monkeypatch):
    tree = App("import nbapp as st\nst.slider('x', 0, 10, 5, key='x')", filename="<input>").run()
    inputs = []
    renderer = WidgetRenderer(lambda key, value: inputs.append((key, value)))
    renderer.render(tree)
    control = main_widgets(renderer)[0].children[-1]
    reconcile = WidgetRenderer._reconcile

    def reconcile_with_events(self, node, old, final):
        if node.kind == "app":  # in the middle of a render (on this thread)...
            control.value = 6  # ...the renderer's own trait change echoes back: not user input
            browser = threading.Thread(target=setattr, args=(control, "value", 7))  # ...the user drags meanwhile
            browser.start()
            browser.join()
        return reconcile(self, node, old, final)

    monkeypatch.setattr(WidgetRenderer, "_reconcile", reconcile_with_events)
    renderer.render(tree)
    assert inputs == [("x", 7)]


def test_close_leaves_no_widget_of_the_app_open():
    from ipywidgets.widgets.widget import _instances

    before = set(_instances)
    renderer = WidgetRenderer(lambda key, value: None)
    renderer.render(App("import nbapp as st\nst.slider('x', 0, 5)\nst.write('hi')", filename="<close>").run())
    renderer.close()
    assert [type(_instances[k]).__name__ for k in set(_instances) - before] == []


def test_an_element_the_renderer_cannot_draw_shows_an_error_in_its_place_and_the_rest_draws(monkeypatch):
    from nbapp.render.registry import ADAPTERS

    divider = ADAPTERS["divider"]

    def broken(props, emit):
        raise ValueError("no ink")

    monkeypatch.setattr(divider, "create", broken)
    renderer = WidgetRenderer(lambda key, value: None)
    renderer.render(page(md("before"), Element("divider", {}), md("after")))
    before, failed, after = main_widgets(renderer)
    assert "before" in before.value and "after" in after.value
    assert "nbapp-exception" in failed._dom_classes
    assert "nbapp could not draw st.divider: no ink" in failed.value and "ValueError" in failed.value
    monkeypatch.undo()  # the next run draws it once the adapter can
    renderer.render(page(md("before"), Element("divider", {}), md("after")))
    assert "nbapp-exception" not in main_widgets(renderer)[1]._dom_classes
