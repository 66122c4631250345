"""Write notebooks/NAME.py and notebooks/NAME.ipynb from the gallery's demos (nbapp/serve/gallery/demos).

The demos live in the package (``nbapp hello`` serves them); notebooks/ holds the same
scripts and a notebook of each (``%load_ext nbapp`` + one ``%%app`` cell, as
``nbapp convert NAME.py`` makes). tests/demos/test_notebooks_sync.py fails when they drift:
run ``python3 scripts/sync_demos.py`` after editing a demo.
"""
from __future__ import annotations

import sys
from pathlib import Path

import nbformat

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from nbapp.serve.gallery import DEMO_DIR, NOTEBOOK_DEMOS  # noqa: E402
from nbapp.serve.notebooks import script_to_notebook  # noqa: E402


def main() -> None:
    """Write every demo's script and notebook into notebooks/; returns None."""
    out = REPO / "notebooks"
    for name in NOTEBOOK_DEMOS:
        source = (DEMO_DIR / f"{name}.py").read_text(encoding="utf-8")
        script = out / f"{name}.py"
        script.unlink(missing_ok=True)  # a plain file, never written through a symlink
        script.write_text(source, encoding="utf-8")
        nb = script_to_notebook(source)
        for i, cell in enumerate(nb.cells):
            cell.id = f"{name.replace('_', '-')}-{i}"  # stable ids: a rerun writes the same file
        nbformat.write(nb, str(out / f"{name}.ipynb"))
        print(f"notebooks/{name}.py, notebooks/{name}.ipynb")


if __name__ == "__main__":
    main()
