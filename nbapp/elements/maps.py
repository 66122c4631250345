"""st.map offline: the points drawn by Vega-Lite on a plain Mercator background (tiles need the internet).

The chart says so under the points. Column lookup, colors and sizes follow Streamlit 1.67.
"""
from __future__ import annotations

import math
from typing import Any

from nbapp.elements import charts_data as cd
from nbapp.elements.charts import CHART_FRONTEND, chart_static
from nbapp.elements.data import to_dataframe
from nbapp.elements.policies import fail, got
from nbapp.elements.registry import element

LAT_NAMES = ("LAT", "LATITUDE", "lat", "latitude")
LON_NAMES = ("LON", "LONGITUDE", "lon", "longitude")
OFFLINE_NOTE = "Map tiles need the internet: the points are drawn on a plain background."
DEFAULT_COLOR = "#ff0000c8"  # Streamlit's default point color
METERS_TO_AREA = 0.05  # a point's radius in meters (Streamlit's size) -> a circle's area in px at a city's zoom


def _column(fn: str, frame, given: Any, names: tuple[str, ...], what: str) -> str:
    if given is not None:
        if given not in frame.columns:
            raise fail(fn, None, f"{what} names the column {given!r}, which the data does not have; "
                                 f"its columns are: {', '.join(map(str, frame.columns))}.")
        return str(given)
    for name in names:
        if name in frame.columns:
            return name
    raise fail(fn, None, f"the data must have a {what} column named one of {', '.join(map(repr, names))} "
                         f"(or pass {what}=); its columns are: {', '.join(map(str, frame.columns)) or '(none)'}.")


def _projection(table, lat: str, lon: str, zoom: int | float | None) -> dict[str, Any]:
    """Mercator fitted to the points, or, with ``zoom``, centered on them at that zoom level.

    Zoom follows deck.gl (Streamlit's map): the world is 512 * 2**zoom pixels wide.
    """
    if zoom is None or table.empty:
        return {"type": "mercator"}
    center = [float(table[lon].min() + table[lon].max()) / 2, float(table[lat].min() + table[lat].max()) / 2]
    return {"type": "mercator", "center": center, "scale": 512 * 2 ** float(zoom) / (2 * math.pi),
            "translate": {"expr": "[width / 2, height / 2]"}}


@element("map", frontend=CHART_FRONTEND, static=chart_static, value="spec")
def map_(dg, data: Any = None, *, latitude: str | None = None, longitude: str | None = None, color: Any = None,
        size: Any = None, zoom: int | None = None, width: int | str = "stretch", height: int | str = 500,
        use_container_width: bool | None = None, alt: str | None = None):
    """Display points on a map; offline they sit on a plain background and a note says tiles need the internet.

    Latitude and longitude come from columns named lat/latitude and lon/longitude (any
    case Streamlit accepts) or the ``latitude``/``longitude`` arguments; ``color`` and
    ``size`` are a column or a constant (a color; meters). With ``zoom`` (0-24, as in
    Streamlit) the view centers on the points at that zoom; without it, it fits them.
    Returns the element's handle; raises NbappAPIError for missing columns or a bad zoom.

    Examples
    --------
    >>> st.map(pd.DataFrame({"lat": [37.76, 37.77], "lon": [-122.4, -122.41]}))
    """
    frame = to_dataframe("map", data)
    lat = _column("map", frame, latitude, LAT_NAMES, "latitude")
    lon = _column("map", frame, longitude, LON_NAMES, "longitude")
    keep = [lat, lon]
    encoding: dict[str, Any] = {"latitude": {"field": lat, "type": "quantitative"},
                                "longitude": {"field": lon, "type": "quantitative"}}
    if isinstance(color, str) and color in frame.columns:
        keep.append(color)
        encoding["color"] = {"field": color, "type": cd.vegalite_type(frame[color]), "legend": None}
        if len(frame) and cd.is_color(frame[color].iat[0]):
            encoding["color"]["scale"] = None
    elif color is None or cd.is_color(color):
        encoding["color"] = {"value": cd.css_color(color if color is not None else DEFAULT_COLOR)}
    else:
        raise fail("map", None, f"color must be a column name, a hex string or an RGB(A) tuple, got {got(color)}.")
    if isinstance(size, str) and size in frame.columns:
        keep.append(size)
        encoding["size"] = {"field": size, "type": "quantitative", "legend": None}
    elif size is None or (isinstance(size, (int, float)) and not isinstance(size, bool)):
        encoding["size"] = {"value": max(8.0, float(size if size is not None else 100) * METERS_TO_AREA * 10)}
    else:
        raise fail("map", None, f"size must be a column name or a number (meters), got {got(size)}.")
    table = frame[list(dict.fromkeys(keep))].dropna(subset=[lat, lon])
    if zoom is not None and (isinstance(zoom, bool) or not isinstance(zoom, (int, float)) or not 0 <= zoom <= 24):
        raise fail("map", None, f"zoom must be a number from 0 to 24, got {got(zoom)}.")
    spec = {
        "$schema": "https://vega.github.io/schema/vega-lite/v6.json",
        "data": {"name": cd.DATASET},
        "projection": _projection(table, lat, lon, zoom),
        "mark": {"type": "circle", "tooltip": True, "clip": True},
        "encoding": encoding,
        "title": {"text": OFFLINE_NOTE, "orient": "bottom", "color": "#808495", "fontSize": 12,
                  "fontWeight": "normal", "anchor": "start"},
        "view": {"fill": "#eef1f5", "stroke": None},
    }
    if use_container_width is not None:
        width = "stretch" if use_container_width else "content"
    props = {"spec": spec, "data": {cd.DATASET: cd.columns_table(table)}, "width": width,
             "height": height if isinstance(height, int) and not isinstance(height, bool) else 500,
             "theme": "streamlit", "builtin": True, "selection_mode": [], "zoom": zoom}
    return dg._enqueue("map", props)
