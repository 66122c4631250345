"""`nbapp hello`'s gallery: every demo runs without an error."""
from __future__ import annotations

import pytest

from nbapp.serve.gallery import GALLERY
from nbapp.testing import AppTest


def test_the_gallery_opens_on_hello():
    at = AppTest.from_file(str(GALLERY)).run()
    assert not at.exception
    assert at.title[0].value == "Welcome to nbapp 👋"
    assert "`25` squared is `625`" in [m.value for m in at.markdown]


@pytest.mark.parametrize("demo", ["Plotting", "DataFrame", "Animation"])
def test_every_demo_runs(demo):
    at = AppTest.from_file(str(GALLERY), default_timeout=30).run()
    at.sidebar.radio[0].set_value(demo).run()
    assert not at.exception
    assert at.title[0].value == demo
