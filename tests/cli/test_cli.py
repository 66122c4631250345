"""The `nbapp` command line: help, version, and one-line errors with exit status 2 for bad input."""
from __future__ import annotations

import json
import socket
import subprocess
import sys

import nbformat
import pytest

import nbapp
from nbapp.cli import main


def run_cli(capsys, *argv: str) -> tuple[int, str, str]:
    try:
        status = main(list(argv))
    except SystemExit as exit_:  # argparse's --help and --version
        status = exit_.code
    out, err = capsys.readouterr()
    return status, out, err


def assert_one_line_error(status: int, err: str, *mentions: str) -> None:
    assert status == 2
    assert err.count("\n") == 1 and err.startswith("nbapp: error: "), err
    assert "Traceback" not in err
    for text in mentions:
        assert text in err, err


def test_version(capsys):
    status, out, _ = run_cli(capsys, "--version")
    assert status == 0 and out.strip() == f"nbapp {nbapp.__version__}"


@pytest.mark.parametrize("command", [[], ["run"], ["hello"], ["convert"], ["export"], ["cache"], ["cache", "clear"]])
def test_every_command_has_help(capsys, command):
    status, out, _ = run_cli(capsys, *command, "--help")
    assert status == 0
    assert out.startswith("usage: nbapp")


def test_the_console_script_module_runs_without_loading_the_server():
    code = "import sys; from nbapp.cli import _parser; _parser(); print('voila' in sys.modules)"
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert result.stdout.strip() == "False", result.stderr  # --version, convert, cache start fast
    result = subprocess.run([sys.executable, "-m", "nbapp.cli", "--version"], capture_output=True, text=True)
    assert result.returncode == 0 and result.stdout.strip() == f"nbapp {nbapp.__version__}"


def test_run_a_path_that_does_not_exist(capsys, tmp_path):
    missing = tmp_path / "nope.py"
    assert_one_line_error(*run_cli(capsys, "run", str(missing), "--no-browser")[::2], str(missing), "no such file")


BAD_FILES = {
    "not JSON": ("broken.ipynb", '{"cells": [', ["broken.ipynb", "not valid notebook JSON"]),
    "nbformat 3": ("old.ipynb", json.dumps({"nbformat": 3, "nbformat_minor": 0, "metadata": {}, "worksheets": []}),
                   ["old.ipynb", "nbformat 3, not 4", "save it"]),
    "syntax error": ("app.py", "import streamlit as st\nst.write(\n", ["app.py:2", "Fix the script"]),
    "not an app": ("data.csv", "a,b\n", ["data.csv", ".py script or .ipynb notebook"]),
}


@pytest.mark.parametrize("problem", BAD_FILES)
def test_run_a_bad_file(capsys, tmp_path, problem):
    name, content, mentions = BAD_FILES[problem]
    (tmp_path / name).write_text(content, encoding="utf-8")
    assert_one_line_error(*run_cli(capsys, "run", str(tmp_path / name))[::2], *mentions)


def test_run_on_a_port_in_use(capsys, tmp_path):
    script = tmp_path / "app.py"
    script.write_text("import streamlit as st\nst.write('hi')\n", encoding="utf-8")
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = taken.getsockname()[1]
        status, _, err = run_cli(capsys, "run", str(script), "--port", str(port), "--no-browser")
    assert_one_line_error(status, err, f"port {port}", "in use", "--port")


@pytest.mark.parametrize("port", ["-1", "65536"])
def test_run_on_a_port_out_of_range(capsys, tmp_path, port):
    script = tmp_path / "app.py"
    script.write_text("import nbapp as st\n", encoding="utf-8")
    status, _, err = run_cli(capsys, "run", str(script), "--port", port, "--no-browser")
    assert_one_line_error(status, err, f"--port {port}", "1 to 65535", "0 for any free one")


def test_convert_script_to_notebook_and_back(capsys, tmp_path):
    script = tmp_path / "app.py"
    script.write_text("import streamlit as st\nst.write('hi')\n", encoding="utf-8")
    status, out, _ = run_cli(capsys, "convert", str(script))
    notebook = tmp_path / "app.ipynb"
    assert status == 0 and out.strip() == f"Wrote {notebook}"
    cells = nbformat.read(notebook, as_version=4).cells
    assert [c.source for c in cells] == ["%load_ext nbapp", "%%app\nimport streamlit as st\nst.write('hi')\n"]

    status, _, _ = run_cli(capsys, "convert", str(notebook), "--to", "script", "-o", str(tmp_path / "back.py"))
    assert status == 0
    assert (tmp_path / "back.py").read_text(encoding="utf-8") == script.read_text(encoding="utf-8")


def test_convert_refuses_to_overwrite(capsys, tmp_path):
    script = tmp_path / "app.py"
    script.write_text("x = 1\n", encoding="utf-8")
    (tmp_path / "app.ipynb").write_text("{}", encoding="utf-8")
    assert_one_line_error(*run_cli(capsys, "convert", str(script))[::2], "app.ipynb exists", "--force")


def test_convert_a_notebook_needs_to_say_what_to_make(capsys, tmp_path):
    notebook = tmp_path / "nb.ipynb"
    nbformat.write(nbformat.v4.new_notebook(), str(notebook))
    assert_one_line_error(*run_cli(capsys, "convert", str(notebook))[::2], "--to script or --to dashboard")


def test_run_on_a_host_that_is_not_this_machine(capsys, tmp_path):
    script = tmp_path / "app.py"
    script.write_text("x = 1\n", encoding="utf-8")
    status, _, err = run_cli(capsys, "run", str(script), "--host", "192.0.2.1", "--port", "8501")
    assert_one_line_error(status, err, "--host 192.0.2.1", "127.0.0.1")


def test_cache_clear_empties_the_disk_cache(capsys, tmp_path, monkeypatch):
    from nbapp.caching import cache_data
    from nbapp.caching.storage import DiskStore

    monkeypatch.setenv("NBAPP_CACHE_DIR", str(tmp_path))

    @cache_data(persist="disk")
    def square(x):
        return x * x

    square(3)
    assert DiskStore(str(tmp_path)).count() == 1
    status, out, _ = run_cli(capsys, "cache", "clear")
    assert status == 0 and out.strip() == "Cleared nbapp's cache (memory and disk)."
    assert DiskStore(str(tmp_path)).count() == 0
