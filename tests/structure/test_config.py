"""st.get_option / st.set_option and .streamlit/config.toml (theme colours applied to the app)."""
from __future__ import annotations

import pytest

from nbapp import config
from nbapp.errors import NbappAPIError
from nbapp.testing import AppTest


@pytest.fixture
def project(tmp_path, monkeypatch):
    monkeypatch.setenv("HOME", str(tmp_path / "home"))
    monkeypatch.chdir(tmp_path)
    (tmp_path / ".streamlit").mkdir()
    monkeypatch.setattr(config, "_set", {})
    return tmp_path


def test_get_option_reads_config_toml_then_defaults(project):
    (project / ".streamlit" / "config.toml").write_text(
        '[theme]\nbase = "dark"\nprimaryColor = "#1f77b4"\nfont = "serif"\n[client]\ntoolbarMode = "minimal"\n')
    at = AppTest.from_string("""
import nbapp as st
st.write(st.get_option("theme.primaryColor"), st.get_option("client.toolbarMode"), st.get_option("server.port"))
st.set_option("client.showErrorDetails", "none")
st.write(st.get_option("client.showErrorDetails"))
""").run()
    assert at.markdown.values == ["#1f77b4 minimal `8501`", "none"]
    css = config.theme_css()
    assert "--nbapp-accent: #1f77b4;" in css and "font-family: serif" in css


def test_unknown_and_unscriptable_options(project):
    with pytest.raises(RuntimeError, match='Config key "nope.x" not defined.'):
        config.get_option("nope.x")
    with pytest.raises(NbappAPIError, match="theme.primaryColor cannot be set on the fly"):
        config.set_option("theme.primaryColor", "red")
    with pytest.raises(NbappAPIError, match="unrecognized config option"):
        config.set_option("bad.key", 1)


def test_theme_css_keeps_markup_out(project):
    (project / ".streamlit" / "config.toml").write_text('[theme]\ntextColor = "red;}</style><script>"\n')
    assert config.theme_css() == ".nbapp-app { --nbapp-fg: red/stylescript; }"


def test_every_streamlit_option_reads_its_default(project):
    # Streamlit's own e2e app config_static_serving.py branches on a server option.
    at = AppTest.from_string("""
import streamlit as st
if not st.get_option("server.enableStaticServing"):
    st.error("static serving is off")
st.write(st.get_option("server.fileWatcherType"), st.get_option("theme.dark.sidebar.primaryColor"))
""").run()
    assert not at.exception
    assert at.error.values == ["static serving is off"]
    assert at.markdown.values == ["auto `None`"]
    with pytest.raises(RuntimeError, match='Config key "theme.sidebar.nope" not defined.'):
        config.get_option("theme.sidebar.nope")
