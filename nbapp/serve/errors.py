"""The one error the command line shows: a single line naming the thing and the fix."""
from __future__ import annotations


class UsageError(Exception):
    """A bad path, file, port or option. ``nbapp`` prints ``str(err)`` and exits with status 2.

    Examples
    --------
    >>> raise UsageError("app.py: no such file. Check the path.")
    Traceback (most recent call last):
    ...
    nbapp.serve.errors.UsageError: app.py: no such file. Check the path.
    """
