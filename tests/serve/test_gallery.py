"""`nbapp hello`'s gallery: it opens on the tour, and the light demos run without an error (the rest: tests/demos)."""
from __future__ import annotations

import pytest

from nbapp.serve.gallery import GALLERY
from nbapp.testing import AppTest


def test_the_gallery_opens_on_hello():
    at = AppTest.from_file(str(GALLERY), default_timeout=60).run()
    assert not at.exception
    assert at.title[0].value == "Welcome to nbapp 👋"
    assert "25 squared is 625" in [m.value for m in at.markdown]


@pytest.mark.parametrize("page, title", [("demos/pipeline.py", "Cached pipeline 🧪"),
                                         ("demos/chat.py", "Offline chat 💬")])
def test_every_light_demo_runs(page, title):
    at = AppTest.from_file(str(GALLERY), default_timeout=60).run()
    at.switch_page(page).run()
    assert not at.exception
    assert at.title[0].value == title
