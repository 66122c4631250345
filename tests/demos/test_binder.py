"""binder/: its requirements install into a fresh virtual environment and its postBuild runs to the end.

The venv sees this machine's packages (``--system-site-packages``), so the requirements that
are already here (torch, the model, JupyterLab) resolve without downloading gigabytes; what
this checks is that the file parses and resolves, and that postBuild installs nbapp from the
checkout into that environment. postBuild's `pip install -e .` fetches the build backend from
PyPI, so the test needs the network to PyPI, as ./install.sh does. A full Binder build
(repo2docker) is run by hand; the README says how.
"""
from __future__ import annotations

import os
import shutil
import subprocess
import venv
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[2]


def tracked_copy(dest: Path) -> Path:
    """Copy the checkout's tracked files (what Binder clones) to ``dest``; returns it."""
    files = subprocess.run(["git", "ls-files", "-z"], cwd=REPO, check=True, capture_output=True, text=True).stdout
    for name in filter(None, files.split("\0")):
        source = REPO / name
        if source.is_file():
            (dest / name).parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(source, dest / name)
    return dest


@pytest.mark.slow
def test_binder_requirements_and_postbuild(tmp_path):
    checkout = tracked_copy(tmp_path / "repo")
    env_dir = tmp_path / "venv"
    venv.EnvBuilder(system_site_packages=True, with_pip=True).create(env_dir)
    python = env_dir / "bin" / "python"
    env = {**os.environ, "PATH": f"{env_dir / 'bin'}{os.pathsep}{os.environ['PATH']}", "VIRTUAL_ENV": str(env_dir),
           "PIP_DISABLE_PIP_VERSION_CHECK": "1"}
    env.pop("PYTHONPATH", None)

    pip = subprocess.run([str(python), "-m", "pip", "install", "-r", "binder/requirements.txt"], cwd=checkout,
                         env=env, capture_output=True, text=True, timeout=600)
    assert pip.returncode == 0, pip.stdout + pip.stderr

    build = subprocess.run(["bash", "binder/postBuild"], cwd=checkout, env=env, capture_output=True, text=True,
                           timeout=600)
    assert build.returncode == 0, build.stdout + build.stderr
    assert "postBuild:" in build.stdout  # it reached the extension step, and past it
    where = subprocess.run([str(python), "-c", "import nbapp, sys; print(nbapp.__file__); print(sys.prefix)"],
                           cwd=tmp_path, env=env, capture_output=True, text=True, check=True).stdout.split()
    assert where[0].startswith(str(checkout)), where  # nbapp comes from the checkout Binder cloned
    assert where[1] == str(env_dir)
    version = subprocess.run([str(env_dir / "bin" / "nbapp"), "--version"], env=env, capture_output=True, text=True)
    assert version.returncode == 0 and version.stdout.strip(), version.stderr
    if (checkout / "nbapp" / "labextension" / "package.json").exists():
        link = env_dir / "share" / "jupyter" / "labextensions" / "nbapp-labextension"
        assert link.resolve() == (checkout / "nbapp" / "labextension").resolve()
