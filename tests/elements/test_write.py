"""st.write: each argument type becomes the element a user expects."""
from __future__ import annotations

import pandas as pd
import pytest

from nbapp.testing import AppTest


def kinds(at: AppTest) -> list[str]:
    return [c.kind for c in at.main.children]


def test_strings_and_numbers_join_into_one_markdown_with_numbers_as_code(run):
    at = run("x = 25\nst.write(x, 'squared is', x * x)\nst.write(1234)\nst.write(1.5)")
    assert at.markdown.values == ["`25` squared is `625`", "`1234`", "`1.5`"]  # as Streamlit's AppTest


def test_write_returns_none_and_keeps_unsafe_allow_html(run):
    at = run("result = st.write('<b>hi</b>', unsafe_allow_html=True)\nst.text(repr(result))")
    assert at.markdown[0].unsafe_allow_html is True
    assert at.text[0].value == "None"


def test_text_runs_are_split_around_other_elements(run):
    at = run("import pandas as pd\nst.write('Below is a DataFrame:', pd.DataFrame({'a': [1]}), 'Above is a dataframe.')")
    assert kinds(at) == ["markdown", "dataframe", "markdown"]
    assert at.markdown.values == ["Below is a DataFrame:", "Above is a dataframe."]


@pytest.mark.parametrize("expr", [
    "pd.DataFrame({'a': [1, 2]})",
    "pd.Series([1, 2], name='a')",
    "np.arange(4).reshape(2, 2)",
])
def test_dataframe_like_objects_become_dataframes(expr, run):
    at = run(f"import numpy as np\nimport pandas as pd\nst.write({expr})")
    assert kinds(at) == ["dataframe"]
    assert isinstance(at.dataframe[0].value, pd.DataFrame)
    assert len(at.dataframe[0].value) == 2


def test_dicts_lists_and_namedtuples_become_json(run):
    at = run("""
from collections import namedtuple
Point = namedtuple("Point", "x y")
st.write({"a": 1, "b": [1, 2]})
st.write(["x", "y"])
st.write(Point(1, 2))
""")
    assert [j.body for j in at.json] == [{"a": 1, "b": [1, 2]}, ["x", "y"], {"x": 1, "y": 2}]


def test_session_state_is_written_as_json(run):
    at = run("st.session_state.count = 3\nst.write(st.session_state)")
    assert at.json[0].body == {"count": 3}


def test_exceptions_become_exception_elements(run):
    at = run("st.write(ValueError('bad value'))")
    assert kinds(at) == ["exception"]
    assert (at.exception[0].type, at.exception[0].value) == ("ValueError", "bad value")


def test_objects_with_repr_html_are_drawn_as_html(run):
    at = run("""
class Model:
    def _repr_html_(self):
        return "<b>Model</b>"
st.write("Model:", Model())
""")
    assert kinds(at) == ["markdown", "html"]
    assert at.html[0].value == "<b>Model</b>"


def test_objects_with_rich_reprs_keep_their_mime_bundle(run):
    at = run("""
class Chart:
    def _repr_mimebundle_(self, include=None, exclude=None):
        return {"application/vnd.vegalite.v5+json": {"mark": "bar"}, "text/plain": "Chart"}
class Picture:
    def _repr_png_(self):
        return b"PNG"
st.write(Chart(), Picture())
""")
    bundles = at.get("mimebundle")
    assert bundles[0].data["application/vnd.vegalite.v5+json"] == {"mark": "bar"}
    assert bundles[1].data["image/png"] == b"PNG"


def test_other_objects_are_inline_code_joined_with_the_text(run):
    at = run("st.write('flag is', True, 'and', (1, 2))")
    assert at.markdown.values == ["flag is `True` and `(1, 2)`"]


def test_multiline_objects_are_fenced_code(run):
    at = run("""
class Box:
    def __str__(self):
        return "a\\nb"
st.write(Box())
""")
    assert at.markdown[0].value == "```\na\nb\n```"


def test_matplotlib_figures_become_png_images(run):
    pytest.importorskip("matplotlib")
    at = run("""
import matplotlib
matplotlib.use("Agg")
import matplotlib.pyplot as plt
fig, ax = plt.subplots()
ax.plot([1, 2, 3])
st.write(fig)
""")
    picture = at.get("image")[0].images[0]
    assert picture["mime"] == "image/png"
    assert picture["data"].startswith(b"\x89PNG")


def test_several_arguments_cannot_go_into_one_placeholder(run):
    at = run("slot = st.empty()\nslot.write('a', 'b')")
    assert at.exception[0].type == "NbappAPIError"
    assert "st.write(): a placeholder" in at.exception[0].value
    assert "2 arguments" in at.exception[0].value


def test_one_argument_into_a_placeholder_replaces_its_content(run):
    at = run("slot = st.empty()\nslot.write('first')\nslot.write('second')")
    assert at.markdown.values == ["second"]


def test_generators_stream_and_functions_modules_classes_show_help_as_in_streamlit(run):
    at = run("""
import math
from dataclasses import dataclass
@dataclass
class Point:
    x: int
st.write(w for w in ["a", "b"])
st.write(len, math, Point, Point(1))
""")
    assert at.markdown[0].value == "ab"
    assert [h.value for h in at.help] == ["len", "math", "Point", "Point(x=1)"]


def test_objects_with_only_the_default_repr_show_help_as_in_streamlit(run):
    # Streamlit's own e2e app st_magic.py: a bare `my_instance` line shows its help, not "<... at 0x...>".
    at = run('''
class MyClass:
    """MyClass: this help block should be printed."""
my_instance = MyClass()
my_instance
st.write("named", type("Custom", (), {"__repr__": lambda self: "Custom()"})())
''')
    assert [h.doc_string for h in at.help] == ["MyClass: this help block should be printed."]
    assert at.markdown.values == ["named `Custom()`"]
