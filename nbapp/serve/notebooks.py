"""App files as notebooks: read and check them, convert script <-> notebook <-> dashboard.

An app file is a Streamlit-style script (``.py``) or a notebook (``.ipynb``) whose
``%%app`` cells are its apps. What the server executes is always a notebook: a script
becomes one cell that runs it; a notebook gets a first cell that loads nbapp. Cells
whose output the page shows carry ``metadata.nbapp.role == "app"``; the template hides
the output of every other code cell (it still runs).
"""
from __future__ import annotations

import json
from pathlib import Path

import nbformat

from nbapp.serve.errors import UsageError

APP_MAGIC = "%%app"
LOAD_EXTENSION = "%load_ext nbapp"
SUFFIXES = (".py", ".ipynb")
_KERNELSPEC = {"name": "python3", "display_name": "Python 3", "language": "python"}


def check_app_path(path: str | Path) -> Path:
    """Return ``path`` as an absolute Path when it names an existing ``.py`` or ``.ipynb`` file.

    Raises UsageError naming the path and the fix otherwise.
    """
    p = Path(path).expanduser()
    if not p.exists():
        raise UsageError(f"{path}: no such file. Check the path (it is relative to {Path.cwd()}).")
    if p.is_dir():
        raise UsageError(f"{path} is a folder. Give the app's .py script or .ipynb notebook inside it.")
    if p.suffix.lower() not in SUFFIXES:
        raise UsageError(f"{path}: not a .py script or .ipynb notebook. nbapp serves Python scripts and notebooks.")
    return p.resolve()


def check_app(path: str | Path) -> Path:
    """Return ``path`` as an absolute Path once it names a script that compiles or a valid notebook.

    Raises UsageError naming the file and the fix otherwise (see check_app_path, read_script, read_notebook).
    """
    p = check_app_path(path)
    (read_script if p.suffix.lower() == ".py" else read_notebook)(p)
    return p


def read_script(path: str | Path) -> str:
    """Return the script's text after checking it compiles.

    Raises UsageError ``"app.py:3: invalid syntax. Fix ..."`` for a syntax error, or when the
    file is not UTF-8 text.
    """
    p = Path(path)
    try:
        text = p.read_text(encoding="utf-8")
    except UnicodeDecodeError:
        raise UsageError(f"{path} is not UTF-8 text. Save the script as UTF-8.") from None
    try:
        compile(text, str(p), "exec", dont_inherit=True)
    except SyntaxError as err:
        raise UsageError(f"{path}:{err.lineno}: {err.msg}. Fix the script and run again.") from None
    return text


def read_notebook(path: str | Path) -> nbformat.NotebookNode:
    """Return the notebook at ``path``, checked to be valid nbformat 4.

    Raises UsageError when it is not JSON, not nbformat 4, or not a valid notebook.
    """
    try:
        text = Path(path).read_text(encoding="utf-8")
        data = json.loads(text)
    except (UnicodeDecodeError, json.JSONDecodeError) as err:
        where = f" (line {err.lineno}, column {err.colno}: {err.msg})" if isinstance(err, json.JSONDecodeError) else ""
        raise UsageError(f"{path} is not valid notebook JSON{where}. Open it in Jupyter and save it again, "
                         f"or fix the file.") from None
    version = data.get("nbformat") if isinstance(data, dict) else None
    if version != 4:
        raise UsageError(f"{path} is nbformat {version}, not 4. Open it in JupyterLab and save it "
                         f"(or run `jupyter nbconvert --to notebook --inplace {path}`).")
    try:
        nb = nbformat.reads(text, as_version=nbformat.NO_CONVERT)  # joins multi-line sources
        nbformat.validate(nb)
    except nbformat.ValidationError as err:
        raise UsageError(f"{path} is not a valid notebook ({err.message}). Open it in JupyterLab and save it again.") \
            from None
    return nb


def is_app_cell(cell: nbformat.NotebookNode) -> bool:
    """Return True for a code cell whose first line is ``%%app`` (with or without a name)."""
    if cell.cell_type != "code":
        return False
    first = cell.source.lstrip().split("\n", 1)[0]
    return first == APP_MAGIC or first.startswith(APP_MAGIC + " ")


def app_body(cell: nbformat.NotebookNode) -> str:
    """Return an app cell's script: its source without the ``%%app`` line."""
    lines = cell.source.lstrip().split("\n", 1)
    return lines[1] if len(lines) > 1 else ""


def script_to_notebook(source: str) -> nbformat.NotebookNode:
    """Return a notebook that runs ``source`` as an app: ``%load_ext nbapp``, then one ``%%app`` cell."""
    cells = [nbformat.v4.new_code_cell(LOAD_EXTENSION), nbformat.v4.new_code_cell(f"{APP_MAGIC}\n{source}")]
    return nbformat.v4.new_notebook(cells=cells, metadata={"kernelspec": dict(_KERNELSPEC)})


def notebook_to_script(nb: nbformat.NotebookNode, name: str = "notebook") -> str:
    """Return the script made of the notebook's ``%%app`` cells, in order.

    Raises UsageError when the notebook has no ``%%app`` cell.
    """
    bodies = [app_body(cell).strip("\n") for cell in nb.cells if is_app_cell(cell)]
    if not bodies:
        raise UsageError(f"{name} has no %%app cell. Start the app's cell with the line %%app.")
    return "\n\n".join(bodies) + "\n"


def notebook_to_dashboard(nb: nbformat.NotebookNode) -> nbformat.NotebookNode:
    """Return a copy of ``nb`` that shows only its apps' output, wherever it runs (Voilà, JupyterLab).

    Other code cells still run, under ``%%capture`` so their output stays hidden; markdown
    and raw cells are dropped; ``%load_ext nbapp`` runs first.
    """
    cells = [nbformat.v4.new_code_cell(LOAD_EXTENSION)]
    for cell in nb.cells:
        if cell.cell_type != "code" or cell.source.strip() in ("", LOAD_EXTENSION):
            continue
        if is_app_cell(cell):
            cells.append(nbformat.v4.new_code_cell(cell.source))
        else:
            cells.append(nbformat.v4.new_code_cell(f"%%capture\n{cell.source}"))
    return nbformat.v4.new_notebook(cells=cells, metadata=dict(nb.metadata))


def served_notebook(path: Path, *, launch_dir: str, watch: bool, embed: bool = False) -> nbformat.NotebookNode:
    """Return the notebook the server executes for the app file at ``path`` (absolute).

    A script becomes a cell that imports nbapp, then one that shows it (from ``launch_dir``,
    reloading on save when ``watch``; a syntax error shows in the page); with ``embed`` (kernels
    on a gateway, whose machine may not have the file) the cell carries the script's text and
    does not watch. A notebook gets ``%load_ext nbapp`` first
    and its ``%%app`` cells marked, or, when they are all named (``%%app Overview``) and
    there are several, one app with a page per cell. Raises UsageError when a notebook
    cannot be read.
    """
    if path.suffix.lower() == ".py":
        # nbapp is imported in a cell of its own, as a notebook's %load_ext is: the app cell's
        # --timeout is for the app's first run, and a loaded machine can take seconds to import nbapp.
        setup = nbformat.v4.new_code_cell("from nbapp.serve.kernel import run_script")
        source = f", source={path.read_text(encoding='utf-8')!r}" if embed else ""
        cell = nbformat.v4.new_code_cell(
            f"run_script({str(path)!r}, cwd={launch_dir!r}, watch={watch and not embed!r}{source})")
        _mark_app(cell)
        return nbformat.v4.new_notebook(cells=[setup, cell], metadata={"kernelspec": dict(_KERNELSPEC)})
    nb = read_notebook(path)
    apps = [cell for cell in nb.cells if is_app_cell(cell)]
    names = [app_name(cell) for cell in apps]
    if len(apps) >= 2 and all(names):
        _as_pages(nb)
    else:
        for cell in apps:
            _mark_app(cell)
    nb.cells.insert(0, nbformat.v4.new_code_cell(LOAD_EXTENSION))
    return nb


def app_name(cell: nbformat.NotebookNode) -> str:
    """Return the name of an ``%%app NAME`` cell ('' for an unnamed one)."""
    return cell.source.lstrip().split("\n", 1)[0][len(APP_MAGIC):].strip()


def _as_pages(nb: nbformat.NotebookNode) -> None:
    """Named app cells become the pages of one app: each cell registers its page where it stands (so it
    sees the variables of the cells above it), and one app with a navigation runs after the last cell."""
    for i, cell in enumerate(nb.cells):
        if is_app_cell(cell):
            nb.cells[i] = nbformat.v4.new_code_cell(
                f"from nbapp.serve.kernel import add_page\nadd_page({app_name(cell)!r}, {app_body(cell)!r})")
    runner = nbformat.v4.new_code_cell("from nbapp.serve.kernel import run_pages\nrun_pages()")
    _mark_app(runner)
    nb.cells.append(runner)


def _mark_app(cell: nbformat.NotebookNode) -> None:
    cell.metadata["nbapp"] = {"role": "app"}


def convert(path: Path, *, to: str | None = None, output: Path | None = None, force: bool = False) -> Path:
    """Convert the app file at ``path`` and write the result; returns the path written.

    ``to`` is ``"notebook"`` (from a script), ``"script"`` or ``"dashboard"`` (from a
    notebook); by default a script becomes a notebook and a notebook follows ``output``'s
    suffix. ``output`` defaults to ``path`` with the new suffix (``NAME.dashboard.ipynb``
    for a dashboard). Raises UsageError for a bad input, an impossible conversion, or an
    existing output without ``force``.
    """
    path = check_app_path(path)
    is_script = path.suffix.lower() == ".py"
    if to is None:
        to = "notebook" if is_script else {".py": "script", ".ipynb": "dashboard"}.get(
            output.suffix.lower() if output else "", None)
    if to is None:
        raise UsageError(f"{path.name}: say what to make with --to script or --to dashboard.")
    if is_script != (to == "notebook"):
        made_from = "a .py script" if to == "notebook" else "an .ipynb notebook"
        raise UsageError(f"--to {to} converts {made_from}; {path.name} is not one.")
    suffix = {"notebook": ".ipynb", "script": ".py", "dashboard": ".dashboard.ipynb"}[to]
    output = output or path.with_name(path.name[: -len(path.suffix)] + suffix)
    if output.exists() and not force:
        raise UsageError(f"{output} exists. Choose another with -o, or overwrite it with --force.")
    if to == "notebook":
        nbformat.write(script_to_notebook(read_script(path)), str(output))
    elif to == "script":
        output.write_text(notebook_to_script(read_notebook(path), path.name), encoding="utf-8")
    else:
        nbformat.write(notebook_to_dashboard(read_notebook(path)), str(output))
    return output
