"""st.connection("sql"): SQLAlchemy over a real SQLite file, configured by arguments or secrets."""
from __future__ import annotations

import sqlite3

import pytest

from nbapp.testing import AppTest

pytest.importorskip("sqlalchemy")
# Imported here, not in the first app run: AppTest's 3 s run timeout counted the first query's lazy
# imports (SQLite's dialect, pandas' SQL reader), which took longer than that on a loaded machine.
import pandas.io.sql  # noqa: E402,F401
import sqlalchemy.dialects.sqlite  # noqa: E402,F401


@pytest.fixture
def shop(tmp_path, monkeypatch):
    monkeypatch.setenv("HOME", str(tmp_path / "home"))
    monkeypatch.chdir(tmp_path)
    db = tmp_path / "shop.db"
    with sqlite3.connect(db) as raw:
        raw.execute("create table orders (id integer, owner text, total real)")
        raw.executemany("insert into orders values (?, ?, ?)", [(1, "ann", 12.5), (2, "bob", 3.0), (3, "ann", 40.0)])
    return db


def test_query_with_params_reads_the_file_and_is_cached(shop):
    at = AppTest.from_string(f"""
import nbapp as st
conn = st.connection("sql", url="sqlite:///{shop}")
df = conn.query("select id, total from orders where owner = :owner order by id", params={{"owner": "ann"}}, ttl=60)
st.write(f"rows={{len(df)}} total={{df.total.sum()}} driver={{conn.driver}}")
""").run()
    assert at.markdown.values == ["rows=2 total=52.5 driver=pysqlite"]
    with sqlite3.connect(shop) as raw:
        raw.execute("insert into orders values (4, 'ann', 100.0)")
    at.run()  # the cached result (ttl=60) is reused
    assert at.markdown.values == ["rows=2 total=52.5 driver=pysqlite"]


def test_configuration_from_secrets_and_session_writes(shop, tmp_path):
    (tmp_path / ".streamlit").mkdir()
    (tmp_path / ".streamlit" / "secrets.toml").write_text(f'[connections.shop]\ntype = "sql"\nurl = "sqlite:///{shop}"\n')
    at = AppTest.from_string("""
import nbapp as st
from sqlalchemy import text
conn = st.connection("shop")
with conn.session as s:
    s.execute(text("insert into orders values (9, 'cy', 1.0)"))
    s.commit()
st.write(str(conn.query("select count(*) as n from orders", ttl=0.001).n[0]))
""").run()
    assert at.exception == [] and at.markdown.values == ["4"]


@pytest.mark.parametrize("call, needles", [
    ('st.connection("sql")', ["missing SQL DB connection configuration", "url="]),
    ('st.connection("sql", url="nosuchdialect://x:pw123@h/db")', ["cannot use nosuchdialect://x:***@h/db", "Fix the url"]),
    ('st.connection("mystery")', ["no connection type", "[connections.mystery]"]),
    ('st.connection("sql", url="sqlite:////nonexistent/dir/x.db").query("select 1")',
     ["the query failed", "unable to open database file"]),
])
def test_bad_connections_say_what_to_fix(tmp_path, monkeypatch, call, needles):
    monkeypatch.chdir(tmp_path)
    at = AppTest.from_string(f"import nbapp as st\n{call}\nst.write('still alive')").run()
    (error,) = at.exception
    for needle in needles:
        assert needle in error.value, error.value
    assert "pw123" not in error.value
