"""notebooks/ holds each gallery demo as a script and a notebook, identical to the packaged demo."""
from __future__ import annotations

from pathlib import Path

import nbformat
import pytest

from nbapp.serve.gallery import DEMO_DIR, NOTEBOOK_DEMOS
from nbapp.serve.notebooks import is_app_cell, notebook_to_script

NOTEBOOKS = Path(__file__).resolve().parents[2] / "notebooks"
HOW = "run `python3 scripts/sync_demos.py` after editing a demo in nbapp/serve/gallery/demos"


@pytest.mark.parametrize("name", NOTEBOOK_DEMOS)
def test_script_and_notebook_match_the_packaged_demo(name):
    demo = (DEMO_DIR / f"{name}.py").read_text(encoding="utf-8")
    assert (NOTEBOOKS / f"{name}.py").read_text(encoding="utf-8") == demo, HOW
    nb = nbformat.read(str(NOTEBOOKS / f"{name}.ipynb"), as_version=4)
    assert [c.source for c in nb.cells if c.cell_type == "code" and not is_app_cell(c)] == ["%load_ext nbapp"]
    assert notebook_to_script(nb) == demo, HOW
    assert all(not c.get("outputs") for c in nb.cells), "commit notebooks without outputs"
