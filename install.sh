#!/usr/bin/env bash
# Installs everything nbapp needs to run and to test on Debian (Python >= 3.10):
# Chromium for the browser tests (Playwright drives Debian's /usr/bin/chromium; it cannot
# download its own browsers here), then nbapp itself, editable, with its test tooling and the
# demos' packages, and its JupyterLab extension (the committed build in nbapp/labextension: no
# Node needed) enabled.
set -euo pipefail
cd "$(dirname "$0")"
sudo=""
if [ "$(id -u)" -ne 0 ]; then sudo="sudo"; fi
$sudo apt-get update
$sudo apt-get install -y --no-install-recommends chromium
# demos: the gallery's models (torch pinned to 2.13.0: a plain `torch` pulls a multi-GB CUDA build)
python3 -m pip install -e '.[test,demos]'
# JupyterHub's proxy (an npm package), for the test of `nbapp run --jupyterhub` (tests/browser/test_hub_page.py)
if ! command -v configurable-http-proxy >/dev/null; then
  command -v npm >/dev/null || $sudo apt-get install -y --no-install-recommends npm
  $sudo npm install -g configurable-http-proxy
fi
# An editable install skips setup.cfg's data_files: link the built labextension where a
# regular install puts it (so a rebuild shows at the next page load), and enable the server extension.
prefix="$(python3 -c 'import sys; print(sys.prefix)')"
mkdir -p "$prefix/share/jupyter/labextensions" "$prefix/etc/jupyter/jupyter_server_config.d"
ln -sfn "$PWD/nbapp/labextension" "$prefix/share/jupyter/labextensions/nbapp-labextension"
cp jupyter-config/jupyter_server_config.d/nbapp.json "$prefix/etc/jupyter/jupyter_server_config.d/"
python3 -m jupyter labextension list 2>&1 | grep nbapp-labextension
python3 -m jupyter server extension list 2>&1 | grep nbapp.serve.labext
