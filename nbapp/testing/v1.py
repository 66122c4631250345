"""``streamlit.testing.v1`` inside an app resolves here: the same AppTest."""
from nbapp.testing.apptest import AppTest

__all__ = ["AppTest"]
