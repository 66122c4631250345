"""st.echarts_chart: an Apache ECharts option drawn by the vendored echarts library (no network).

The option is a dict, a JSON string, or a pyecharts chart (anything with ``dump_options``,
detected without importing pyecharts). A DataFrame in ``dataset.source`` travels as a header
row plus rows. Selections (``on_select``) return what Streamlit 1.67 returns.
"""
from __future__ import annotations

import html
import json
import math
from collections.abc import Callable, Iterator
from typing import Any

from nbapp.elements import pictures
from nbapp.elements.charts import AttributeDictionary, event_state
from nbapp.elements.policies import fail, got
from nbapp.elements.registry import Frontend, element



def picture_key(props: dict[str, Any]) -> str:
    """The name the drawn chart is kept under: its option, theme and renderer."""
    return pictures.picture_key("echarts", json.dumps(props.get("option"), sort_keys=True), str(props.get("theme")),
                                str(props.get("renderer")))


ECHARTS_FRONTEND = Frontend("echarts-chart.js", traits=("option",), on_message=pictures.keeper(picture_key))
CONTENT_WIDTH, CONTENT_HEIGHT = 700, 350  # Streamlit's sizes for "content"
PYECHARTS_DEFAULTS = ("900px", "500px")  # pyecharts' own InitOpts defaults: not a size the author chose
GL_SERIES = {"bar3D", "flowGL", "globe", "graphGL", "line3D", "lines3D", "linesGL", "map3D", "polygons3D",
             "scatter3D", "scatterGL", "surface"}
GL_COMPONENTS = {"geo3D", "globe", "grid3D", "mapbox3D", "maptalks3D"}
EXTENSION_SERIES = {"liquidFill": "echarts-liquidfill", "wordCloud": "echarts-wordcloud"}
JSCODE = "--x_x--"  # how pyecharts wraps JavaScript it cannot put in JSON


def _loads(text: str) -> Any:
    try:
        option = json.loads(text)
    except ValueError as err:
        if "function" in text:
            raise fail("echarts_chart", None, "spec holds JavaScript functions (formatters, renderItem...), which "
                                              "st.echarts_chart cannot run: use JSON values (format strings).") from err
        raise fail("echarts_chart", None, f"spec is not valid JSON: {err}.") from err
    if JSCODE in text:
        raise fail("echarts_chart", None, "spec holds pyecharts JsCode (JavaScript), which st.echarts_chart cannot "
                                          "run: use JSON values (format strings).")
    return option


def _variants(option: dict[str, Any]) -> Iterator[dict[str, Any]]:
    yield option
    for name in ("baseOption",):
        if isinstance(option.get(name), dict):
            yield option[name]
    for name in ("options", "media"):
        for entry in option.get(name) or []:
            if isinstance(entry, dict):
                yield entry.get("option", entry) if name == "media" else entry


def _series(option: dict[str, Any]) -> Iterator[dict[str, Any]]:
    for variant in _variants(option):
        series = variant.get("series")
        for entry in series if isinstance(series, list) else [series] if isinstance(series, dict) else []:
            if isinstance(entry, dict):
                yield entry


def _table(source: Any) -> list[list[Any]]:
    """A DataFrame as ECharts' 2-D dataset source: a header row of column names, then the rows."""
    from nbapp.elements.data import to_dataframe

    frame = to_dataframe("echarts_chart", source)
    rows = json.loads(frame.to_json(orient="values", date_format="iso", default_handler=str))
    return [[str(c) for c in frame.columns], *rows]


def _is_frame(value: Any) -> bool:
    module = type(value).__module__ or ""
    return module.startswith(("pandas", "polars", "pyarrow")) and (hasattr(value, "columns") or hasattr(value, "to_frame"))


def normalize(spec: Any) -> dict[str, Any]:
    """Return the ECharts option of a dict, JSON text or pyecharts chart, DataFrame sources as tables.

    Raises NbappAPIError for another type, JavaScript in the option, or features that need
    an ECharts extension (GL, maps, custom series).
    """
    if isinstance(spec, str):
        option = _loads(spec)
    elif isinstance(spec, dict):
        option = json.loads(json.dumps(spec, default=_plain))
    elif callable(getattr(spec, "dump_options", None)):
        option = _loads(spec.dump_options())
    else:
        raise fail("echarts_chart", None, f"spec must be a dict, a JSON string or a pyecharts chart, got {got(spec)}.")
    if not isinstance(option, dict):
        raise fail("echarts_chart", None, f"spec must describe an ECharts option object, got {got(option)}.")
    _check_features(option)
    return option


def _plain(value: Any) -> Any:
    """JSON for what json cannot write itself: a DataFrame (a dataset source) as a table, arrays as lists."""
    if _is_frame(value):
        return _table(value)
    if hasattr(value, "tolist"):
        return value.tolist()
    if hasattr(value, "isoformat"):
        return value.isoformat()
    raise fail("echarts_chart", None, f"spec holds a value JSON cannot carry: {got(value)}.")


def _check_features(option: dict[str, Any]) -> None:
    for variant in _variants(option):
        for component in sorted(GL_COMPONENTS & variant.keys()):
            raise fail("echarts_chart", None, f"spec uses the {component!r} component, which needs the ECharts GL "
                                              "extension: 3D and WebGL charts are not supported.")
        if "geo" in variant:
            raise fail("echarts_chart", None, "spec uses a geo coordinate system, which needs registered GeoJSON "
                                              "maps: map charts are not supported.")
    for series in _series(option):
        kind = series.get("type")
        if kind in GL_SERIES:
            raise fail("echarts_chart", None, f"spec uses the {kind!r} series, which needs the ECharts GL extension.")
        if kind in EXTENSION_SERIES:
            raise fail("echarts_chart", None, f"spec uses the {kind!r} series, which needs the "
                                              f"{EXTENSION_SERIES[kind]} extension (not bundled).")
        if kind == "custom":
            raise fail("echarts_chart", None, "spec uses a 'custom' series, which needs a JavaScript renderItem.")
        if kind == "map" or series.get("coordinateSystem") == "geo":
            raise fail("echarts_chart", None, "spec uses a map series, which needs registered GeoJSON maps.")


def enables_selection(option: dict[str, Any]) -> bool:
    """True when the option lets ECharts emit a selection: a series' selectedMode, or a brush."""
    for variant in _variants(option):
        toolbox = variant.get("toolbox")
        if "brush" in variant or any(isinstance(t, dict) and isinstance(t.get("feature"), dict) and "brush" in t["feature"]
                                     for t in (toolbox if isinstance(toolbox, list) else [toolbox])):
            return True
    return any(series.get("selectedMode") for series in _series(option))


def _size(value: Any, given: int | str, default: int, pyecharts_default: str, spec: Any) -> int | str:
    """Resolve "content": a pyecharts chart's own px size when it chose one, else Streamlit's default."""
    if given != "content":
        return given
    if isinstance(value, str) and value.endswith("px") and value != pyecharts_default and callable(getattr(spec, "dump_options", None)):
        try:
            return int(float(value[:-2]))
        except ValueError:
            pass
    return default


def _check_size(name: str, value: Any) -> None:
    if value in ("stretch", "content") or (isinstance(value, int) and not isinstance(value, bool) and value > 0):
        return
    raise fail("echarts_chart", None, f'{name} must be "stretch", "content" or a positive int, got {got(value)}.')


def echarts_static(props: dict[str, Any]) -> str:
    """The chart as the picture a browser last drew of it; before any did, a box naming it."""
    picture = pictures.recall(picture_key(props), props.get("alt") or "ECharts chart")
    if picture:
        return f'<div class="nbapp-echarts">{picture}</div>'
    title = (props.get("option") or {}).get("title")
    text = (title[0] if isinstance(title, list) and title else title or {}).get("text") if isinstance(title, (dict, list)) else None
    return (f'<div class="nbapp-chart-static nbapp-chart-missing">ECharts chart{": " + html.escape(str(text)) if text else ""}'
            " (interactive in the live page)</div>")


def _selection(wire: Any) -> AttributeDictionary:
    return event_state(wire, ("selected", "areas"))


@element(value="option", frontend=ECHARTS_FRONTEND, static=echarts_static)
def echarts_chart(dg, spec: Any, *, width: int | str = "stretch", height: int | str = "content",
                  theme: str | None = "streamlit", key: str | int | None = None,
                  on_select: str | Callable = "ignore", renderer: str = "canvas", alt: str | None = None):
    """Display an interactive Apache ECharts chart from an option dict, JSON text or a pyecharts chart.

    With ``on_select="rerun"`` (or a callable) a point selection (a series' ``selectedMode``)
    or a brush reruns the app and the call returns ``{"selection": {"selected": [...],
    "areas": [...]}}`` as Streamlit does; otherwise the element's handle. Raises NbappAPIError
    for a bad spec, theme, renderer, size or on_select.

    Examples
    --------
    >>> st.echarts_chart({"xAxis": {"data": ["a", "b"]}, "yAxis": {}, "series": [{"type": "bar", "data": [3, 5]}]})
    """
    _check_size("width", width)
    _check_size("height", height)
    if theme not in ("streamlit", None):
        raise fail("echarts_chart", None, f'theme must be "streamlit" or None, got {got(theme)}.')
    if renderer not in ("canvas", "svg"):
        raise fail("echarts_chart", None, f'renderer must be "canvas" or "svg", got {got(renderer)}.')
    if on_select not in ("ignore", "rerun") and not callable(on_select):
        raise fail("echarts_chart", None, f'on_select must be "ignore", "rerun" or a callable, got {got(on_select)}.')
    option = normalize(spec)
    text = json.dumps(option, sort_keys=True, allow_nan=True)
    if not all(math.isfinite(v) for v in _numbers(option)):
        raise fail("echarts_chart", None, "spec holds NaN or infinity, which JSON cannot carry: use None.")
    selecting = on_select != "ignore"
    props = {"option": option, "theme": theme, "renderer": renderer, "alt": alt, "selecting": selecting,
             "width": _size(getattr(spec, "width", None), width, CONTENT_WIDTH, PYECHARTS_DEFAULTS[0], spec),
             "height": _size(getattr(spec, "height", None), height, CONTENT_HEIGHT, PYECHARTS_DEFAULTS[1], spec)}
    if not selecting:
        return dg._enqueue("echarts_chart", props)
    identity = {"spec": text, "theme": theme, "renderer": renderer, "width": width, "height": height, "alt": alt}
    return dg._widget("echarts_chart", "", key=key, default=_selection(None), identity=identity, props=props,
                      serialize=lambda state: json.dumps(state), deserialize=_selection,
                      on_change=on_select if callable(on_select) else None)


def _numbers(value: Any) -> Iterator[float]:
    if isinstance(value, float):
        yield value
    elif isinstance(value, dict):
        for item in value.values():
            yield from _numbers(item)
    elif isinstance(value, list):
        for item in value:
            yield from _numbers(item)
