"""Pictures a browser drew for a diagram or chart, kept on disk for frozen output (export, first paint).

Mermaid and ECharts need a JavaScript engine and a DOM to draw, which a kernel has not. The
live page draws them and sends the picture back (SVG text or a PNG data URL); the kernel
keeps it under the hash of what it shows, so the next ``nbapp export`` or first paint of the
same diagram shows it. It is shown inside ``<img>``: an SVG there runs no script, whoever sent it.
"""
from __future__ import annotations

import base64
import hashlib
import html
import os
import tempfile
from pathlib import Path
from collections.abc import Callable
from typing import Any

ENV_VAR = "NBAPP_PICTURES"
MAX_BYTES = 8_000_000


def folder() -> Path:
    """Return the folder pictures are kept in: ``$NBAPP_PICTURES`` or ``~/.cache/nbapp/pictures``."""
    return Path(os.environ.get(ENV_VAR) or Path.home() / ".cache" / "nbapp" / "pictures")


def picture_key(kind: str, *parts: str) -> str:
    """Return the name a picture of ``kind`` drawn from ``parts`` (its source, its options) is kept under."""
    digest = hashlib.sha256(kind.encode())
    for part in parts:
        digest.update(b"\0" + part.encode())
    return f"{kind}-{digest.hexdigest()[:32]}"


def remember(key: str, picture: Any) -> bool:
    """Keep ``picture`` (SVG text or a ``data:image/png;base64,`` URL) under ``key``; returns whether it was kept.

    Anything else, or a picture over 8 MB, is ignored; a failed write is ignored too (frozen
    output then shows its fallback).
    """
    if not isinstance(picture, str) or len(picture) > MAX_BYTES:
        return False
    if picture.lstrip().startswith("<svg"):
        data, suffix = picture.encode("utf-8"), ".svg"
    elif picture.startswith("data:image/png;base64,"):
        try:
            data, suffix = base64.b64decode(picture.split(",", 1)[1], validate=True), ".png"
        except ValueError:
            return False
        if not data.startswith(b"\x89PNG"):
            return False
    else:
        return False
    try:
        where = folder()
        where.mkdir(parents=True, exist_ok=True)
        with tempfile.NamedTemporaryFile(dir=where, delete=False, suffix=".tmp") as f:
            f.write(data)
        os.replace(f.name, where / (key + suffix))
    except OSError:
        return False
    return True


def recall(key: str, alt: str = "") -> str | None:
    """Return an ``<img>`` showing the picture kept under ``key``, or None when there is none."""
    for suffix, mime in ((".svg", "image/svg+xml"), (".png", "image/png")):
        path = folder() / (key + suffix)
        try:
            data = path.read_bytes()
        except OSError:
            continue
        src = f"data:{mime};base64,{base64.b64encode(data).decode()}"
        return f'<img class="nbapp-picture" src="{src}" alt="{html.escape(alt)}" style="max-width:100%">'
    return None


def keeper(key_of: Callable[[dict[str, Any]], str]) -> Callable[[dict[str, Any], dict[str, Any], dict[str, Any]], None]:
    """Return a Frontend's ``on_message`` that keeps the picture a page drew (``{"picture": ...}``) under ``key_of(props)``.

    ``key_of`` must read only props the browser gets too: frozen output finds the picture
    from the widget's synced state, where kernel-only ``_`` props are absent.
    """

    def on_picture(props: dict[str, Any], content: dict[str, Any], cache: dict[str, Any]) -> None:
        key = key_of(props)
        if isinstance(content, dict) and cache.get("kept") != key and remember(key, content.get("picture")):
            cache["kept"] = key
        return None

    return on_picture
