"""``streamlit.components.v1.components`` (the module path older scripts import): the same names as ``v1``."""
from __future__ import annotations

from nbapp.components.v1 import CustomComponent, declare_component

__all__ = ["CustomComponent", "declare_component"]
