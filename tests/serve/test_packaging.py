"""What `pip install` ships: every module, the page template and the gallery."""
from __future__ import annotations

import configparser
import fnmatch
from pathlib import Path

import nbapp

PACKAGE = Path(nbapp.__file__).parent
ROOT = PACKAGE.parent


def test_every_folder_of_modules_is_a_package():
    # setup.cfg's `packages = find:` skips a folder without __init__.py, and with it every module inside.
    folders = {p.parent for p in PACKAGE.rglob("*.py") if "__pycache__" not in p.parts}
    assert [str(f.relative_to(ROOT)) for f in sorted(folders) if not (f / "__init__.py").exists()] == []


def test_the_page_template_is_package_data():
    config = configparser.ConfigParser()
    config.read(ROOT / "setup.cfg")
    patterns = [p.strip() for p in config["options.package_data"]["nbapp"].split(",")]
    template = [str(p.relative_to(PACKAGE)) for p in (PACKAGE / "serve" / "templates").rglob("*") if p.is_file()]
    assert template and all(any(fnmatch.fnmatch(f, pat) for pat in patterns) for f in template), template
