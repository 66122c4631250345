"""Headless testing of apps: no kernel, no browser. See :class:`AppTest`."""
from nbapp.testing.apptest import AppTest

__all__ = ["AppTest"]
