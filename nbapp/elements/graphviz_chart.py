"""st.graphviz_chart: DOT drawn in the browser by Graphviz compiled to WebAssembly (@viz-js/viz, vendored).

No ``dot`` binary is needed to show a graph; the frozen picture uses it when installed.
"""
from __future__ import annotations

import html
import shutil
import subprocess
from typing import Any

from nbapp.elements.policies import fail, got
from nbapp.elements.registry import Frontend, element

GRAPHVIZ_FRONTEND = Frontend("graphviz-chart.js", traits=("dot",))


def dot_source(fn: str, figure_or_dot: Any) -> str:
    """Return the DOT text of a str or a graphviz Graph/Digraph; raises NbappAPIError for anything else."""
    if isinstance(figure_or_dot, str):
        return figure_or_dot
    if (type(figure_or_dot).__module__ or "").startswith("graphviz") and isinstance(getattr(figure_or_dot, "source", None), str):
        return figure_or_dot.source
    raise fail(fn, None, f"figure_or_dot must be a DOT string or a graphviz Graph/Digraph, got {got(figure_or_dot)}.")


def graphviz_static(props: dict[str, Any]) -> str:
    """The graph as SVG when Graphviz's ``dot`` is installed, else its DOT source in a box."""
    dot = props.get("dot") or ""
    if shutil.which("dot"):
        try:
            svg = subprocess.run(["dot", "-Tsvg"], input=dot.encode(), capture_output=True, timeout=20, check=True).stdout
            return f'<div class="nbapp-graphviz">{svg.decode("utf-8", "replace")}</div>'
        except (subprocess.SubprocessError, OSError):
            pass
    return f'<div class="nbapp-chart-static nbapp-chart-missing"><pre>{html.escape(dot)}</pre></div>'


@element(value="dot", frontend=GRAPHVIZ_FRONTEND, static=graphviz_static)
def graphviz_chart(dg, figure_or_dot: Any, use_container_width: bool | None = None, *, width: int | str = "content",
                   height: int | str = "content", alt: str | None = None):
    """Display a graph from DOT text or a ``graphviz`` Graph/Digraph, drawn in the page with no network.

    Returns the element's handle; raises NbappAPIError for other objects (a bad DOT text
    shows Graphviz's message in the element).

    Examples
    --------
    >>> st.graphviz_chart("digraph { data -> model -> predictions }")
    """
    dot = dot_source("graphviz_chart", figure_or_dot)
    if use_container_width is not None:
        width = "stretch" if use_container_width else "content"
    return dg._enqueue("graphviz_chart", {"dot": dot, "width": width, "height": height})
