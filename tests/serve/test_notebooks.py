"""App files as notebooks: what the server executes, and the conversions of `nbapp convert`."""
from __future__ import annotations

import nbformat
import pytest

from nbapp.serve.errors import UsageError
from nbapp.serve.notebooks import (
    is_app_cell,
    notebook_to_dashboard,
    notebook_to_script,
    script_to_notebook,
    served_notebook,
)

code = nbformat.v4.new_code_cell
markdown = nbformat.v4.new_markdown_cell


def notebook(*cells) -> nbformat.NotebookNode:
    return nbformat.v4.new_notebook(cells=list(cells))


def roles(nb) -> list:
    return [c.metadata.get("nbapp", {}).get("role") for c in nb.cells]


@pytest.mark.parametrize("source, expected", [
    ("%%app\nst.write(1)", True), ("  %%app named\nx", True), ("%%apple\n", False),
    ("x = 1\n%%app", False), ("%load_ext nbapp", False),
])
def test_app_cells_start_with_the_app_magic(source, expected):
    assert is_app_cell(code(source)) is expected
    assert not is_app_cell(markdown(source))


def test_a_served_script_is_one_app_cell_that_runs_it_from_the_launch_folder(tmp_path):
    script = tmp_path / "app.py"
    script.write_text("import streamlit as st\n", encoding="utf-8")
    nb = served_notebook(script, launch_dir="/work", watch=False)
    # nbapp's import comes first, outside the app cell that --timeout bounds (as a notebook's %load_ext).
    assert roles(nb) == [None, "app"] and nb.cells[0].source == "from nbapp.serve.kernel import run_script"
    assert "run_script(" in nb.cells[1].source and repr(str(script)) in nb.cells[1].source
    assert "cwd='/work'" in nb.cells[1].source and "watch=False" in nb.cells[1].source
    assert "import streamlit" not in nb.cells[1].source  # the page runs the file; it never carries its code


def test_a_served_notebook_loads_nbapp_first_and_marks_its_app_cells(tmp_path):
    path = tmp_path / "nb.ipynb"
    nbformat.write(notebook(markdown("# Hi"), code("df = 1"), code("%%app\nst.write(df)")), str(path))
    nb = served_notebook(path, launch_dir=str(tmp_path), watch=True)
    assert [c.source for c in nb.cells][:2] == ["%load_ext nbapp", "# Hi"]
    assert roles(nb) == [None, None, None, "app"]


def test_a_broken_notebook_cannot_be_served(tmp_path):
    path = tmp_path / "nb.ipynb"
    path.write_text("not json", encoding="utf-8")
    with pytest.raises(UsageError, match="not valid notebook JSON"):
        served_notebook(path, launch_dir=str(tmp_path), watch=True)


def test_notebook_to_script_keeps_the_app_cells_in_order():
    nb = notebook(code("import pandas"), code("%%app\nst.write(1)\n"), markdown("text"), code("%%app b\nst.write(2)"))
    assert notebook_to_script(nb) == "st.write(1)\n\nst.write(2)\n"


def test_notebook_to_script_needs_an_app_cell():
    with pytest.raises(UsageError, match="no %%app cell"):
        notebook_to_script(notebook(code("x = 1")), "nb.ipynb")


def test_a_dashboard_runs_every_cell_but_shows_only_the_apps():
    nb = notebook(markdown("# Title"), code("%load_ext nbapp"), code("print('noise')"), code("%%app\nst.write(1)"))
    dashboard = notebook_to_dashboard(nb)
    assert [c.source for c in dashboard.cells] == ["%load_ext nbapp", "%%capture\nprint('noise')", "%%app\nst.write(1)"]
    assert all(c.cell_type == "code" for c in dashboard.cells)


def test_script_to_notebook_round_trips():
    source = "import streamlit as st\nst.write('hi')\n"
    assert notebook_to_script(script_to_notebook(source)) == source
