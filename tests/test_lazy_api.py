"""``import nbapp`` is lazy (PEP 562): the API loads on first use, and then it is exactly what it was."""
from __future__ import annotations

import subprocess
import sys
import types
from pathlib import Path

import pytest

import nbapp
from nbapp.elements.registry import COMMANDS
from nbapp.errors import NotSupportedError
from nbapp.names import STREAMLIT_NAMES

REPO = Path(__file__).resolve().parents[1]


def fresh(code: str) -> str:
    """Run ``code`` in a new interpreter (nothing of nbapp imported yet); return its stdout."""
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=REPO, timeout=120)
    assert done.returncode == 0, done.stderr
    return done.stdout.strip()


def test_import_nbapp_alone_loads_no_api():
    out = fresh("import sys, nbapp\nv = nbapp.__version__\n"
                "print(sorted(m for m in sys.modules if m.startswith('nbapp')), "
                "[m for m in ('numpy', 'joblib', 'ipywidgets', 'IPython') if m in sys.modules], v)")
    assert out == f"['nbapp', 'nbapp.errors', 'nbapp.names'] [] {nbapp.__version__}"


def test_the_first_name_loads_the_whole_api_and_binds_it_on_the_package():
    out = fresh("import sys, nbapp as st\nslider = st.slider\n"
                "print('nbapp.api' in sys.modules, 'nbapp.elements' in sys.modules, "
                "vars(st)['slider'] == slider, vars(st)['write'] == st.write, st.sidebar.__class__.__name__)")
    assert out == "True True True True DeltaGenerator"


@pytest.mark.parametrize("first", ["st.session_state", "st.cache_data", "st.column_config.NumberColumn",
                                   "st.components.v1.html", "st.load_ipython_extension", "dir(st)"])
def test_any_first_access_gives_the_full_api(first):
    out = fresh(f"import nbapp as st\n{first}\nprint(all(name in vars(st) for name in {sorted(COMMANDS)!r}))")
    assert out == "True"


def test_from_imports_and_star_import_see_the_api():
    out = fresh("from nbapp import slider, sidebar, session_state, cache_data, column_config\n"
                "print(slider.__name__, type(sidebar).__name__, type(session_state).__name__, "
                "callable(cache_data), column_config.__name__)")
    assert out == "slider DeltaGenerator _SessionStateProxy True nbapp.column_config"
    # `import *` first: it reads __all__, which loads the API; then it takes every public name.
    assert fresh("from nbapp import *\nprint(callable(write), type(secrets).__name__, type(sidebar).__name__)") \
        == "True Secrets DeltaGenerator"


def test_a_streamlit_name_nbapp_lacks_raises_not_supported_and_a_typo_attribute_error():
    lacking = sorted(STREAMLIT_NAMES - set(dir(nbapp)))
    assert lacking  # otherwise this test checks nothing
    with pytest.raises(NotSupportedError, match=f"st.{lacking[0]} is not supported by nbapp yet"):
        getattr(nbapp, lacking[0])
    with pytest.raises(AttributeError, match="no attribute 'no_such_command'") as err:
        nbapp.no_such_command
    assert not isinstance(err.value, NotSupportedError)
    assert not hasattr(nbapp, lacking[0])
    out = fresh(f"import nbapp as st\ntry:\n    st.{lacking[0]}\nexcept Exception as e:\n    print(type(e).__name__)")
    assert out == "NotSupportedError"  # the first access too


def test_names_the_api_gives_to_something_else_than_the_submodule_are_those_the_package_guards():
    shadowed = {name for name, value in vars(nbapp).items()
                if isinstance(sys.modules.get(f"nbapp.{name}"), types.ModuleType) and value is not sys.modules[f"nbapp.{name}"]}
    assert shadowed == nbapp._API_OVER_SUBMODULES == {"navigation", "secrets"}


def test_importing_a_guarded_submodule_first_still_gives_the_api_names():
    out = fresh("import sys, nbapp.secrets, nbapp.navigation\nimport nbapp as st\n"
                "print('nbapp.api' in sys.modules, type(st.secrets).__name__, st.navigation.__name__)")
    assert out == "False Secrets navigation"


def test_nbapps_own_modules_import_without_the_api():
    out = fresh("import sys\nfrom nbapp import config, tree\nimport nbapp.runtime.source\n"
                "print('nbapp.api' in sys.modules, config.__name__, tree.__name__)")
    assert out == "False nbapp.config nbapp.tree"


def test_import_streamlit_in_an_app_is_nbapp_with_the_api_loaded_on_first_use():
    out = fresh("from nbapp.testing import AppTest\n"
                "at = AppTest.from_string('import streamlit as st\\nfrom streamlit import slider\\n"
                "st.write(st.navigation.__name__, type(st.secrets).__name__, slider(\"x\", 0, 9, 3))').run()\n"
                "print(at.markdown[0].value)")
    assert out == "navigation Secrets `3`"  # AppTest imported the module nbapp.navigation before the API


def test_a_lookup_costs_what_it_cost_before():
    # Loaded, the package is a plain module again, as it always was, and st.write an entry of its
    # __dict__: the lookup is the one it was (~21 ns; a module with a __getattr__ is not specialized).
    assert type(nbapp) is types.ModuleType
    assert vars(nbapp)["write"] == nbapp.write
    assert fresh("import sys, nbapp as st\nprint(type(st) is not type(sys), st.write is not None, type(st) is type(sys))")\
        == "True True True"
