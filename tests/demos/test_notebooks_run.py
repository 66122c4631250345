"""CI runs every notebook in notebooks/ top to bottom in a real kernel (nbclient) and reads what it shows.

What it shows is the page a browser would draw from the kernel's widgets, as `nbapp export`
freezes it: the test asserts titles, counters and the number of search hits in that HTML.
"""
from __future__ import annotations

import html
import re
from pathlib import Path

import nbformat
import pytest
from nbclient import NotebookClient

from nbapp.serve.export import StaticPage

NOTEBOOKS = Path(__file__).resolve().parents[2] / "notebooks"
# A first run still drawing after 3 s (a spinner over a slow step on a busy machine) lets its cell
# return, as a live app does, and its later draws reach the browser from event-loop callbacks that
# carry no cell's header: a browser draws them, but nbclient records only a cell's messages. This
# last cell waits (yielding to the kernel's loop, which draws) until every app's first run is done,
# then sends every widget's whole state again under its own header, so nbclient sees the page.
SETTLE = """\
import asyncio, time
from ipywidgets.widgets.widget import _instances
from nbapp.jupyter.magic import _APPS
deadline = time.monotonic() + {timeout}
while not all(a._first_run_done.is_set() for a in _APPS.values()) and time.monotonic() < deadline:
    await asyncio.sleep(0.1)
await asyncio.sleep(0.5)
for widget in list(_instances.values()):
    widget.send_state()
"""


def shown(name: str, timeout: float = 120) -> str:
    """Execute notebooks/NAME.ipynb and return the text of its apps as a browser would show it."""
    nb = nbformat.read(str(NOTEBOOKS / f"{name}.ipynb"), as_version=4)
    for cell in nb.cells:
        if cell.source.startswith("%%app"):
            cell.metadata["nbapp"] = {"role": "app"}  # what `nbapp run` marks: StaticPage draws those cells
    nb.cells.append(nbformat.v4.new_code_cell(SETTLE.format(timeout=timeout)))
    NotebookClient(nb, timeout=timeout, kernel_name="python3", store_widget_state=True,
                   resources={"metadata": {"path": str(NOTEBOOKS)}}).execute()
    errors = [o for c in nb.cells for o in c.get("outputs", ()) if o.get("output_type") == "error"]
    assert not errors, errors
    page = StaticPage(nb).html()
    body = page.split("<body>", 1)[1]
    text = html.unescape(re.sub(r"<[^>]+>", " ", re.sub(r"<style>.*?</style>", "", body, flags=re.S)))
    return " ".join(text.split())


def test_hello():
    text = shown("hello")
    assert "Welcome to nbapp 👋" in text
    assert "Hello, world!" in text
    assert "25 squared is 625" in text


def test_pipeline_shows_its_recomputation_counters(tmp_path, monkeypatch):
    monkeypatch.setenv("NBAPP_CACHE_DIR", str(tmp_path))  # its own: the counters of a kernel with no stored results
    text = shown("pipeline")
    assert "Cached pipeline 🧪" in text
    assert re.search(r"load_metadata recomputations 1 \W* ?recomputed now", text), text
    assert re.search(r"create_summary recomputations 1 \W* ?recomputed now", text), text
    assert "Wine recognition dataset, one of the data sets that ship with scikit-learn." in text
    assert "178 rows, 13 features, 3 classes." in text


def test_chat_greets():
    text = shown("chat")
    assert "Offline chat 💬" in text
    assert "Hi! Ask me anything about nbapp." in text
    assert "1 message in this conversation." in text


@pytest.mark.slow
def test_semantic_search_shows_ranked_hits():
    pytest.importorskip("sentence_transformers")
    text = shown("semantic_search", timeout=300)
    assert "Semantic search 🔎" in text
    found = re.search(r"(\d+) hits out of (\d+) docstrings from (\d+) modules", text)
    assert found and found.group(1) == "5" and int(found.group(2)) > 500, text
    hits = re.findall(r"(\d+)\. (\S+) · similarity (0\.\d\d)", text)
    assert [int(rank) for rank, _, _ in hits] == [1, 2, 3, 4, 5]
    scores = [float(s) for _, _, s in hits]
    assert scores == sorted(scores, reverse=True)
    assert any(name.startswith(("io.", "inspect.", "tokenize.", "linecache.")) for _, name, _ in hits), hits


@pytest.mark.slow
def test_latent_explorer(needs):
    pytest.importorskip("torch")
    needs("image")
    text = shown("latent_explorer")
    assert "Latent explorer 🎛️" in text
    assert "Generated digit" in text
    assert re.search(r"Trained on first run for [\d.]+ s on (cpu|cuda)", text), text
