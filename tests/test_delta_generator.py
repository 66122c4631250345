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


def test_a_container_used_as_a_widget_key_gives_each_tab_its_own_widget():
    # Streamlit's own e2e app st_tabs_selection.py passes key=tab: a container's repr says where it is.
    at = AppTest.from_string("""
        import streamlit as st
        tabs = st.tabs(["A", "B"])
        for i, tab in enumerate(tabs):
            with tab:
                st.slider(f"Slider {i}", 0, 10, 5, key=tab)
        st.text(repr(tabs[1]))
    """).run()
    assert not at.exception
    assert at.text.values == ["<nbapp DeltaGenerator tab at main/0/1>"]
    at.slider[1].set_value(7).run()
    assert [s.value for s in at.slider] == [5, 7]
