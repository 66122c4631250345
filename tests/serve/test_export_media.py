"""`nbapp export --to html` freezes charts as SVG pictures and media inline, with no vega library in the page."""
from __future__ import annotations

import re

from nbapp.cli import main

APP = '''\
import numpy as np
import streamlit as st
st.line_chart({"a": [1, 3, 2, 4]})
st.image(np.full((20, 40, 3), 120, dtype=np.uint8), caption="grey")
st.audio(np.zeros(100), sample_rate=8000)
'''


def test_charts_and_media_are_pictures_in_the_exported_page(tmp_path):
    script = tmp_path / "app.py"
    script.write_text(APP, encoding="utf-8")
    assert main(["export", str(script), "--to", "html"]) == 0
    page = (tmp_path / "app.html").read_text(encoding="utf-8")
    chart = re.search(r'<div class="nbapp-chart-static"><svg .*?</svg></div>', page, re.S)
    assert chart and chart.group(0).count("<path") >= 1  # the line
    assert re.search(r'<img src="data:image/jpeg;base64,[A-Za-z0-9+/=]+"', page)
    assert "<figcaption>grey</figcaption>" in page
    assert re.search(r'<audio controls src="data:audio/wav;base64,', page)
    assert "vega-embed" not in page and len(page) < 200_000  # the picture, not the library
