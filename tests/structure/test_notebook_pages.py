"""A notebook whose %%app cells are named is served as one app with a page per cell."""
from __future__ import annotations

import nbformat

from nbapp.serve.notebooks import served_notebook


def write(tmp_path, *sources):
    nb = nbformat.v4.new_notebook(cells=[nbformat.v4.new_code_cell(s) for s in sources])
    path = tmp_path / "report.ipynb"
    nbformat.write(nb, str(path))
    return path


def roles(nb):
    return [c.metadata.get("nbapp", {}).get("role") for c in nb.cells]


def test_named_app_cells_become_pages_of_one_app(tmp_path):
    path = write(tmp_path, "data = [1, 2]", "%%app Overview\nimport nbapp as st\nst.write(data)",
                 "more = 3", "%%app Details\nimport nbapp as st\nst.write(more)")
    nb = served_notebook(path, launch_dir=str(tmp_path), watch=False)
    sources = [c.source for c in nb.cells]
    assert sources[2].endswith("add_page('Overview', 'import nbapp as st\\nst.write(data)')")
    assert sources[4].endswith("add_page('Details', 'import nbapp as st\\nst.write(more)')")
    assert sources[-1].endswith("run_pages()")
    assert roles(nb) == [None, None, None, None, None, "app"]


def test_unnamed_or_single_app_cells_stay_apps(tmp_path):
    nb = served_notebook(write(tmp_path, "%%app Only\nimport nbapp as st"), launch_dir=str(tmp_path), watch=False)
    assert roles(nb) == [None, "app"]
    nb = served_notebook(write(tmp_path, "%%app A\nx=1", "%%app\ny=2"), launch_dir=str(tmp_path), watch=False)
    assert roles(nb) == [None, "app", "app"]


def test_cell_pages_run_with_the_notebooks_variables():
    from nbapp.serve import kernel
    from nbapp.testing import AppTest

    kernel._PAGES.clear()
    kernel.add_page("Overview", "import nbapp as st\nst.title('Overview')\nst.write(f'rows={rows}')")
    kernel.add_page("Details", "import nbapp as st\nst.title('Details')")
    at = AppTest("from nbapp.serve.kernel import cell_pages\nimport nbapp\nrows = 7\n"
                 "nbapp.navigation(cell_pages()).run()\n")
    at._app.globals_fn = lambda: {"rows": 7}
    at.run()
    assert at.title.values == ["Overview"] and at.markdown.values == ["rows=7"]
    pages = at.sidebar.get("navigation")[0].props["sections"][0][1]
    assert [(p["title"], p["url_path"]) for p in pages] == [("Overview", ""), ("Details", "Details")]
    kernel._PAGES.clear()
