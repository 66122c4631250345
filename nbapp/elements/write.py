"""``st.write``: the swiss-army knife that picks an element by each argument's type."""
from __future__ import annotations

import io
from typing import Any

_TEXT_TYPES = (str, int, float, complex, bool, type(None))


def _is_dataframe_like(obj: Any) -> bool:
    module = type(obj).__module__
    return (module.startswith("pandas") and type(obj).__name__ in ("DataFrame", "Series", "Index", "Styler")) or (
        module == "numpy" and type(obj).__name__ == "ndarray"
    )


def _figure_png(obj: Any) -> bytes | None:
    """PNG bytes of a matplotlib figure (or pyplot module), else None."""
    fig = obj
    if getattr(obj, "__name__", None) == "matplotlib.pyplot":
        fig = obj.gcf()
    if type(fig).__name__ != "Figure" or not hasattr(fig, "savefig"):
        return None
    buf = io.BytesIO()
    fig.savefig(buf, format="png", bbox_inches="tight")
    return buf.getvalue()


class WriteMixin:
    """``st.write`` and its dispatch."""

    def write(self, *args: Any, unsafe_allow_html: bool = False) -> None:
        """Write each argument the way that suits its type; returns None.

        Consecutive strings and numbers are joined with spaces into one Markdown element;
        DataFrames, arrays and Series become dataframes; dicts and lists JSON; exceptions
        error elements; matplotlib figures images; objects with ``_repr_html_`` or
        ``_repr_mimebundle_`` show their rich representation; anything else its ``repr``.

        Examples
        --------
        >>> st.write(x, "squared is", x * x)
        """
        texts: list[str] = []

        def flush_text() -> None:
            if texts:
                self.markdown(" ".join(texts), unsafe_allow_html=unsafe_allow_html)
                texts.clear()

        for arg in args:
            if isinstance(arg, _TEXT_TYPES):
                texts.append(str(arg))
                continue
            flush_text()
            self._write_one(arg)
        flush_text()

    def _write_one(self, arg: Any) -> None:
        if _is_dataframe_like(arg):
            self.dataframe(arg)
        elif isinstance(arg, BaseException):
            self.exception(arg)
        elif isinstance(arg, (dict, list, tuple, set, frozenset)):
            self.json(arg)
        elif (png := _figure_png(arg)) is not None:
            self._enqueue("image", {"data": png, "format": "png", "caption": None, "width": None})
        elif hasattr(arg, "_repr_html_"):
            self.html(arg._repr_html_())
        elif hasattr(arg, "_repr_mimebundle_"):
            bundle = arg._repr_mimebundle_()
            self._enqueue("mimebundle", {"data": bundle[0] if isinstance(bundle, tuple) else bundle})
        else:
            self.markdown(f"`{arg!r}`")
