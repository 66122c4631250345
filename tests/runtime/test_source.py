"""App source: `import streamlit` means nbapp inside an app; each run starts from a snapshot of the globals."""
from __future__ import annotations

import sys
import types

import pytest

from nbapp.runtime.runner import App
from nbapp.tree import Element


def texts(tree) -> list[str]:
    return [n.props["body"] for n in tree.walk() if isinstance(n, Element) and n.kind == "markdown"]


def test_import_streamlit_resolves_to_nbapp_even_when_streamlit_is_installed(monkeypatch):
    monkeypatch.setitem(sys.modules, "streamlit", types.ModuleType("streamlit"))  # a "real" streamlit
    app = App("import streamlit as st\nfrom streamlit import session_state\n"
              "st.write(st.__name__, session_state is st.session_state)", filename="<alias>")
    assert texts(app.run()) == ["nbapp `True`"]


def test_streamlit_submodules_map_to_nbapp_submodules():
    app = App("import streamlit.testing\nimport streamlit as st\nst.write(streamlit.testing.__name__)",
              filename="<alias-sub>")
    assert texts(app.run()) == ["nbapp.testing"]


def test_a_streamlit_module_nbapp_lacks_fails_with_a_clear_import_error():
    app = App("import streamlit.no_such_thing", filename="<alias-missing>")
    shown = next(n for n in app.run().walk() if n.kind == "exception")
    assert shown.props["type"] == "ImportError"
    assert "streamlit.no_such_thing is not supported by nbapp yet" in shown.props["message"]


def test_other_imports_are_untouched():
    app = App("import json\nimport nbapp as st\nst.write(json.dumps([1]))", filename="<plain>")
    assert texts(app.run()) == ["[1]"]


def test_the_app_reads_notebook_globals_but_its_assignments_do_not_leak_back():
    notebook = {"threshold": 0.5, "items": [1, 2]}
    app = App("import nbapp as st\nst.write('threshold', threshold)\nthreshold = 0.9\nresult = 'computed'",
              filename="<ns>", globals_fn=lambda: notebook)
    assert texts(app.run()) == ["threshold `0.5`"]
    assert notebook == {"threshold": 0.5, "items": [1, 2]}
    notebook["threshold"] = 0.7
    assert texts(app.run()) == ["threshold `0.7`"]


def test_each_run_starts_from_a_fresh_namespace():
    app = App("import nbapp as st\nst.write('seen' if 'counter' in globals() else 'fresh')\ncounter = 1",
              filename="<fresh>")
    assert texts(app.run()) == ["fresh"]
    assert texts(app.run()) == ["fresh"]


def test_the_script_runs_as_main_with_its_filename():
    app = App("import nbapp as st\nst.write(__name__, __file__)", filename="app.py")
    assert texts(app.run()) == ["__main__ app.py"]


def test_source_is_compiled_once_per_change():
    app = App("import nbapp as st\nst.write('v1')", filename="<once>")
    code = app._source.code
    app.set_source("import nbapp as st\nst.write('v1')")
    assert app._source.code is code
    app.set_source("import nbapp as st\nst.write('v2')")
    assert texts(app.run()) == ["v2"]


def test_from_streamlit_import_a_submodule_imports_nbapps_counterpart(monkeypatch):
    import nbapp.testing

    monkeypatch.delitem(sys.modules, "nbapp.testing.v1", raising=False)  # as in a fresh kernel
    monkeypatch.delattr(nbapp.testing, "v1", raising=False)
    app = App("from streamlit.testing import v1\nimport nbapp as st\nst.write(v1.__name__)", filename="<from>")
    assert texts(app.run()) == ["nbapp.testing.v1"]


def test_a_script_inside_nbapps_own_folder_keeps_its_frames_in_tracebacks():
    import os

    import nbapp

    path = os.path.join(os.path.dirname(nbapp.__file__), "serve", "gallery", "not_a_real_app.py")
    app = App("import nbapp as st\ndef load():\n    return 1 / 0\nload()\n", filename=path)
    shown = next(n for n in app.run().walk() if n.kind == "exception")
    trace = "".join(shown.props["traceback"])
    assert "line 4, in <module>" in trace and "return 1 / 0" in trace
    assert "runner.py" not in trace


@pytest.fixture
def fresh_streamlit_names(monkeypatch):
    """No ``streamlit*`` module bound before the test, and none the test binds left after it."""
    before = {n: m for n, m in sys.modules.items() if n == "streamlit" or n.startswith("streamlit.")}
    for name in before:
        monkeypatch.delitem(sys.modules, name)
    yield
    for name in [n for n in sys.modules if n == "streamlit" or n.startswith("streamlit.")]:
        del sys.modules[name]
    sys.modules.update(before)


def test_a_helper_module_the_app_imports_gets_nbapp_for_import_streamlit(tmp_path, monkeypatch, fresh_streamlit_names):
    # A multi-file app (Streamlit's own e2e apps import shared/data_mocks.py): helpers import streamlit too.
    from nbapp.runtime.streamlit_alias import StreamlitAlias
    from nbapp.testing import AppTest

    monkeypatch.delitem(sys.modules, "e2e_helpers", raising=False)
    monkeypatch.syspath_prepend(str(tmp_path))
    (tmp_path / "e2e_helpers.py").write_text(
        "import streamlit as st\nfrom streamlit import runtime\n"
        "from streamlit.runtime.scriptrunner import get_script_run_ctx\n\n"
        "def header(text):\n    st.header(f'{text} {runtime.exists()} {get_script_run_ctx() is not None}')\n")
    (tmp_path / "app.py").write_text("import streamlit as st\nfrom e2e_helpers import header\nheader('hi')\n")
    at = AppTest.from_file(str(tmp_path / "app.py")).run()
    assert not at.exception and at.header.values == ["hi True True"]
    assert sys.modules["e2e_helpers"].st is sys.modules["nbapp"]
    assert sys.modules["nbapp"].__spec__.name == "nbapp"  # nbapp's own spec survives the alias
    assert StreamlitAlias().find_spec("streamlit") is None  # outside a run: the real package, if any

    # A streamlit.x nbapp lacks is absent, for a find_spec probe (Streamlit's lazy_loaded_modules.py) and an import.
    (tmp_path / "e2e_helpers2.py").write_text(
        "import importlib.util\nPROBE = importlib.util.find_spec('streamlit.emojis')\n"
        "import streamlit.no_such_helper_module\n")
    monkeypatch.delitem(sys.modules, "e2e_helpers2", raising=False)
    at = AppTest.from_string("import streamlit as st\ntry:\n    import e2e_helpers2\n"
                             "except ModuleNotFoundError as err:\n    st.write(err.name)\n").run()
    assert at.markdown.values == ["streamlit.no_such_helper_module"]
