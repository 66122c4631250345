"""radio, selectbox and multiselect: options of any type, empty states, errors, browser values."""
from __future__ import annotations

import pytest


def test_options_of_any_type_are_shown_with_format_func_and_returned_as_themselves(run):
    at = run("""
models = [{"name": "resnet", "depth": 50}, {"name": "vit", "depth": 12}]
m = st.radio("Model", models, format_func=lambda m: m["name"].upper())
st.text(repr(m))
""")
    assert at.radio[0].options == ["RESNET", "VIT"]
    assert at.text[0].value == repr({"name": "resnet", "depth": 50})
    at.radio[0].set_value({"name": "vit", "depth": 12}).run()
    assert at.text[0].value == repr({"name": "vit", "depth": 12})


@pytest.mark.parametrize("options, expected", [
    ("{'a': 1, 'b': 2}", ["a", "b"]),
    ("pd.DataFrame({'col': ['x', 'y'], 'other': [1, 2]})", ["x", "y"]),
    ("pd.Series([3, 4])", ["3", "4"]),
    ("np.array([1.5, 2.5])", ["1.5", "2.5"]),
    ("(c for c in 'pq')", ["p", "q"]),
])
def test_options_can_be_dicts_dataframes_series_arrays_and_iterables(options, expected, run):
    at = run(f"st.selectbox('s', {options})")
    assert at.selectbox[0].options == expected


def test_options_rebuilt_every_run_keep_the_selection_by_label(run):
    at = run("""
class Choice:  # no __eq__: a new object every run
    def __init__(self, name): self.name = name
    def __str__(self): return self.name
c = st.selectbox("c", [Choice("a"), Choice("b")], key="k")
st.text(str(c))
""")
    at.run()  # the stored Choice("a") is not == the new Choice("a"): found by its label
    assert at.text[0].value == "a" and not at.exception


@pytest.mark.parametrize("kind", ["radio", "selectbox"])
def test_index_none_starts_empty_and_returns_none(kind, run):
    at = run(f"v = st.{kind}('Pick', ['a', 'b'], index=None)\nst.text(repr(v))")
    assert at.text[0].value == "None"
    at.get(kind)[0].select("b").run()
    assert at.text[0].value == "'b'"


@pytest.mark.parametrize("kind", ["radio", "selectbox"])
def test_no_options_return_none(kind, run):
    assert run(f"st.text(repr(st.{kind}('Pick', [])))").text[0].value == "None"


def test_selectbox_placeholder_and_radio_layout_reach_the_element(run):
    at = run("st.selectbox('s', ['a'], index=None, placeholder='Pick a model')\n"
             "st.radio('r', ['a', 'b'], horizontal=True, captions=['first', 'second'])")
    assert at.selectbox[0].placeholder == "Pick a model" and at.selectbox[0].nullable is True
    assert at.radio[0].horizontal is True and at.radio[0].captions == ["first", "second"]


def test_options_become_plain_python_values_as_streamlit_reads_them(run):
    # Streamlit's own e2e app st_select_slider.py passes np.array options and gets Python ints back.
    at = run("""
import enum
class Size(str, enum.Enum):
    S = "small"
class Level(enum.Enum):
    LOW = 1
a = np.array([1, 2, 3])
out = [st.select_slider("ss", a), st.select_slider("range", a, value=(1, 3)), st.selectbox("sb", a),
       st.multiselect("m", a, default=[2]), st.pills("p", a, default=2), st.radio("grid", np.array([[7, 8], [9, 0]])),
       st.selectbox("str", "abc"), st.selectbox("int", 5), st.selectbox("none", None), st.selectbox("senum", Size),
       st.selectbox("enum", Level), st.radio("series", pd.Series([1.5]))]
st.session_state["out"] = [(type(v).__name__, v) for v in out]
""")
    assert not at.exception
    assert at.session_state["out"] == [("int", 1), ("tuple", (1, 3)), ("int", 1), ("list", [2]), ("int", 2),
                                       ("int", 7), ("str", "abc"), ("int", 5), ("NoneType", None),
                                       ("str", "small"), ("Level", at.session_state["out"][10][1]), ("float", 1.5)]
    assert at.session_state["out"][10][1].name == "LOW"
    assert at.radio[0].options == ["7", "9"]


@pytest.mark.parametrize("call, message", [
    ("st.radio('R', ['a', 'b'], index=2)", "st.radio('R'): index 2 is out of range: there are 2 options (valid: 0..1 or None)."),
    ("st.selectbox('S', ['a'], index='0')", "st.selectbox('S'): index must be an int or None, got '0' (str)."),
    ("st.selectbox('S', ['a'], index=True)", "st.selectbox('S'): index must be an int or None, got True (bool)."),
    ("st.radio('R', b'ab')", "st.radio('R'): options must be a list (or any iterable) of choices, got b'ab'."),
    ("st.radio('R', ['a'], format_func='upper')", "st.radio('R'): format_func must be a function of one option, got 'upper'."),
    ("st.radio('R', ['a'], captions='c')", "st.radio('R'): captions must be a list of str (one per option), got 'c'."),
    ("st.radio('R', ['a'], horizontal='yes')", "st.radio('R'): horizontal must be True or False, got 'yes' (str)."),
    ("st.selectbox('S', ['a'], placeholder=3)", "st.selectbox('S'): placeholder must be a str or None, got 3 (int)."),
    ("st.multiselect('M', ['a', 'b'], default=['c'])", "st.multiselect('M'): default value 'c' is not one of the options ('a', 'b')."),
    ("st.multiselect('M', ['a', 'b'], default=['a', 'b'], max_selections=1)",
     "st.multiselect('M'): default has 2 values but max_selections is 1: pass fewer defaults or raise max_selections."),
    ("st.multiselect('M', ['a'], max_selections=0)", "st.multiselect('M'): max_selections must be a positive int or None, got 0."),
])
def test_bad_arguments_raise_errors_naming_function_argument_and_value(call, message, run):
    at = run(call)
    assert at.exception[0].type == "NbappAPIError"
    assert at.exception[0].value == message


@pytest.mark.parametrize("kind", ["radio", "selectbox", "multiselect"])
def test_a_session_state_value_that_is_not_an_option_is_an_error(kind, run):
    at = run(f"st.session_state.k = {['zzz'] if kind == 'multiselect' else 'zzz'!r}\nst.{kind}('Pick', ['a', 'b'], key='k')")
    assert at.exception[0].value == f"st.{kind}('Pick'): the widget's value 'zzz' is not one of the options ('a', 'b')."


def test_multiselect_takes_one_default_or_many_and_returns_the_choices_in_order(run):
    at = run("v = st.multiselect('M', ['a', 'b', 'c'], default='b')\nst.text(repr(v))")
    assert at.text[0].value == "['b']"
    at.multiselect[0].select("a").run()
    assert at.text[0].value == "['b', 'a']"
    at.multiselect[0].unselect("b").run()
    assert at.text[0].value == "['a']"
    at = run("st.text(repr(st.multiselect('M', ['a', 'b', 'c'], default=np.array(['c', 'a']))))")
    assert at.text[0].value == "['c', 'a']"


def test_browser_indices_map_to_options_and_bad_ones_warn_and_keep_the_default(run):
    at = run("st.radio('R', ['a', 'b'], key='r')\nst.selectbox('S', [1, 2], index=None, key='s')\n"
             "st.multiselect('M', ['x', 'y', 'z'], default='y', max_selections=2, key='m')")
    radio, select, multi = (at.session_state.widget(k) for k in "rsm")
    assert radio.deserialize(1) == "b"
    assert select.deserialize(None) is None and select.deserialize(0) == 1
    assert multi.deserialize([2, 0]) == ["z", "x"]
    with pytest.warns(RuntimeWarning, match=r"st.radio\('R'\): value 7 from the browser is not an option index"):
        assert radio.deserialize(7) == "a"
    with pytest.warns(RuntimeWarning, match="is not an option index"):
        assert select.deserialize("1") is None
    with pytest.warns(RuntimeWarning, match="is not a list of option indices"):
        assert multi.deserialize([0, 9]) == ["y"]
    with pytest.warns(RuntimeWarning, match="has more than max_selections=2; kept the first 2"):
        assert multi.deserialize([0, 1, 2]) == ["x", "y"]


def test_selectbox_and_multiselect_accept_new_options(run):
    at = run("a = st.selectbox('Pick', ['x', 'y'], accept_new_options=True)\n"
             "b = st.multiselect('Tags', ['x', 'y'], ['x'], accept_new_options=True)\nst.write(repr((a, b)))")
    at.selectbox[0].set_value("brand new")
    at.multiselect[0].select("typed").run()
    assert at.markdown[0].value == "('brand new', ['x', 'typed'])"
    at.selectbox[0].set_value("y").run()
    assert at.selectbox[0].value == "y"


def test_a_new_option_is_refused_without_accept_new_options(run):
    at = run("a = st.selectbox('Pick', ['x', 'y'])")
    import pytest
    with pytest.raises(ValueError, match="not one of the options"):
        at.selectbox[0].set_value("brand new").run()


def test_streamlit_1_67_options_are_accepted(run):
    at = run("""
st.slider('s', 0, 10, 3, width='stretch', bind=None, persist_state=None, on_change='ignore')
st.text_input('t', required=False, icon=None, validate=None, live=False, width=200)
st.button('b', icon_position='right', width='stretch', shortcut='ctrl+k', wrap=True)
st.checkbox('c', width='content', wrap=None)
st.radio('r', ['a'], width='content')
st.time_input('ti', format='12h')
st.file_uploader('f', max_upload_size=10)
st.selectbox('sb', ['a'], filter_mode=None, required=True, icon='🔥')
st.link_button('l', 'https://example.com', key='lb', on_click='ignore', width='stretch')
""")
    assert not at.exception, at.exception[0].value
