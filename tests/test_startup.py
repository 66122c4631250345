"""What importing nbapp costs: every kernel that loads the extension, and the `nbapp run` server."""
import subprocess
import sys

# What only kernels need: the API (every element module), caching (joblib, numpy), widgets.
KERNEL_ONLY = ("numpy", "joblib", "xxhash", "ipywidgets", "IPython", "pandas",
               "nbapp.api", "nbapp.elements", "nbapp.delta_generator", "nbapp.caching", "nbapp.runtime")


def imported(code: str, names) -> list[str]:
    """Which of ``names`` are in sys.modules after running ``code`` in a new interpreter."""
    code += f"\nprint(sorted(m for m in {tuple(names)!r} if m in sys.modules))"
    out = subprocess.run([sys.executable, "-c", "import sys\n" + code], capture_output=True, text=True, check=True).stdout
    return eval(out)


def test_loading_the_extension_does_not_import_pandas():
    # pandas takes ~0.5 s to import; apps that draw a DataFrame import it themselves.
    code = "import nbapp\nnbapp.load_ipython_extension\nimport nbapp.jupyter.magic, nbapp.jupyter.session, nbapp.render"
    assert imported(code, ("pandas", "pyarrow", "nbapp.api", "nbapp.elements")) == ["nbapp.api", "nbapp.elements"]


def test_the_server_process_imports_no_api():
    # The `nbapp run` process only serves pages: the kernels (forked from a warm parent that
    # imported all this) run the app. Measured: the API is ~22 MB of the server's ~110 MB.
    code = "import nbapp.cli, nbapp.serve.server, nbapp.serve.fork, nbapp.serve.labext, nbapp.cachedir"
    assert imported(code, KERNEL_ONLY) == []
