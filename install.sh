#!/usr/bin/env bash
# Installs everything nbapp needs to run and to test on Debian (Python >= 3.10):
# Chromium for the browser tests (Playwright drives Debian's /usr/bin/chromium; it cannot
# download its own browsers here), then nbapp itself, editable, with its test tooling and the demos' packages.
set -euo pipefail
cd "$(dirname "$0")"
sudo=""
if [ "$(id -u)" -ne 0 ]; then sudo="sudo"; fi
$sudo apt-get update
$sudo apt-get install -y --no-install-recommends chromium
# demos: the gallery's models (torch pinned to 2.13.0: a plain `torch` pulls a multi-GB CUDA build)
python3 -m pip install -e '.[test,demos]'
