"""``streamlit.typing`` (``st.typing``): the types Streamlit commands return, for annotations and isinstance.

Example: ``from streamlit.typing import UploadedFile`` then ``def parse(f: UploadedFile): ...``.
A Streamlit type nbapp does not have yet raises NotSupportedError naming it.
"""
from __future__ import annotations

from nbapp.elements.button_column import ButtonColumnClickState
from nbapp.elements.chat import ChatInputValue
from nbapp.elements.grid import DataEditorState, DataframeState
from nbapp.elements.widgets.upload import UploadedFile
from nbapp.errors import NotSupportedError

__all__ = ["ButtonColumnClickState", "ChatInputValue", "DataEditorState", "DataframeState", "UploadedFile"]
_LATER = ("EChartsState", "PlotlyState", "PydeckState", "VegaLiteState")  # Streamlit 1.67 has these too


def __getattr__(name: str):
    """A Streamlit type nbapp lacks raises NotSupportedError naming it; anything else AttributeError."""
    if name in _LATER:
        raise NotSupportedError(f"streamlit.typing.{name} is not supported by nbapp yet (Streamlit 1.67 has it).")
    raise AttributeError(f"module 'streamlit.typing' has no attribute {name!r}")
