"""Where element calls land: ``with`` blocks, placeholders and element handles."""
from __future__ import annotations

from nbapp.testing import AppTest


def test_inside_with_st_empty_each_element_replaces_the_last():
    at = AppTest.from_string("""
        import nbapp as st
        with st.empty():
            for second in range(3):
                st.write(f"{second} seconds have passed")
            st.write("one minute over")
        st.write("below")
    """).run()
    assert at.markdown.values == ["one minute over", "below"]


def test_with_an_element_handle_replaces_that_element():
    at = AppTest.from_string("""
        import nbapp as st
        status = st.text("working")
        st.text("after")
        with status:
            st.text("done")
    """).run()
    assert at.text.values == ["done", "after"]


def test_a_container_inside_with_st_empty_fills_the_placeholder():
    at = AppTest.from_string("""
        import nbapp as st
        with st.empty():
            st.write("first")
            with st.container():
                st.write("a")
                st.write("b")
    """).run()
    assert at.markdown.values == ["a", "b"]


def test_st_container_is_the_command_and_no_submodule_shadows_a_command():
    import importlib
    import pkgutil

    import nbapp
    from nbapp.elements.registry import COMMANDS

    importlib.import_module("nbapp.delta_generator")
    submodules = {m.name for m in pkgutil.iter_modules(nbapp.__path__)}
    assert submodules & set(COMMANDS) == set()
    assert nbapp.container.__name__ == "container" and callable(nbapp.container)
