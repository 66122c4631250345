"""What a bare expression in an app becomes (see :mod:`nbapp.runtime.magic`)."""
from __future__ import annotations

from typing import Any

import nbapp


def transparent_write(*args: Any) -> Any:
    """``st.write(*args)``, returning what was written: the one argument, or the tuple of them.

    Examples
    --------
    >>> transparent_write("## Results")  # what the line ``"## Results"`` runs in an app
    """
    nbapp.write(*args)
    return args[0] if len(args) == 1 else args
