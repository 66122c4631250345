"""st.query_params (dict-like, two-way) and st.context, as an app sees them."""
from __future__ import annotations

import pytest

from nbapp.runtime.query_params import QueryParams
from nbapp.errors import NbappAPIError
from nbapp.testing import AppTest

APP = """
import nbapp as st
x = int(st.query_params.get("x", "1"))
n = st.number_input("n", value=x)
st.write(f"x={x} tags={st.query_params.get_all('tag')}")
if st.button("save"):
    st.query_params["x"] = n
    st.query_params.tag = ["a", "b"]
if st.button("clear"):
    st.query_params.clear()
"""


def test_query_params_from_the_url_set_a_widget():
    at = AppTest.from_string(APP)
    at.query_params.set_query_string("x=5&tag=p&tag=q")  # what a page at ?x=5&tag=p&tag=q reports
    at.run()
    assert at.number_input[0].value == 5
    assert at.markdown.values == ["x=5 tags=['p', 'q']"]


def test_the_app_sets_and_clears_query_params():
    at = AppTest.from_string(APP).run()
    at.number_input[0].set_value(7).run()
    at.button[0].click().run()
    assert at.query_params.to_dict() == {"x": "7", "tag": "b"}
    assert at.query_params.query_string() == "x=7&tag=a&tag=b"
    at.button[1].click().run()
    assert at.query_params.query_string() == ""


def test_mapping_semantics():
    qp = QueryParams()
    qp.from_dict({"a": 1, "b": ["x", "y"]})
    assert qp["a"] == "1" and qp.b == "y" and qp.get_all("b") == ["x", "y"] and len(qp) == 2
    qp.update(c="3")
    del qp["a"]
    assert qp.to_dict() == {"b": "y", "c": "3"}
    with pytest.raises(KeyError, match='st.query_params has no key "zzz"'):
        qp["zzz"]
    with pytest.raises(AttributeError, match="zzz"):
        qp.zzz
    with pytest.raises(NbappAPIError, match="cannot be a dict"):
        qp["d"] = {"no": 1}
    qp.set_query_string("embed=true&k=v")
    assert list(qp) == ["k"] and qp.get_all("embed") == []


def test_context_before_and_after_the_page_reports(run):
    at = AppTest.from_string("""
import nbapp as st
st.write(f"{st.context.locale} {st.context.timezone} {st.context.theme.type} {st.context.url}")
st.write(f"{st.context.cookies.to_dict()} {st.context.headers.get('user-agent')} {st.context.ip_address}")
""").run()
    assert at.markdown.values[0] == "None None None None"
    at._app.page_info = {"served": True, "url": "http://127.0.0.1:8501/?x=1", "locale": "de-DE",
                         "timezone": "Europe/Berlin", "theme": "dark", "cookies": "a=1; b=two",
                         "user_agent": "Chromium"}
    at.run()
    assert at.markdown.values == ["de-DE Europe/Berlin dark http://127.0.0.1:8501/?x=1",
                                  "{'a': '1', 'b': 'two'} Chromium None"]
    assert at._app.context_read


@pytest.mark.parametrize("info, shown", [
    ({"served": True, "ip": "10.1.2.3"}, "10.1.2.3"),
    ({"served": True, "ip": "2001:db8::7"}, "2001:db8::7"),
    ({"served": True, "ip": "127.0.0.1"}, "None"),  # Streamlit: None on localhost
    ({"served": True, "ip": "::1"}, "None"),
    ({"served": False, "ip": "10.1.2.3"}, "None"),  # a notebook's page is not the app's connection
    ({"served": True}, "None"),
])
def test_ip_address_is_the_served_pages_connection_as_streamlit_reports_it(info, shown):
    at = AppTest.from_string("import nbapp as st\nst.write(str(st.context.ip_address))")
    at._app.page_info = info
    assert at.run().markdown.values == [shown]
