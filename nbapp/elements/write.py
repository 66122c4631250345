"""``st.write``: the swiss-army knife that picks an element by each argument's type."""
from __future__ import annotations

import collections
import dataclasses
import inspect
import io
import re
import types
from collections.abc import Callable, ItemsView, KeysView, Mapping, ValuesView
from typing import Any

from nbapp.elements.jupyter_widget import is_jupyter_widget
from nbapp.elements.registry import element
from nbapp.errors import NbappAPIError

# Written as JSON (Streamlit's list; a tuple or set falls through to inline code, as there).
_JSON_TYPES = (dict, list, map, enumerate, types.MappingProxyType, collections.UserDict, collections.ChainMap,
               collections.UserList, ItemsView, KeysView, ValuesView)
# Shown with st.help, as Streamlit does (with classes, dataclasses and containers).
_HELP_TYPES = (types.BuiltinFunctionType, types.BuiltinMethodType, types.FunctionType, types.MethodType,
               types.ModuleType)
# The default repr, "<module.Class object at 0x7f...>".
_MEMORY_ADDRESS = re.compile(r"^<[a-zA-Z_][a-zA-Z0-9<>._ ]* at 0x[0-9a-fA-F]+>$")
# Rich reprs Jupyter knows, in order of preference, shown by the front end's own renderers.
_REPR_METHODS = (("_repr_mimebundle_", None), ("_repr_svg_", "image/svg+xml"), ("_repr_png_", "image/png"),
                 ("_repr_jpeg_", "image/jpeg"), ("_repr_markdown_", "text/markdown"), ("_repr_latex_", "text/latex"))


def is_dataframe_like(obj: Any) -> bool:
    """Return True for what ``st.dataframe`` shows: pandas objects, numpy arrays, Arrow/Polars-style frames."""
    module = type(obj).__module__
    return (module.startswith("pandas") and type(obj).__name__ in ("DataFrame", "Series", "Index", "Styler")) or (
        module == "numpy" and type(obj).__name__ == "ndarray"
    ) or callable(getattr(obj, "to_pandas", None)) or callable(getattr(obj, "__dataframe__", None))


def _module(obj: Any) -> str:
    return type(obj).__module__ or ""


def _mimebundle(obj: Any) -> dict[str, Any] | None:
    """The object's rich representation as a MIME bundle (e.g. ``{"image/png": ...}``), else None."""
    for method, mime in _REPR_METHODS:
        fn = getattr(obj, method, None)
        if not callable(fn) or isinstance(obj, type):
            continue
        data = fn()
        if isinstance(data, tuple):  # (data, metadata)
            data = data[0]
        if data is None:
            continue
        if mime is None:
            return dict(data) if data else None
        return {mime: data, "text/plain": repr(obj)}
    return None


def _inline_code(obj: Any) -> str:
    """``str(obj)`` as Markdown code: inline, or a fenced block when it spans lines."""
    text = str(obj)
    ticks = max((len(run) for run in re.findall("`+", text)), default=0) + 1
    if "\n" in text:
        fence = "`" * max(3, ticks)
        return f"{fence}\n{text}\n{fence}"
    return f"{'`' * ticks}{text}{'`' * ticks}"


@element(kind=False)
def write(dg, *args: Any, unsafe_allow_html: bool = False) -> None:
    """Write each argument the way that suits its type; returns None.

    Consecutive strings (and numbers, as inline code: ``st.write(1234)`` is "`1234`", as in
    Streamlit) are joined with spaces into one Markdown element;
    DataFrames, Series and arrays become dataframes; dicts and lists JSON; exceptions
    exception elements; matplotlib figures images; sympy expressions LaTeX; objects with
    ``_repr_html_`` HTML and those with other rich reprs (``_repr_mimebundle_``,
    ``_repr_png_``...) their rich output; generators stream (``st.write_stream``); functions,
    modules, classes, dataclasses and objects with only the default repr show their
    ``st.help``; anything else its ``str`` as inline code.
    Raises NbappAPIError for several arguments written into a single-element slot.

    Examples
    --------
    >>> st.write(x, "squared is", x * x)
    """
    if dg._slot is not None and len(args) > 1:
        raise NbappAPIError(
            "st.write(): a placeholder (st.empty() or an element's handle) holds one element, "
            f"but {len(args)} arguments were given. Write them into a container instead: "
            "`with placeholder.container(): st.write(...)`."
        )
    texts: list[str] = []
    for arg in args:
        if isinstance(arg, str):
            texts.append(arg)
        elif isinstance(arg, io.StringIO):
            texts.append(arg.getvalue())
        elif (draw := _drawer(dg, arg)) is None:
            texts.append(_inline_code(arg))
        else:
            _write_text(dg, texts, unsafe_allow_html)
            draw()
    _write_text(dg, texts, unsafe_allow_html)


def _write_text(dg, texts: list[str], unsafe_allow_html: bool) -> None:
    if texts:
        dg.markdown(" ".join(texts), unsafe_allow_html=unsafe_allow_html)
        texts.clear()


def _drawer(dg, arg: Any) -> Callable[[], Any] | None:
    """Return what draws ``arg`` as its own element, or None when it is written as inline code."""
    if isinstance(arg, BaseException):
        return lambda: dg.exception(arg)
    if is_dataframe_like(arg):
        return lambda: dg.dataframe(arg)
    if isinstance(arg, _JSON_TYPES) or isinstance(arg, Mapping) or _is_namedtuple(arg):
        return lambda: dg.json(arg)
    if inspect.isgenerator(arg) or inspect.isasyncgen(arg) or inspect.isgeneratorfunction(arg) \
            or inspect.isasyncgenfunction(arg):
        return lambda: dg.write_stream(arg)
    if isinstance(arg, _HELP_TYPES) or isinstance(arg, type) or type(arg) is type(dg) or (
            dataclasses.is_dataclass(arg)):
        return lambda: dg.help(arg)
    if type(arg).__module__.startswith("sympy") and hasattr(arg, "_repr_latex_"):
        return lambda: dg.latex(arg)
    if (figure := _figure_drawer(dg, arg)) is not None:
        return figure
    if callable(getattr(arg, "_repr_html_", None)) and not isinstance(arg, type) and (html := arg._repr_html_()):
        return lambda: dg.html(html)
    if (bundle := _mimebundle(arg)) is not None:
        return lambda: dg._enqueue("mimebundle", {"data": bundle})
    if _MEMORY_ADDRESS.match(str(arg)):  # no repr of its own: what it is says more (Streamlit does the same)
        return lambda: dg.help(arg)
    return None


def _figure_drawer(dg, arg: Any) -> Callable[[], Any] | None:
    """Charts, figures, pictures and Jupyter widgets, recognised by their type's module (nothing is imported)."""
    module = _module(arg)
    if module.startswith("matplotlib") and callable(getattr(arg, "savefig", None)):
        return lambda: dg.pyplot(arg)
    if module.startswith("altair") and callable(getattr(arg, "to_dict", None)):
        return lambda: dg.altair_chart(arg)
    if module.startswith("PIL") and hasattr(arg, "mode") and hasattr(arg, "size"):
        return lambda: dg.image(arg)
    if module.startswith("plotly") and hasattr(dg, "plotly_chart") and hasattr(arg, "to_plotly_json"):
        return lambda: dg.plotly_chart(arg)
    if module.startswith("graphviz") and hasattr(dg, "graphviz_chart") and hasattr(arg, "source"):
        return lambda: dg.graphviz_chart(arg)
    if module.startswith("pydeck") and hasattr(dg, "pydeck_chart") and callable(getattr(arg, "to_json", None)):
        return lambda: dg.pydeck_chart(arg)
    if is_jupyter_widget(arg):
        return lambda: dg.jupyter_widget(arg)
    return None


def _is_namedtuple(obj: Any) -> bool:
    return isinstance(obj, tuple) and hasattr(obj, "_asdict")
