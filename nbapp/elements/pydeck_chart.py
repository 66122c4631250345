"""st.pydeck_chart: a pydeck Deck drawn by the vendored deck.gl (its JSON through @deck.gl/json).

Map tiles need the internet. The kernel looks once whether the tile server's name resolves:
when it does, the page draws raster tiles under the layers; when not, the layers sit on a
plain background with the same note st.map shows. ``NBAPP_MAP_TILES`` overrides the
choice: ``off``, or a tile URL template with ``{z}``, ``{x}``, ``{y}`` (and ``{style}``).
"""
from __future__ import annotations

import functools
import html
import json
import math
import os
import re
import socket
import threading
from collections.abc import Callable, Iterable
from typing import Any

from nbapp.elements.charts import AttributeDictionary, event_state
from nbapp.elements.policies import fail, got
from nbapp.elements.registry import Frontend, element

DECK_FRONTEND = Frontend("deck-chart.js", traits=("spec",))
OFFLINE_NOTE = "Map tiles need the internet: the points are drawn on a plain background."
EMPTY_MAP = {"initialViewState": {"latitude": 0, "longitude": 0, "pitch": 0, "zoom": 1}}
SELECTION_MODES = ("single-object", "multi-object")
TILE_HOST = "basemaps.cartocdn.com"
TILES = "https://basemaps.cartocdn.com/{style}/{z}/{x}/{y}.png"  # CARTO's raster basemaps, as pydeck's default style
STATIC_SIZE = (640, 400)


@functools.cache
def _tile_server_resolves() -> bool:
    answer: list[bool] = []

    def look() -> None:
        try:
            answer.append(bool(socket.getaddrinfo(TILE_HOST, 443)))
        except OSError:
            answer.append(False)

    thread = threading.Thread(target=look, daemon=True)
    thread.start()
    thread.join(1.5)  # a slow resolver means no tiles this time rather than a stuck first run
    return bool(answer and answer[0])


def tiles_url() -> str | None:
    """Return the tile URL template the page should draw under maps, or None to draw none (offline)."""
    setting = os.environ.get("NBAPP_MAP_TILES", "").strip()
    if setting.lower() in ("off", "0", "none", "false"):
        return None
    if setting:
        return setting
    return TILES if _tile_server_resolves() else None


def deck_spec(pydeck_obj: Any) -> dict[str, Any]:
    """Return a pydeck Deck's JSON as a dict (an empty world map for None); raises NbappAPIError for other objects."""
    if pydeck_obj is None:
        return json.loads(json.dumps(EMPTY_MAP))
    if not ((type(pydeck_obj).__module__ or "").startswith("pydeck") and callable(getattr(pydeck_obj, "to_json", None))):
        raise fail("pydeck_chart", None, f"pydeck_obj must be a pydeck.Deck or None, got {got(pydeck_obj)}.")
    _frames_as_records(pydeck_obj)
    return json.loads(pydeck_obj.to_json())


def _frames_as_records(deck: Any) -> None:
    # pydeck's serializer reads vars(DataFrame), which pandas 3 no longer has (visgl/deck.gl#9986).
    for layer in getattr(deck, "layers", None) or []:
        data = getattr(layer, "data", None)
        if hasattr(data, "to_dict") and hasattr(data, "columns"):
            layer.data = data.to_dict(orient="records")


def deck_tooltip(pydeck_obj: Any) -> dict[str, Any] | None:
    """Return the Deck's tooltip when it is a dict (``{"text": ...}`` or ``{"html": ..., "style": ...}``)."""
    widget = getattr(pydeck_obj, "deck_widget", None)
    for tooltip in (getattr(widget, "tooltip", None), getattr(pydeck_obj, "_tooltip", None)):
        if isinstance(tooltip, dict):
            return tooltip
    return None


def _check_size(name: str, value: Any, allowed: tuple[str, ...]) -> None:
    if value in allowed or (isinstance(value, int) and not isinstance(value, bool) and value > 0):
        return
    raise fail("pydeck_chart", None, f"{name} must be {' or '.join(map(repr, allowed))} or a positive int, got {got(value)}.")


def _empty(wire: Any) -> AttributeDictionary:
    return event_state(wire, ("indices", "objects"), dict)


@element(value="spec", frontend=DECK_FRONTEND, static=lambda props: deck_static(props))
def pydeck_chart(dg, pydeck_obj: Any = None, *, width: int | str = "stretch", use_container_width: bool | None = None,
                 height: int | str = 500, selection_mode: str | Iterable[str] = "single-object",
                 on_select: str | Callable = "ignore", key: str | int | None = None, alt: str | None = None):
    """Display a pydeck map or 3D chart, drawn by deck.gl in the page with no CDN.

    Offline the layers sit on a plain background and a caption says map tiles need the
    internet; with a network the page draws map tiles under them. With ``on_select="rerun"``
    (or a callable) clicking objects of a pickable layer reruns the app and the call returns
    ``{"selection": {"indices": {layer_id: [...]}, "objects": {layer_id: [...]}}}``; otherwise
    the element's handle. Raises NbappAPIError for something that is not a Deck, or a bad
    width, height, on_select or selection_mode.

    Examples
    --------
    >>> st.pydeck_chart(pdk.Deck(layers=[pdk.Layer("ScatterplotLayer", df, get_position="[lon, lat]")]))
    """
    _check_size("width", width, ("stretch",))
    _check_size("height", height, ("stretch",))
    if on_select not in ("ignore", "rerun") and not callable(on_select):
        raise fail("pydeck_chart", None, f'on_select must be "ignore", "rerun" or a callable, got {got(on_select)}.')
    modes = [selection_mode] if isinstance(selection_mode, str) else list(selection_mode)
    if len(modes) != 1 or modes[0] not in SELECTION_MODES:
        raise fail("pydeck_chart", None, f"selection_mode must be one of {SELECTION_MODES}, got {got(selection_mode)}.")
    spec = deck_spec(pydeck_obj)
    if use_container_width is not None and use_container_width:
        width = "stretch"
    selecting = on_select != "ignore"
    props = {"spec": spec, "tooltip": deck_tooltip(pydeck_obj), "width": width, "height": height, "alt": alt,
             "tiles": tiles_url(), "offline_note": OFFLINE_NOTE, "selection_mode": modes[0] if selecting else None}
    if not selecting:
        return dg._enqueue("pydeck_chart", props)
    identity = {"spec": json.dumps(spec, sort_keys=True), "alt": alt}
    return dg._widget("pydeck_chart", "", key=key, default=_empty(None), identity=identity, bounds={"mode": modes[0]},
                      props=props, serialize=json.dumps, deserialize=_empty,
                      on_change=on_select if callable(on_select) else None)


_FIELD = re.compile(r"^[A-Za-z_][A-Za-z0-9_]*$")


def _positions(layer: dict[str, Any]) -> list[tuple[float, float]]:
    """The (lon, lat) of a layer's rows when its getPosition is a column pair or a column of pairs."""
    data, accessor = layer.get("data"), layer.get("getPosition", "@@=position")
    if not isinstance(data, list) or not isinstance(accessor, str) or not accessor.startswith("@@="):
        return []
    expression = accessor[3:].strip()
    names = [n.strip() for n in expression.strip("[]").split(",")]
    if not all(_FIELD.match(n) for n in names):
        return []
    points = []
    for row in data:
        if not isinstance(row, dict):
            continue
        value = [row.get(n) for n in names] if len(names) > 1 else row.get(names[0])
        if isinstance(value, (list, tuple)) and len(value) >= 2 and all(isinstance(v, (int, float)) for v in value[:2]):
            points.append((float(value[0]), float(value[1])))
    return points


def deck_static(props: dict[str, Any]) -> str:
    """The map frozen: each layer's points as SVG circles around the view's center, and the offline note."""
    spec = props.get("spec") or {}
    view = spec.get("initialViewState") or {}
    width, height = STATIC_SIZE[0], props["height"] if isinstance(props.get("height"), int) else STATIC_SIZE[1]
    scale = 256 * 2 ** float(view.get("zoom") or 1) / (2 * math.pi)

    def project(lon: float, lat: float) -> tuple[float, float]:
        lat = max(min(lat, 85.0), -85.0)
        y = math.log(math.tan(math.pi / 4 + math.radians(lat) / 2))
        return math.radians(lon) * scale, -y * scale

    cx, cy = project(float(view.get("longitude") or 0), float(view.get("latitude") or 0))
    circles = []
    for layer in spec.get("layers") or []:
        color = layer.get("getFillColor") or layer.get("getColor") or [255, 75, 75]
        fill = f"rgb({','.join(str(int(c)) for c in color[:3])})" if isinstance(color, list) else "#ff4b4b"
        for lon, lat in _positions(layer)[:20_000]:
            x, y = project(lon, lat)
            x, y = x - cx + width / 2, y - cy + height / 2
            if -10 <= x <= width + 10 and -10 <= y <= height + 10:
                circles.append(f'<circle cx="{x:.1f}" cy="{y:.1f}" r="3" fill="{fill}" fill-opacity="0.8"/>')
    return (f'<div class="nbapp-pydeck-static"><svg xmlns="http://www.w3.org/2000/svg" width="{width}" '
            f'height="{height}" viewBox="0 0 {width} {height}"><rect width="100%" height="100%" fill="#eef1f5"/>'
            f'{"".join(circles)}</svg><div class="nbapp-map-note">{html.escape(OFFLINE_NOTE)}</div></div>')
