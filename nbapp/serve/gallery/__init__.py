"""nbapp's gallery, served by ``nbapp hello``: ``hello.py`` is an ordinary app script (package data)."""
from __future__ import annotations

from pathlib import Path

GALLERY = Path(__file__).with_name("hello.py")
