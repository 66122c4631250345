"""st.plotly_chart: a Plotly figure drawn by the plotly.js that the plotly package ships (no CDN).

The figure travels as JSON in the ``figure`` trait: a rerun with a changed figure sends it
again and the page redraws it in the same element (no new widget); an unchanged
figure sends nothing. plotly.js itself travels once per page (``nbapp.render.plotly``).
"""
from __future__ import annotations

import json
from collections.abc import Callable, Iterable
from typing import Any

from nbapp.elements.charts import AttributeDictionary
from nbapp.elements.plotly_static import plotly_static
from nbapp.elements.policies import fail, got
from nbapp.elements.registry import Frontend, element

PLOTLY_FRONTEND = Frontend("plotly-chart.js", traits=("figure",))
SELECTION_MODES = ("points", "box", "lasso")


def figure_json(fn: str, figure: Any) -> dict[str, Any]:
    """Return a Plotly figure (or a dict / list of traces) as plain JSON data; raises NbappAPIError otherwise."""
    module = type(figure).__module__ or ""
    if module.startswith("plotly") and callable(getattr(figure, "to_json", None)):
        return json.loads(figure.to_json())
    if isinstance(figure, dict) and ("data" in figure or "layout" in figure):
        return json.loads(_plotly_json(figure))
    if isinstance(figure, (list, tuple)):
        return json.loads(_plotly_json({"data": list(figure)}))
    raise fail(fn, None, f"figure_or_data must be a Plotly figure, a dict with data/layout or a list of traces, "
                         f"got {got(figure)}.")


def _plotly_json(obj: Any) -> str:
    try:
        import plotly.io as pio

        return pio.to_json(obj, validate=False)
    except ImportError:
        return json.dumps(obj, default=lambda v: v.tolist() if hasattr(v, "tolist") else str(v))


@element(value="figure", frontend=PLOTLY_FRONTEND, static=plotly_static)
def plotly_chart(dg, figure_or_data: Any, use_container_width: bool | None = None, *, width: int | str = "stretch",
                 height: int | str = "content", theme: str | None = "streamlit", key: str | None = None,
                 on_select: str | Callable = "ignore", selection_mode: str | Iterable[str] = SELECTION_MODES,
                 config: dict | None = None, alt: str | None = None, **kwargs: Any):
    """Display an interactive Plotly chart with the plotly.js shipped in the plotly package.

    With ``on_select="rerun"`` (or a callable) a box/lasso/point selection reruns the app
    and the call returns ``{"selection": {"points": [...], "point_indices": [...], "box":
    [...], "lasso": [...]}}``; otherwise the element's handle. Raises NbappAPIError for
    something that is not a figure, or a bad theme/on_select/selection_mode.

    Examples
    --------
    >>> st.plotly_chart(px.scatter(df, x="a", y="b"), on_select="rerun")
    """
    if theme not in ("streamlit", None):
        raise fail("plotly_chart", None, f'theme must be "streamlit" or None, got {got(theme)}.')
    if on_select not in ("ignore", "rerun") and not callable(on_select):
        raise fail("plotly_chart", None, f'on_select must be "ignore", "rerun" or a callable, got {got(on_select)}.')
    modes = [selection_mode] if isinstance(selection_mode, str) else list(selection_mode)
    if any(m not in SELECTION_MODES for m in modes):
        raise fail("plotly_chart", None, f"selection_mode must be one or more of {SELECTION_MODES}, got {got(selection_mode)}.")
    figure = figure_json("plotly_chart", figure_or_data)
    if use_container_width is not None:
        width = "stretch" if use_container_width else "content"
    props = {"figure": figure, "width": width, "height": height, "theme": theme, "config": dict(config or {}),
             "selection_mode": modes if on_select != "ignore" else []}
    if on_select == "ignore":
        return dg._enqueue("plotly_chart", props)
    empty = {"selection": {"points": [], "point_indices": [], "box": [], "lasso": []}}

    def deserialize(wire: Any) -> AttributeDictionary:
        try:
            state = json.loads(wire) if isinstance(wire, str) else wire
        except ValueError:
            state = None
        if not isinstance(state, dict) or not isinstance(state.get("selection"), dict):
            state = empty
        return AttributeDictionary({"selection": AttributeDictionary({**empty["selection"], **state["selection"]})})

    identity = {"figure": json.dumps(figure, sort_keys=True), "modes": modes, "theme": theme}
    return dg._widget("plotly_chart", "", key=key, default=deserialize(None), identity=identity, props=props,
                      serialize=lambda state: json.dumps(state, default=str), deserialize=deserialize,
                      on_change=on_select if callable(on_select) else None)
