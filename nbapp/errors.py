"""User-facing errors: one family, each message naming the call, the argument and the fix."""
from __future__ import annotations


class NbappAPIError(Exception):
    """Base class of errors caused by how nbapp's API is used."""


# Streamlit's name for the same family, so `except st.StreamlitAPIException` keeps working.
StreamlitAPIException = NbappAPIError


class NotSupportedError(NbappAPIError, AttributeError):
    """A Streamlit command or module nbapp does not have yet (an AttributeError too, so ``hasattr`` is False)."""


class InvalidCommandError(NbappAPIError, AttributeError):
    """A command a container does not have (``st.sidebar.add_rows``); an AttributeError too, so ``hasattr`` is False."""


class StreamlitAPIWarning(Warning):
    """Streamlit's warning class (``streamlit.errors.StreamlitAPIWarning``)."""


class CachedWidgetWarning(StreamlitAPIWarning):
    """Shown where a widget is drawn inside a cached function (Streamlit 1.67 shows the same text)."""

    def __init__(self) -> None:
        super().__init__(
            "Your script uses a widget command in a cached function\n(function decorated with `@st.cache_data` "
            "or `@st.cache_resource`).\nThis code will only be called when we detect a cache \"miss\",\nwhich can "
            "lead to unexpected results.\n\nTo fix this, move all widget commands outside the cached function.")


# Other names of ``streamlit.errors`` that scripts catch.
StreamlitValueAboveMaxError = StreamlitValueBelowMinError = StreamlitValueAssignmentNotAllowedError = NbappAPIError


class DuplicateWidgetID(NbappAPIError):
    """Two widgets with the same identity were drawn in one run."""


StreamlitDuplicateElementId = StreamlitDuplicateElementKey = DuplicateWidgetID


class NoRunContextError(NbappAPIError):
    """An element was used outside an app run."""


class ScriptControl(BaseException):
    """Control flow of a run. A BaseException so that user code's ``except Exception`` cannot swallow it."""


class StopException(ScriptControl):
    """Raised by ``st.stop()``: end the run quietly."""


class RerunException(ScriptControl):
    """Raised by ``st.rerun()`` (``stale=False``) or because newer widget state is waiting (``stale=True``).

    ``fragment`` is the id of the fragment to rerun (``st.rerun(scope="fragment")``); None reruns the app.
    ``targets`` are the fragment ids a widget callback named (``st.rerun("key")``): they rerun
    instead of what the interaction would have rerun.
    """

    def __init__(self, stale: bool = False, fragment: str | None = None, targets: list[str] | None = None) -> None:
        super().__init__()
        self.stale = stale
        self.fragment = fragment
        self.targets = targets


def describe(value: object, limit: int = 60) -> str:
    """Return ``repr(value)`` shortened to ``limit`` characters, for error messages."""
    text = repr(value)
    return text if len(text) <= limit else text[: limit - 3] + "..."
