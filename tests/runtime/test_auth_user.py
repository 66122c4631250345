"""st.user / st.login / st.logout without an identity provider: Streamlit's checks of [auth], then a clear gap."""
from __future__ import annotations

import pytest

from nbapp.testing import AppTest

FULL = ('[auth]\nredirect_uri = "http://localhost:8501/oauth2callback"\ncookie_secret = "s3cret"\n'
        'client_id = "id"\nclient_secret = "secret"\n'
        'server_metadata_url = "https://accounts.example.com/.well-known/openid-configuration"\n')


@pytest.fixture
def folder(tmp_path, monkeypatch):
    """A working folder (and home) with no secrets; ``folder(text)`` writes .streamlit/secrets.toml there."""
    monkeypatch.setenv("HOME", str(tmp_path / "home"))
    monkeypatch.chdir(tmp_path)

    def write(text: str) -> None:
        (tmp_path / ".streamlit").mkdir(exist_ok=True)
        (tmp_path / ".streamlit" / "secrets.toml").write_text(text, encoding="utf-8")

    return write


def errors(script: str) -> list[tuple[str, str]]:
    at = AppTest.from_string("import streamlit as st\n" + script).run()
    return [(e.type, e.value) for e in at.exception]


def test_without_auth_st_user_is_empty_and_has_no_is_logged_in(folder):
    at = AppTest.from_string("import streamlit as st\nst.write(st.user.to_dict())\n"
                             "st.write('is_logged_in' in st.user, len(st.user))\nst.logout()\nst.write('after')").run()
    assert not at.exception
    assert at.json[0].value == "{}"
    assert [m.value for m in at.markdown] == ["`False` `0`", "after"]
    [(kind, message)] = errors("st.user.is_logged_in")
    assert kind == "AttributeError" and message == 'st.user has no attribute "is_logged_in".'


def test_login_without_auth_names_the_secrets_file_and_how_to_configure_it(folder):
    [(kind, message)] = errors("st.login()")
    assert kind == "StreamlitAuthError"
    assert "`.streamlit/secrets.toml`" in message and "[auth]" in message and "client_id" in message


@pytest.mark.parametrize("text, missing", [
    ('[auth]\ncookie_secret = "s"\n', '"redirect_uri"'),
    ('[auth]\nredirect_uri = "r"\n', '"cookie_secret"'),
    ('[auth]\nredirect_uri = "r"\ncookie_secret = "s"\n', "default authentication provider"),
])
def test_login_names_the_missing_key(folder, text, missing):
    folder(text)
    [(kind, message)] = errors("st.login()")
    assert kind == "StreamlitAuthError" and missing in message


def test_a_named_provider_needs_its_section(folder):
    folder(FULL)
    [(_, message)] = errors('st.login("google")')
    assert 'authentication provider "google"' in message and "[auth.google]" in message
    [(_, message)] = errors('st.login("my_idp")')
    assert "underscore" in message


def test_with_auth_configured_the_user_is_logged_out_and_login_is_a_clear_gap(folder):
    folder(FULL)
    at = AppTest.from_string("import streamlit as st\nst.write(st.user.is_logged_in, st.user.to_dict())").run()
    assert not at.exception
    assert at.markdown[0].value.startswith("`False`")
    [(kind, message)] = errors("st.login()")
    assert kind == "NotSupportedError" and "OpenID Connect" in message and "not supported by nbapp yet" in message


def test_st_user_is_read_only(folder):
    [(_, message)] = errors('st.user.name = "me"')
    assert "st.user cannot be modified" in message
