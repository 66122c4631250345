"""Streamlit's magic: bare expressions are written, calls, docstrings, yield and await are not."""
from __future__ import annotations

import pytest

from nbapp import config
from nbapp.testing import AppTest

SCRIPT = '''"""The app's docstring: not shown."""
from __future__ import annotations
import nbapp as st
import pandas as pd
"## Hello"
frame = pd.DataFrame({"a": [1, 2]})
frame
x = 3
x, "is three"
def f():
    """f's docstring"""
    "inside f"
    return 1
f()
class C:
    "the class body runs once: not shown"
    def m(self):
        "m's docstring"
        "inside m"
C().m()
for i in range(2):
    i
with st.sidebar:
    "in the sidebar"
try:
    "in try"
except Exception:
    "never"
def gen():
    yield "not written"
list(gen())
st.write("a call")
'''


def bodies(block) -> list[str]:
    return [c.props.get("body", c.kind) for c in block.children]


def test_bare_expressions_are_written_where_streamlit_writes_them():
    at = AppTest.from_string(SCRIPT).run()
    assert at.exception == []
    assert bodies(at.main) == ["## Hello", "dataframe", "`3` is three", "inside f", "inside m", "`0`", "`1`",
                               "in try", "a call"]
    assert bodies(at.sidebar) == ["in the sidebar"]


def test_magic_follows_the_config_options(monkeypatch):
    monkeypatch.setitem(config.DEFAULTS, "magic.displayRootDocString", True)
    monkeypatch.setitem(config.DEFAULTS, "magic.displayLastExprIfNoSemicolon", True)
    shown = AppTest.from_string('"Docstring"\nimport nbapp as st\nlen("four")').run()
    assert bodies(shown.main) == ["Docstring", "`4`"]
    hushed = AppTest.from_string('import nbapp as st\nlen("four");').run()
    assert bodies(hushed.main) == []
    monkeypatch.setitem(config.DEFAULTS, "runner.magicEnabled", False)
    assert bodies(AppTest.from_string('import nbapp as st\n"## Hello"').run().main) == []


@pytest.mark.parametrize("source", ['"""only a docstring"""', "", "from __future__ import annotations\n1"])
def test_scripts_of_any_shape_still_compile(source):
    assert AppTest.from_string(source).run().exception == []
