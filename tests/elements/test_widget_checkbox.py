"""checkbox and toggle."""
from __future__ import annotations

import pytest


@pytest.mark.parametrize("kind", ["checkbox", "toggle"])
def test_ticking_and_unticking_returns_true_then_false(kind, run):
    at = run(f"st.text(str(st.{kind}('On', value=True)))")
    assert at.text[0].value == "True"
    at.get(kind)[0].uncheck().run()
    assert at.text[0].value == "False"
    at.get(kind)[0].check().run()
    assert at.text[0].value == "True"


@pytest.mark.parametrize("kind", ["checkbox", "toggle"])
def test_a_value_that_is_not_a_bool_is_an_error(kind, run):
    assert run(f"st.{kind}('On', value='yes')").exception[0].value == (
        f"st.{kind}('On'): value must be True or False, got 'yes' (str).")


def test_numpy_bools_are_accepted(run):
    assert run("st.text(str(st.checkbox('On', value=np.bool_(True))))").text[0].value == "True"


def test_browser_values_that_are_not_bools_warn_and_keep_the_default(run):
    meta = run("st.toggle('On', key='t')").session_state.widget("t")
    assert meta.deserialize(True) is True
    with pytest.warns(RuntimeWarning, match=r"st.toggle\('On'\): value 'on' from the browser is not True or False"):
        assert meta.deserialize("on") is False
