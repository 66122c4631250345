"""The app stylesheet, shipped as ``style.css`` and injected once at the top of each app."""
from __future__ import annotations

import functools
from pathlib import Path

import ipywidgets as w


@functools.lru_cache(maxsize=1)
def css() -> str:
    """Return the stylesheet's text."""
    return (Path(__file__).with_name("style.css")).read_text(encoding="utf-8")


def stylesheet() -> w.HTML:
    """Return an invisible HTML widget that carries the stylesheet."""
    widget = w.HTML(f"<style>{css()}</style>")
    widget.layout.display = "none"
    return widget
