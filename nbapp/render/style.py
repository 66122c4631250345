"""The app stylesheet: ``style.css`` and one ``*.css`` per element family beside it, injected once per app."""
from __future__ import annotations

import functools
from pathlib import Path

import ipywidgets as w


@functools.lru_cache(maxsize=1)
def css() -> str:
    """Return the stylesheet's text: ``style.css`` first (variables, layout), then the families' files by name."""
    here = Path(__file__).parent
    files = [here / "style.css", *sorted(p for p in here.glob("*.css") if p.name != "style.css")]
    return "\n".join(p.read_text(encoding="utf-8") for p in files)


def stylesheet() -> w.HTML:
    """Return an invisible HTML widget that carries the stylesheet."""
    widget = w.HTML(f"<style>{css()}</style>")
    widget.layout.display = "none"
    return widget
