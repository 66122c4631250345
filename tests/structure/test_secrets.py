"""st.secrets: secrets.toml next to the app, in the working directory and in the home folder."""
from __future__ import annotations

import os

import pytest

from nbapp.secrets import SecretNotFoundError, Secrets
from nbapp.testing import AppTest


@pytest.fixture
def folders(tmp_path, monkeypatch):
    home, work, app = tmp_path / "home", tmp_path / "work", tmp_path / "app"
    for folder in (home, work, app):
        (folder / ".streamlit").mkdir(parents=True)
    monkeypatch.setenv("HOME", str(home))
    monkeypatch.chdir(work)
    return home, work, app


def write(folder, text):
    (folder / ".streamlit" / "secrets.toml").write_text(text)


def test_app_folder_overrides_home_and_values_stay_out_of_reprs_and_errors(folders):
    home, _, app = folders
    write(home, 'api_key = "home-key"\nregion = "eu"\n[db]\nuser = "home"\n')
    write(app, 'api_key = "app-key"\n[db]\nuser = "ann"\npassword = "hunter2"\n')
    script = app / "app.py"
    script.write_text("""
import nbapp as st
st.write(st.secrets["api_key"], st.secrets.db.user, "region" in st.secrets, st.secrets.has_key("nope"))
st.text(repr(st.secrets.db))
st.write(st.secrets.db.password_typo)
""")
    at = AppTest.from_file(str(script)).run()
    assert at.markdown.values[0] == "app-key ann `True` `False`", at.markdown.values
    assert at.text[0].value == "{'user': ***, 'password': ***}"
    page = " ".join(str(n.props) for n in at._node.walk())
    assert "hunter2" not in page and "home-key" not in page
    (error,) = at.exception
    assert 'st.secrets.db has no attribute "password_typo"' in error.value and "secrets.toml" in error.value
    assert os.environ.get("api_key") == "app-key"


def test_missing_secrets_file_and_bad_toml(folders):
    _, work, _ = folders
    with pytest.raises(SecretNotFoundError, match="No secrets found") as err:
        Secrets()["x"]
    assert str(work / ".streamlit" / "secrets.toml") in str(err.value)
    write(work, 'token = "s3cret"\nbroken = \n')
    with pytest.raises(SecretNotFoundError, match="Error parsing secrets file") as err:
        Secrets()["token"]
    assert "s3cret" not in str(err.value)


def test_secrets_are_read_only_and_reload_when_the_file_changes(folders):
    _, work, _ = folders
    write(work, 'a = 1\n')
    secrets = Secrets()
    assert secrets.a == 1 and dict(secrets) == {"a": 1}
    with pytest.raises(TypeError):
        secrets["a"] = 2
    write(work, 'a = 2\nb = "x"\n')
    os.utime(work / ".streamlit" / "secrets.toml", ns=(1, 10**18))
    assert secrets.a == 2 and secrets.to_dict() == {"a": 2, "b": "x"}
