"""Vega-Lite charts: line_chart, area_chart, bar_chart, scatter_chart, altair_chart, vega_lite_chart.

Every chart is a Vega-Lite spec (``props["spec"]``, without its data) plus its datasets
(``props["data"]``: columns, numbers as binary buffers), drawn by ``nbapp/frontend/vega-chart.js``.
Only ``data`` is its own synced trait: a rerun with new rows sends the rows, never the spec
again, and unchanged data sends nothing. The static picture is an SVG from vl-convert.
"""
from __future__ import annotations

import json
import re
from collections.abc import Callable, Iterable, Mapping
from typing import Any

from nbapp.elements import charts_data as cd
from nbapp.elements.charts_static import chart_svg
from nbapp.elements.data import to_dataframe
from nbapp.elements.policies import check_str, fail, got
from nbapp.elements.registry import Frontend, element

CHART_FRONTEND = Frontend("vega-chart.js", css=None, traits=("data",))
THEMES = ("streamlit", None)
_CHANNELS = ("x", "y", "x2", "y2", "color", "fill", "stroke", "opacity", "size", "shape", "text", "tooltip",
             "row", "column", "facet", "theta", "radius")


class AttributeDictionary(dict):
    """A dict whose keys also read as attributes (``state.selection.param_1``), as Streamlit's event states."""

    def __getattr__(self, name: str) -> Any:
        try:
            value = self[name]
        except KeyError:
            raise AttributeError(f"no attribute {name!r}; the keys are {list(self)}") from None
        return AttributeDictionary(value) if isinstance(value, dict) and not isinstance(value, AttributeDictionary) else value


def event_state(wire: Any, fields: tuple[str, ...], empty: type = list) -> AttributeDictionary:
    """Return Streamlit's event state ``{"selection": {field: ...}}`` from what a browser sent (JSON or a dict).

    Missing or malformed parts read as empty (``empty()`` per field), as Streamlit's serdes do.
    """
    try:
        state = json.loads(wire) if isinstance(wire, str) else wire
    except ValueError:
        state = None
    selection = state.get("selection") if isinstance(state, dict) else None
    if not isinstance(selection, dict):
        selection = {}
    return AttributeDictionary({"selection": AttributeDictionary(
        {name: empty(selection.get(name) or empty()) for name in fields})})


def chart_static(props: dict[str, Any]) -> str:
    """Return a chart's frozen HTML: its SVG picture (vl-convert), or a note when vl-convert is missing."""
    return chart_svg(props)


def _fields(**extra: Any) -> dict[str, Any]:
    return {"frontend": CHART_FRONTEND, "static": chart_static, "value": "spec", **extra}


def _width(fn: str, width: Any, use_container_width: Any, default: Any) -> int | str:
    if use_container_width is not None:
        return "stretch" if use_container_width else ("content" if width in (None, "stretch") else width)
    if width is None:
        return default
    if width in ("stretch", "content") or (isinstance(width, int) and not isinstance(width, bool) and width > 0):
        return width
    raise fail(fn, None, f'width must be "stretch", "content" or a positive int (pixels), got {got(width)}.')


def _height(fn: str, height: Any) -> int | str:
    if height is None or height in ("content", "stretch"):
        return height or "content"
    if isinstance(height, int) and not isinstance(height, bool) and height > 0:
        return height
    raise fail(fn, None, f'height must be "content", "stretch" or a positive int (pixels), got {got(height)}.')


def _built_in(dg, fn: str, data, *, x, y, x_label, y_label, color, size=None, width, height,
              use_container_width, stack=None, horizontal=False, sort=True):
    check_str(fn, "x_label", x_label)
    check_str(fn, "y_label", y_label)
    if fn in ("bar_chart", "area_chart"):
        cd.check_stack(fn, stack)
    frame = to_dataframe(fn, data)
    prepared = cd.prepare(fn, frame, x, y, color, size)
    spec = cd.built_in_spec(fn, prepared, x_arg=x, y_arg=y, x_label=x_label, y_label=y_label,
                            horizontal=horizontal, stack=stack, sort=sort)
    props = {"spec": spec, "data": {cd.DATASET: cd.columns_table(prepared["frame"])},
             "width": _width(fn, width, use_container_width, "stretch"), "height": _height(fn, height),
             "theme": "streamlit", "builtin": True, "selection_mode": []}
    return dg._enqueue(fn, props)


@element(**_fields())
def line_chart(dg, data: Any = None, *, x: str | None = None, y: str | Iterable[str] | None = None,
               x_label: str | None = None, y_label: str | None = None, color: Any = None,
               width: int | str = "stretch", height: int | str = "content", use_container_width: bool | None = None, alt: str | None = None):
    """Display a line chart of ``data``'s columns (or ``y``) against its index (or ``x``).

    Several y columns are drawn as one line each, colored by column; ``color`` is a column
    name, a color, or one color per y column. Returns the element's handle. Raises
    NbappAPIError naming the argument for a column the data lacks or a bad color or size.

    Examples
    --------
    >>> st.line_chart(pd.DataFrame(np.random.randn(20, 3), columns=["a", "b", "c"]))
    """
    return _built_in(dg, "line_chart", data, x=x, y=y, x_label=x_label, y_label=y_label, color=color,
                     width=width, height=height, use_container_width=use_container_width)


@element(**_fields())
def area_chart(dg, data: Any = None, *, x: str | None = None, y: str | Iterable[str] | None = None,
               x_label: str | None = None, y_label: str | None = None, color: Any = None, stack: Any = None,
               width: int | str = "stretch", height: int | str = "content", use_container_width: bool | None = None, alt: str | None = None):
    """Display an area chart (``stack``: None/True stacked, False or "layered" overlapping, "normalize", "center").

    Returns the element's handle; raises NbappAPIError for unknown columns or a bad stack.

    Examples
    --------
    >>> st.area_chart(df, x="day", y=["sales", "costs"], stack="normalize")
    """
    return _built_in(dg, "area_chart", data, x=x, y=y, x_label=x_label, y_label=y_label, color=color, stack=stack,
                     width=width, height=height, use_container_width=use_container_width)


@element(**_fields())
def bar_chart(dg, data: Any = None, *, x: str | None = None, y: str | Iterable[str] | None = None,
              x_label: str | None = None, y_label: str | None = None, color: Any = None, horizontal: bool = False,
              sort: bool | str = True, stack: Any = None, width: int | str = "stretch", height: int | str = "content",
              use_container_width: bool | None = None, alt: str | None = None):
    """Display a bar chart; ``horizontal`` turns it sideways, ``sort`` orders the bars (a column, "-col" descending,
    False: the data's order), ``stack`` as in :func:`area_chart` (False: grouped bars).

    Returns the element's handle; raises NbappAPIError for unknown columns or a bad stack/sort.

    Examples
    --------
    >>> st.bar_chart({"fruit": ["apple", "kiwi"], "n": [3, 5]}, x="fruit", y="n", horizontal=True, sort="-n")
    """
    return _built_in(dg, "bar_chart", data, x=x, y=y, x_label=x_label, y_label=y_label, color=color, stack=stack,
                     horizontal=bool(horizontal), sort=sort, width=width, height=height,
                     use_container_width=use_container_width)


@element(**_fields())
def scatter_chart(dg, data: Any = None, *, x: str | None = None, y: str | Iterable[str] | None = None,
                  x_label: str | None = None, y_label: str | None = None, color: Any = None, size: Any = None,
                  width: int | str = "stretch", height: int | str = "content", use_container_width: bool | None = None, alt: str | None = None):
    """Display a scatter chart; ``size`` is a column name or a number (the points' area, default 100).

    Returns the element's handle; raises NbappAPIError for unknown columns or a bad color/size.

    Examples
    --------
    >>> st.scatter_chart(df, x="height", y="weight", color="species", size="age")
    """
    return _built_in(dg, "scatter_chart", data, x=x, y=y, x_label=x_label, y_label=y_label, color=color, size=size,
                     width=width, height=height, use_container_width=use_container_width)


# -- full Vega-Lite specs --------------------------------------------------------------------


def _unflatten(kwargs: dict[str, Any]) -> dict[str, Any]:
    """``x_field="a"`` -> ``{"encoding": {"x": {"field": "a"}}}``-style keywords, as Streamlit's ``dicttools.unflatten``."""
    out: dict[str, Any] = {}
    for key, value in kwargs.items():
        parts = key.split("_")
        if parts[0] in _CHANNELS and len(parts) > 1:
            parts = ["encoding", *parts]
        holder = out
        for part in parts[:-1]:
            holder = holder.setdefault(part, {})
        holder[parts[-1]] = value
    return out


def _merge(base: dict[str, Any], extra: dict[str, Any]) -> dict[str, Any]:
    out = dict(base)
    for key, value in extra.items():
        out[key] = _merge(out[key], value) if isinstance(value, dict) and isinstance(out.get(key), dict) else value
    return out


def _stable_names(spec: dict[str, Any]) -> dict[str, Any]:
    """Rename Altair's counters (param_7, view_3) and hashed dataset names (data-9f0c...) in order of appearance.

    A rerun then gives the same spec and dataset names, so only changed rows reach the browser.
    ``datasets`` (the rows) is left out of the text and its keys renamed like the references.
    """
    datasets = spec.pop("datasets", None)
    top = spec.get("data")
    # Inline rows or a table object ({"data": df}, {"data": {"values": df}}) stay objects: not text.
    inline = spec.pop("data") if top is not None and (not isinstance(top, Mapping) or "values" in top) else None
    text = json.dumps(spec, default=str)
    renamed: dict[str, str] = {}
    for pattern, prefix, start in ((r'"param_\d+"', "param_", 1), (r'"view_\d+"', "view_", 1),
                                   (r'"data-[0-9a-f]{16,}"', "dataset_", 0)):
        found = list(dict.fromkeys(re.findall(pattern, text)))
        if prefix == "dataset_" and datasets:
            found = list(dict.fromkeys([*found, *(f'"{name}"' for name in datasets if re.fullmatch(pattern, f'"{name}"'))]))
        for n, old in enumerate(found, start=start):
            text = text.replace(old, f'"\0{prefix}{n}"')
            renamed[old[1:-1]] = f"{prefix}{n}"
        text = text.replace("\0", "")
    spec = json.loads(text)
    if inline is not None:
        spec["data"] = inline
    if datasets is not None:
        spec["datasets"] = {renamed.get(str(name), str(name)): values for name, values in datasets.items()}
    return spec


def _pull_data(fn: str, spec: dict[str, Any], data: Any) -> dict[str, Any]:
    """Move the spec's tables (``datasets``, top-level ``data``/``data.values``, the ``data`` argument) into columns."""
    tables: dict[str, Any] = {}
    for name, values in (spec.pop("datasets", None) or {}).items():
        tables[str(name)] = cd.columns_table(to_dataframe(fn, values))
    top = spec.get("data")
    if isinstance(top, Mapping) and "values" in top:
        data = top["values"]
    elif top is not None and not isinstance(top, Mapping):
        data = top
    if data is not None:
        if isinstance(data, (str, bytes)):
            raise fail(fn, None, f"data must be a table (DataFrame, dict, list, array), got {got(data)}.")
        tables[cd.DATASET] = cd.columns_table(to_dataframe(fn, data))
        spec["data"] = {"name": cd.DATASET}
    return tables


def _vega_lite(dg, fn: str, spec: dict[str, Any], data: Any, *, width, height, use_container_width, theme, key,
               on_select, selection_mode):
    if theme not in THEMES:
        raise fail(fn, None, f'theme must be "streamlit" or None, got {got(theme)}.')
    if on_select not in ("ignore", "rerun") and not callable(on_select):
        raise fail(fn, None, f'on_select must be "ignore", "rerun" or a callable, got {got(on_select)}.')
    if not spec:
        raise fail(fn, None, "Vega-Lite charts need a non-empty spec dict.")
    spec = dict(spec)
    spec.setdefault("autosize", {"type": "fit-x" if "vconcat" in spec and use_container_width else "fit",
                                 "contains": "padding"})
    spec = _stable_names(spec)
    tables = _pull_data(fn, spec, data)
    props = {"spec": spec, "data": tables, "width": _width(fn, width, use_container_width, _default_width(spec)),
             "height": _height(fn, height), "theme": theme, "builtin": False, "selection_mode": []}
    if on_select == "ignore":
        return dg._enqueue(fn, props)
    modes = _selection_modes(fn, spec, selection_mode)
    props["selection_mode"] = modes
    empty = {"selection": {name: {} for name in modes}}

    def deserialize(wire: Any) -> AttributeDictionary:
        try:
            state = json.loads(wire) if isinstance(wire, str) else wire
        except ValueError:
            state = None
        if not isinstance(state, dict) or not isinstance(state.get("selection"), dict):
            state = empty
        return AttributeDictionary({"selection": AttributeDictionary(state["selection"])})

    identity = {"spec": json.dumps(spec, sort_keys=True, default=str), "modes": modes, "theme": theme,
                "data": sorted(tables)}
    return dg._widget(fn, "", key=key, default=deserialize(None), identity=identity, props=props,
                      serialize=lambda state: json.dumps(state, default=str), deserialize=deserialize,
                      on_change=on_select if callable(on_select) else None)


def _default_width(spec: dict[str, Any]) -> str:
    """Streamlit's width=None: "content" for facets, concatenations and repeats, else "stretch"."""
    encoding = spec.get("encoding") or {}
    if "facet" in spec or "hconcat" in spec or "repeat" in spec or any(c in encoding for c in ("row", "column", "facet")):
        return "content"
    return "stretch"


def _selection_modes(fn: str, spec: dict[str, Any], selection_mode: Any) -> list[str]:
    if any(k in spec for k in ("layer", "hconcat", "vconcat", "concat", "spec")) or "encoding" not in spec:
        raise fail(fn, None, "selections (on_select) work on single-view charts only, not on layered or "
                             "concatenated charts (streamlit#8643).")
    params = {p["name"] for p in spec.get("params", ()) if isinstance(p, Mapping) and p.get("name") and p.get("select")}
    if not params:
        raise fail(fn, None, "on_select is set but the chart defines no selection parameter: add one "
                             "(altair: .add_params(alt.selection_point()); Vega-Lite: a param with \"select\").")
    if selection_mode is None:
        return sorted(params)
    modes = [selection_mode] if isinstance(selection_mode, str) else list(selection_mode)
    for name in modes:
        if name not in params:
            raise fail(fn, None, f"selection_mode names {name!r}, which the chart does not define; "
                                 f"its selection parameters are {sorted(params)}.")
    return sorted(modes)


@element(**_fields())
def vega_lite_chart(dg, data: Any = None, spec: dict | None = None, *, width: int | str | None = None,
                    height: int | str = "content", use_container_width: bool | None = None,
                    theme: str | None = "streamlit", key: str | None = None, on_select: str | Callable = "ignore",
                    selection_mode: str | Iterable[str] | None = None, alt: str | None = None, **kwargs: Any):
    """Display a chart from a Vega-Lite spec; ``data`` (any table) fills its top-level data.

    Keywords extend the spec (``mark="bar"``, ``x_field="a"``). With ``on_select="rerun"``
    (or a callable) a selection in the chart reruns the app and the call returns
    ``{"selection": {param: ...}}`` (points: a list of field -> value; intervals: field ->
    [low, high]); otherwise the element's handle. Raises NbappAPIError for an empty spec,
    a bad theme/on_select, or selection_mode naming an unknown parameter.

    Examples
    --------
    >>> st.vega_lite_chart(df, {"mark": "point", "encoding": {"x": {"field": "a", "type": "quantitative"}}})
    """
    if isinstance(data, Mapping) and spec is None:  # as Streamlit: a lone dict is the spec
        data, spec = None, data
    spec = _merge(dict(spec or {}), _unflatten(kwargs)) if kwargs else dict(spec or {})
    return _vega_lite(dg, "vega_lite_chart", spec, data, width=width, height=height,
                      use_container_width=use_container_width, theme=theme, key=key, on_select=on_select,
                      selection_mode=selection_mode)


@element(**_fields())
def altair_chart(dg, altair_chart: Any, *, width: int | str | None = None, height: int | str = "content",
                 use_container_width: bool | None = None, theme: str | None = "streamlit", key: str | None = None,
                 on_select: str | Callable = "ignore", selection_mode: str | Iterable[str] | None = None, alt: str | None = None):
    """Display an Altair chart (its Vega-Lite spec; Altair itself is only needed to build the chart).

    Returns the element's handle, or with ``on_select`` the selection state as in
    :func:`vega_lite_chart`. Raises NbappAPIError for an object that is not an Altair chart.

    Examples
    --------
    >>> st.altair_chart(alt.Chart(df).mark_point().encode(x="a", y="b"))
    """
    spec = altair_spec("altair_chart", altair_chart)
    return _vega_lite(dg, "altair_chart", spec, None, width=width, height=height,
                      use_container_width=use_container_width, theme=theme, key=key, on_select=on_select,
                      selection_mode=selection_mode)


def is_altair_chart(obj: Any) -> bool:
    """True for Altair chart objects (detected by type, without importing Altair)."""
    module = type(obj).__module__ or ""
    return module.startswith("altair") and callable(getattr(obj, "to_dict", None))


def altair_spec(fn: str, chart: Any) -> dict[str, Any]:
    """Return an Altair chart's Vega-Lite spec with its datasets inline (every row: no 5,000-row cap).

    Raises NbappAPIError for anything that is not an Altair chart.
    """
    if not is_altair_chart(chart):
        raise fail(fn, None, f"altair_chart must be an Altair chart (alt.Chart, alt.LayerChart...), got {got(chart)}.")
    import altair as alt

    themes = getattr(alt, "theme", None) or alt.themes  # altair >= 5.5 renamed it
    with alt.data_transformers.enable("default", max_rows=None), themes.enable("none"):
        return chart.to_dict()

