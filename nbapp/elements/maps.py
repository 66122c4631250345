"""st.map: points drawn by deck.gl as Streamlit draws them (a ScatterplotLayer), on map tiles when online.

Offline the points sit on a plain background and a note says tiles need the internet (see
``pydeck_chart``). Column lookup, colors, sizes (meters), zoom and centering follow Streamlit 1.67.
"""
from __future__ import annotations

from typing import Any

from nbapp.elements import charts_data as cd
from nbapp.elements.data import to_dataframe
from nbapp.elements.policies import fail, got
from nbapp.elements.pydeck_chart import DECK_FRONTEND, OFFLINE_NOTE, deck_static, tiles_url
from nbapp.elements.registry import element

LAT_NAMES = ("LAT", "LATITUDE", "lat", "latitude")
LON_NAMES = ("LON", "LONGITUDE", "lon", "longitude")
DEFAULT_COLOR = [200, 30, 0, 160]  # Streamlit's default point color
DEFAULT_SIZE = 100  # meters
# Streamlit's zoom levels: the degrees of longitude each zoom shows (OpenStreetMap's table).
ZOOM_LEVELS = [360, 180, 90, 45, 22.5, 11.25, 5.625, 2.813, 1.406, 0.703, 0.352, 0.176, 0.088, 0.044, 0.022, 0.011,
               0.005, 0.003, 0.001, 0.0005, 0.00025]
PALETTE = [[0, 104, 201, 200], [131, 201, 255, 200], [255, 43, 43, 200], [255, 171, 171, 200], [41, 176, 157, 200],
           [125, 239, 161, 200], [255, 135, 0, 200], [255, 209, 106, 200], [109, 63, 192, 200], [213, 218, 229, 200]]


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


def rgba(value: Any) -> list[int]:
    """Return a hex string or an RGB(A) tuple (0-255 ints or 0.0-1.0 floats) as deck.gl's [r, g, b, a] (0-255)."""
    if isinstance(value, str):
        text = value.lstrip("#")
        if len(text) in (3, 4):
            text = "".join(c * 2 for c in text)
        parts = [int(text[i:i + 2], 16) for i in range(0, len(text), 2)]
    else:
        floats = all(isinstance(c, float) for c in value)
        parts = [round(c * 255) if floats else int(c) for c in value[:3]]
        if len(value) == 4:
            parts.append(round(value[3] * 255) if floats or isinstance(value[3], float) else int(value[3]))
    return parts + [255] * (4 - len(parts))


def zoom_for(degrees: float) -> int:
    """Streamlit's zoom for a spread of ``degrees``: the level whose width just holds it (12 for one point)."""
    for i in range(len(ZOOM_LEVELS) - 1):
        if ZOOM_LEVELS[i + 1] < degrees <= ZOOM_LEVELS[i]:
            return i
    return 12


@element("map", frontend=DECK_FRONTEND, static=deck_static, value="spec")
def map_(dg, data: Any = None, *, latitude: str | None = None, longitude: str | None = None, color: Any = None,
        size: Any = None, zoom: int | None = None, width: int | str = "stretch", height: int | str = 500,
        use_container_width: bool | None = None, alt: str | None = None):
    """Display points on a map, drawn by deck.gl; offline on a plain background with a note that tiles need the internet.

    Latitude and longitude come from columns named lat/latitude and lon/longitude (any
    case Streamlit accepts) or the ``latitude``/``longitude`` arguments; ``color`` and
    ``size`` are a column or a constant (a color; meters). ``zoom`` (0-24) defaults to
    the level that holds all the points, centered on them. Returns the element's handle;
    raises NbappAPIError for missing columns, a bad color, size or zoom.

    Examples
    --------
    >>> st.map(pd.DataFrame({"lat": [37.76, 37.77], "lon": [-122.4, -122.41]}), zoom=11)
    """
    if data is None or getattr(data, "empty", False) is True:
        # No points: Streamlit draws the world map (centered on 0, 0 at zoom 1), no columns needed.
        spec = {"initialViewState": {"latitude": 0.0, "longitude": 0.0, "zoom": 1, "pitch": 0}, "layers": []}
        return dg._enqueue("map", _props(spec, width, height, use_container_width, alt))
    frame = to_dataframe("map", data)
    lat = _column("map", frame, latitude, LAT_NAMES, "latitude")
    lon = _column("map", frame, longitude, LON_NAMES, "longitude")
    if zoom is not None and (isinstance(zoom, bool) or not isinstance(zoom, (int, float)) or not 0 <= zoom <= 24):
        raise fail("map", None, f"zoom must be a number from 0 to 24, got {got(zoom)}.")
    table = frame.dropna(subset=[lat, lon])
    points = [{"lat": float(y), "lon": float(x)} for y, x in zip(table[lat], table[lon])]
    layer: dict[str, Any] = {"@@type": "ScatterplotLayer", "id": "map", "data": points, "getPosition": "@@=[lon, lat]",
                             "radiusMinPixels": 3, "pickable": True}
    if isinstance(color, str) and color in frame.columns:
        values = list(table[color])
        if values and all(cd.is_color(v) for v in values):
            colors = [rgba(v) for v in values]
        else:  # categories: one color each, as a chart's legend would give them
            order = {v: i for i, v in enumerate(dict.fromkeys(map(str, values)))}
            colors = [PALETTE[order[str(v)] % len(PALETTE)] for v in values]
        for point, rgba_ in zip(points, colors):
            point["color"] = rgba_
        layer["getFillColor"] = "@@=color"
    elif color is None or cd.is_color(color):
        layer["getFillColor"] = DEFAULT_COLOR if color is None else rgba(color)
    else:
        raise fail("map", None, f"color must be a column name, a hex string or an RGB(A) tuple, got {got(color)}.")
    if isinstance(size, str) and size in frame.columns:
        for point, meters in zip(points, table[size]):
            point["size"] = float(meters)
        layer["getRadius"] = "@@=size"
    elif size is None or (isinstance(size, (int, float)) and not isinstance(size, bool)):
        layer["getRadius"] = float(DEFAULT_SIZE if size is None else size)
    else:
        raise fail("map", None, f"size must be a column name or a number (meters), got {got(size)}.")
    if points:
        lats, lons = [p["lat"] for p in points], [p["lon"] for p in points]
        center = ((min(lats) + max(lats)) / 2, (min(lons) + max(lons)) / 2)
        if zoom is None:
            zoom = zoom_for(max(max(lats) - min(lats), max(lons) - min(lons)))
    else:
        center, zoom = (0.0, 0.0), 1 if zoom is None else zoom
    spec = {"initialViewState": {"latitude": center[0], "longitude": center[1], "zoom": zoom, "pitch": 0},
            "layers": [layer]}
    return dg._enqueue("map", _props(spec, width, height, use_container_width, alt))


def _props(spec: dict[str, Any], width, height, use_container_width, alt) -> dict[str, Any]:
    spec = {**spec, "mapProvider": "carto", "mapStyle": "light", "views": [{"@@type": "MapView", "controller": True}]}
    if use_container_width is not None:
        width = "stretch" if use_container_width else width
    return {"spec": spec, "tooltip": None, "width": width,
            "height": height if isinstance(height, int) and not isinstance(height, bool) else 500,
            "alt": alt, "tiles": tiles_url(), "offline_note": OFFLINE_NOTE, "selection_mode": None}
