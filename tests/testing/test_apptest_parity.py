"""nbapp's AppTest answers what streamlit.testing.v1.AppTest (Streamlit 1.67.0) answers for the same scripts.

The expected lists were recorded by running each script under Streamlit 1.67.0's own AppTest
(``pip install streamlit==1.67.0``, the ``bench`` extra) and reading ``(accessor, value)`` of
every element; this file needs no Streamlit.
"""
from __future__ import annotations

import pytest

from nbapp.testing import AppTest
from nbapp.testing.elements import Block

CASES = {
    "st.write(1234)": [("markdown", "`1234`")],
    "x = 25\nst.write(x, 'squared is', x * x)": [("markdown", "`25` squared is `625`")],
    "st.write(1.5)\nst.write('a', 2.5)": [("markdown", "`1.5`"), ("markdown", "a `2.5`")],
    "st.write(True)\nst.write(None)\nst.write((1, 2))": [("markdown", "`True`"), ("markdown", "`None`"),
                                                          ("markdown", "`(1, 2)`")],
    "st.write({'a': 1})": [("json", '{"a": 1}')],
    "import datetime\nst.write(datetime.date(2024, 1, 2))\nst.write([1, 2])\nst.write(len)\nst.write(b'ab')\n"
    "st.write('a\\nb')":
        [("markdown", "`2024-01-02`"), ("json", "[1, 2]"), ("help", "len"), ("markdown", "`b'ab'`"),
         ("markdown", "a\nb")],
    "st.text(5)\nst.markdown(5)\nst.caption(1.5)\nst.title(3)":
        [("text", "5"), ("markdown", "5"), ("caption", "1.5"), ("title", "3")],
    "st.metric('Loss', 0.5, -0.1)\nst.metric('n', 3)": [("metric", "0.5"), ("metric", "3")],
    "st.json('{\"b\": 1}')": [("json", '{"b": 1}')],
    "st.json({'a': [1, 2]})": [("json", '{"a": [1, 2]}')],
    "st.latex(r'a^2')": [("latex", "$$\na^2\n$$")],
    "st.text('hi')\nst.code('x=1')\nst.caption('c')\nst.title('T')\nst.header('H')\nst.subheader('S')\nst.divider()":
        [("text", "hi"), ("code", "x=1"), ("caption", "c"), ("title", "T"), ("header", "H"), ("subheader", "S"),
         ("divider", "---")],
    "st.info('i')\nst.success('s')\nst.warning('w')\nst.error('e')":
        [("info", "i"), ("success", "s"), ("warning", "w"), ("error", "e")],
    "st.markdown('**b**')\nst.write('a', 'b')": [("markdown", "**b**"), ("markdown", "a b")],
    "e = st.empty()\ne.write('x')": [("markdown", "x")],
    "st.write_stream(iter(['a', 'b', 1, 'c']))": [("markdown", "ab"), ("markdown", "`1`"), ("markdown", "c")],
    "with st.chat_message('user'):\n    st.write('hi')\nst.chat_input('Say')":
        [("chat_message", None), ("markdown", "hi"), ("chat_input", None)],
    "st.pills('p', ['a', 'b'])\nst.segmented_control('sc', ['x', 'y'], default='y')\nst.feedback('stars')\n"
    "st.pills('pm', ['a', 'b'], selection_mode='multi', default=['b'])":
        [("button_group", None), ("button_group", "y"), ("feedback", None), ("button_group", ["b"])],
    "with st.status('Working', expanded=True) as s:\n    st.write('step')\n    s.update(label='Done', state='complete')\n"
    "st.badge('New', color='green')":
        [("status", None), ("markdown", "step"), ("markdown", ":green-badge[New]")],
    "st.pagination(5)\nst.menu_button('Menu', ['a', 'b'])": [("pagination", 1), ("menu_button", None)],
    "st.help(len)": [("help", "len")],
    "st.html('<b>x</b>')\nst.iframe('https://example.com')": [("html", "<b>x</b>"), ("iframe", None)],
    "with st.form('f'):\n    st.text_input('t')\n    st.form_submit_button('Go')\nst.button('b')":
        [("form", None), ("text_input", ""), ("button", False), ("button", False)],
    "st.slider('s', 0, 10, 3)\nst.checkbox('c')\nst.toggle('t')\nst.radio('r', ['a', 'b'])\n"
    "st.selectbox('sb', ['a', 'b'])\nst.multiselect('m', ['a', 'b'], ['a'])\nst.text_area('ta', 'x')\n"
    "st.number_input('n', value=2)\nst.select_slider('ss', ['a', 'b', 'c'], 'b')\nst.color_picker('cp', '#00ff00')":
        [("slider", 3), ("checkbox", False), ("toggle", False), ("radio", "a"), ("selectbox", "a"),
         ("multiselect", ["a"]), ("text_area", "x"), ("number_input", 2), ("select_slider", "b"),
         ("color_picker", "#00ff00")],
}
# nbapp's tree kind -> the accessor Streamlit's AppTest lists it under, where they differ.
ACCESSOR = {"pills": "button_group", "segmented_control": "button_group", "form_submit_button": "button"}
ROOTS = {"main", "sidebar", "bottom", "empty"}


def elements(at: AppTest) -> list[tuple[str, object]]:
    """(accessor, value) of every element and block below the roots, in document order (blocks: None)."""
    out = []

    def visit(block):
        for child in block.children:
            is_block = isinstance(child, Block)
            if child.kind not in ROOTS:
                out.append((ACCESSOR.get(child.kind, child.kind), None if is_block else child.value))
            if is_block:
                visit(child)

    visit(at)
    return out


@pytest.mark.parametrize("script", list(CASES))
def test_the_same_elements_and_values_as_streamlits_apptest(script):
    at = AppTest.from_string("import streamlit as st\n" + script).run()
    assert not at.exception, at.exception[0].value
    assert elements(at) == CASES[script]
