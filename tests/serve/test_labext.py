"""The JupyterLab extension as shipped: a current build, installed data files, the server extension's page notebook."""
from __future__ import annotations

import configparser
import hashlib
import json
from pathlib import Path
from types import SimpleNamespace

import nbformat
from tornado.web import Application
from traitlets.config import Config

import nbapp
from nbapp.serve import labext, wakeup

ROOT = Path(nbapp.__file__).parent.parent
SOURCES = ROOT / "labextension"
BUILT = ROOT / "nbapp" / "labextension"
REBUILD = "cd labextension && npm ci && npm run build, then commit nbapp/labextension"


def _source_hash() -> str:
    """The recipe of labextension/record-hash.js: src/ and style/ files, package.json, package-lock.json."""
    files = sorted([*(str(p.relative_to(SOURCES)) for d in ("src", "style") for p in (SOURCES / d).rglob("*")
                      if p.is_file()), "package.json", "package-lock.json"])
    digest = hashlib.sha256()
    for rel in files:
        digest.update(rel.encode() + b"\0" + (SOURCES / rel).read_bytes() + b"\0")
    return digest.hexdigest()


def test_the_built_extension_is_current():
    recorded = (BUILT / "build-hash.txt").read_text().strip()
    assert recorded == _source_hash(), f"nbapp/labextension was built from other sources than labextension/: {REBUILD}"
    remote_entry = json.loads((BUILT / "package.json").read_text())["jupyterlab"]["_build"]["load"]
    assert (BUILT / remote_entry).is_file(), f"the build names {remote_entry}, which is missing: {REBUILD}"


def test_install_puts_the_extension_and_its_server_config_where_jupyter_looks():
    config = configparser.ConfigParser()
    config.read(ROOT / "setup.cfg")
    data_files = {dest: [p.strip() for p in sources.split(",") if p.strip()]
                  for dest, sources in config["options.data_files"].items()}
    installed = {str(dest_file) for dest, patterns in data_files.items() for pattern in patterns
                 for dest_file in (Path(dest) / p.name for p in ROOT.glob(pattern))}
    shipped = {str(Path("share/jupyter/labextensions/nbapp-labextension") / p.relative_to(BUILT))
               for p in BUILT.rglob("*") if p.is_file() and p.name != "build-hash.txt"}
    assert shipped <= installed, sorted(shipped - installed)
    enabled = json.loads((ROOT / "jupyter-config/jupyter_server_config.d/nbapp.json").read_text())
    assert enabled["ServerApp"]["jpserver_extensions"] == {"nbapp.serve.labext": True}
    assert "etc/jupyter/jupyter_server_config.d/nbapp.json" in installed


def _handler(watch: str | None, root: str = "/srv") -> SimpleNamespace:
    return SimpleNamespace(get_argument=lambda name, default: default if watch is None else watch,
                           contents_manager=SimpleNamespace(root_dir=root), path_args=["sub/nb.ipynb"])


def _notebook() -> nbformat.NotebookNode:
    return nbformat.v4.new_notebook(cells=[nbformat.v4.new_markdown_cell("# Title"),
                                           nbformat.v4.new_code_cell("data = 1"),
                                           nbformat.v4.new_code_cell("%%app\nimport nbapp as st\nst.write(data)")])


def test_app_page_runs_the_notebook_as_nbapp_run_does_and_watches_it():
    nb = labext.app_page_notebook(_handler(None), _notebook(), cwd="sub")
    assert nb.cells[0].source == "%load_ext nbapp"
    assert [c.metadata.get("nbapp", {}).get("role") for c in nb.cells[1:4]] == [None, None, "app"]
    assert nb.cells[-1].source.endswith("watch_notebook('/srv/sub/nb.ipynb')")


def test_app_page_with_watch_0_does_not_watch():
    nb = labext.app_page_notebook(_handler("0"), _notebook(), cwd="sub")
    assert "watch_notebook" not in nb.cells[-1].source


def test_server_extension_adds_the_page_route_with_the_lost_wakeup_fix():
    was_installed = wakeup.is_installed()
    wakeup.uninstall()
    app = Application(base_url="/base/")
    server = SimpleNamespace(web_app=app, root_dir="/srv", config=Config(), log=SimpleNamespace(info=lambda *a: None))
    try:
        labext._load_jupyter_server_extension(server)
        assert wakeup.is_installed()
        routes = [rule.matcher.regex.pattern for host in app.default_router.rules for rule in host.target.rules]
        assert "/base/nbapp/render/(.*)$" in routes
    finally:
        (wakeup.install if was_installed else wakeup.uninstall)()
