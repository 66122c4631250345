"""Deprecation notices shown in the page, as Streamlit shows them (a warning box where the element goes)."""
from __future__ import annotations

import logging

from nbapp.config import get_option


def deprecation_warning(dg, message: str) -> None:
    """Show ``message`` as a warning box where ``dg`` writes, as Streamlit shows a deprecation in the page.

    Like Streamlit, only while ``client.showErrorDetails`` is "full" (the default) or True; it is
    always logged. Returns None.

    Examples
    --------
    >>> deprecation_warning(dg, "`use_column_width` was removed and has no effect.")
    """
    logging.getLogger("nbapp").warning(message)
    if get_option("client.showErrorDetails") in ("full", True):
        dg._enqueue("warning", {"body": message, "icon": None})
