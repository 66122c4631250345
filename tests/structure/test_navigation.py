"""st.navigation / st.Page / st.switch_page / st.page_link, and a pages/ folder beside the script."""
from __future__ import annotations

import pytest

from nbapp.elements.pages import NAV_KEY
from nbapp.navigation import pages_folder_script
from nbapp.testing import AppTest


@pytest.fixture
def app_dir(tmp_path):
    (tmp_path / "pages").mkdir()
    (tmp_path / "home.py").write_text("""
import nbapp as st
st.session_state.setdefault("visits", 0)
st.session_state.visits += 1
st.title("Home")
st.write(f"visits={st.session_state.visits}")
st.page_link("pages/2_📈_Plots.py", label="See the plots")
if st.button("to settings"):
    st.switch_page("pages/settings.py")
""")
    (tmp_path / "pages" / "2_📈_Plots.py").write_text("""
import nbapp as st
st.title("Plots")
st.write(f"visits={st.session_state.visits}")
""")
    (tmp_path / "pages" / "settings.py").write_text("import streamlit as st\nst.title('Settings')\n")
    return tmp_path


def nav_app(app_dir, body):
    main = app_dir / "main.py"
    main.write_text("import nbapp as st\n" + body)
    return AppTest(main.read_text(), filename=str(main))  # as written: no pages/ folder navigation added


def test_navigation_runs_the_default_page_and_lists_every_page(app_dir):
    at = nav_app(app_dir, """
pg = st.navigation([st.Page("home.py", icon="🏠", default=True), st.Page("pages/2_📈_Plots.py"),
                    st.Page("pages/settings.py", url_path="config")])
pg.run()
""").run()
    assert at.title.values == ["Home"]
    (menu,) = at.sidebar.get("navigation")
    pages = menu.props["sections"][0][1]
    assert [(p["title"], p["icon"], p["url_path"]) for p in pages] == [
        ("home", "🏠", ""), ("Plots", "📈", "Plots"), ("settings", "", "config")]


def test_switch_page_and_page_link_keep_session_state(app_dir):
    at = nav_app(app_dir, """
st.navigation([st.Page("home.py"), st.Page("pages/2_📈_Plots.py"), st.Page("pages/settings.py")]).run()
""").run()
    assert at.get("page_link")[0].props["url_path"] == "Plots"
    at.button[0].click().run()
    assert at.title.values == ["Settings"]
    at._set(NAV_KEY, "Plots#1")  # what a click on the page link (or the menu) sends
    at.run()
    assert at.title.values == ["Plots"] and at.markdown.values == ["visits=2"]  # home ran twice: the click, then Settings
    at._set(NAV_KEY, "")
    at.run()
    assert at.markdown.values == ["visits=3"]


def test_sections_functions_and_hidden_pages(app_dir):
    at = nav_app(app_dir, """
def profile():
    st.write("profile page")
def secret():
    st.write("hidden")
pg = st.navigation({"Main": [st.Page(profile)], "More": [st.Page(secret, visibility="hidden", title="S")]},
                   position="top")
pg.run()
""").run()
    (menu,) = at.get("navigation")
    assert [s for s, _ in menu.props["sections"]] == ["Main", "More"]
    assert menu.props["sections"][1][1] == [] and menu.props["position"] == "top"
    assert at.markdown.values == ["profile page"]


@pytest.mark.parametrize("body, needle", [
    ('st.navigation([st.Page("nope.py")])', "nope.py could not be found"),
    ('st.navigation([st.Page("pages/settings.py"), st.Page("home.py"), st.Page("pages/2_📈_Plots.py", url_path="home")])',
     "two pages resolve to the URL path '/home'"),
    ('st.navigation([st.Page("home.py", default=True), st.Page("pages/settings.py", default=True)])',
     "multiple pages have default=True"),
    ('st.navigation([])', "pages is empty"),
    ('st.navigation([st.Page("home.py")], position="left")', "'left'"),
    ('st.navigation([st.Page("home.py")])\nst.switch_page("pages/unknown.py")', "no page of this app"),
    ('st.switch_page("home.py")', "this app has no pages"),
    ('st.Page("home.py", url_path="a/b")', "cannot include '/'"),
])
def test_bad_pages_say_what_to_fix(app_dir, body, needle):
    at = nav_app(app_dir, body + "\nst.write('after')").run()
    (error,) = at.exception
    assert error.type == "NbappAPIError" and needle in error.value, error.value


def test_pages_folder_becomes_navigation(app_dir):
    main = app_dir / "home.py"
    source = pages_folder_script(str(main), main.read_text())
    at = AppTest(source, filename=str(main)).run()
    assert at.title.values == ["Home"]
    pages = at.sidebar.get("navigation")[0].props["sections"][0][1]
    assert [p["title"] for p in pages] == ["home", "Plots", "settings"]
    assert pages_folder_script(str(main), "st.navigation(x)") == "st.navigation(x)"


def test_apptest_from_file_with_a_pages_folder_and_switch_page(app_dir):
    at = AppTest.from_file(str(app_dir / "home.py")).run()
    assert at.title.values == ["Home"]
    at.switch_page("pages/2_📈_Plots.py").run()
    assert at.title.values == ["Plots"]
    at = AppTest.from_file(str(app_dir / "home.py")).switch_page("pages/settings.py").run()
    assert at.title.values == ["Settings"]
    with pytest.raises(ValueError, match="no script at"):
        at.switch_page("pages/none.py")


def test_the_navigation_page_names_the_browser_tab_unless_set_page_config_does(run):
    at = run("""
def home():
    st.write("home")
def reports():
    st.write("reports")
if st.session_state.get("titled"):
    st.set_page_config(page_title="My app")
st.navigation([st.Page(home, icon="🏠"), st.Page(reports, title="Monthly reports")]).run()
""")
    config = at._app.tree.props["page_config"]
    assert config["current_page"] == {"title": "home", "icon": "🏠"} and "page_title" not in config
    at._set(NAV_KEY, "reports")  # what a click in the menu sends
    at.run()
    assert at._app.tree.props["page_config"]["current_page"] == {"title": "Monthly reports", "icon": ""}
    at.session_state["titled"] = True
    at.run()
    config = at._app.tree.props["page_config"]
    assert config["page_title"] == "My app"  # page.js: set_page_config's title wins over the page's
