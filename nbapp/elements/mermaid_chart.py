"""st.mermaid_chart: a Mermaid diagram drawn in the page by the vendored mermaid library (no network)."""
from __future__ import annotations

import html
from typing import Any

from nbapp.elements import pictures
from nbapp.elements.policies import fail, got
from nbapp.elements.registry import Frontend, element



def picture_key(props: dict[str, Any]) -> str:
    """The name the drawn diagram is kept under: its text."""
    return pictures.picture_key("mermaid", props.get("body") or "")


MERMAID_FRONTEND = Frontend("mermaid-chart.js", traits=("body",), on_message=pictures.keeper(picture_key))


def mermaid_static(props: dict[str, Any]) -> str:
    """The diagram as the SVG a browser last drew for it; before any did, its source in a box."""
    picture = pictures.recall(picture_key(props), props.get("alt") or "Mermaid diagram")
    if picture:
        return f'<div class="nbapp-mermaid">{picture}</div>'
    return (f'<div class="nbapp-chart-static nbapp-chart-missing"><pre class="nbapp-mermaid-source">'
            f'{html.escape(props.get("body") or "")}</pre></div>')


@element(value="body", frontend=MERMAID_FRONTEND, static=mermaid_static)
def mermaid_chart(dg, body: str, *, width: int | str = "stretch", alt: str | None = None):
    """Display a Mermaid diagram (flowchart, sequence, class, state, gantt, pie, ...) drawn as SVG in the page.

    Returns the element's handle; raises NbappAPIError when ``body`` is not a string or
    ``width`` is not "stretch", "content" or a positive int (a diagram Mermaid cannot parse
    shows Mermaid's message in the element).

    Examples
    --------
    >>> st.mermaid_chart("flowchart LR\\n  data --> model --> predictions")
    """
    if not isinstance(body, str):
        raise fail("mermaid_chart", None, f"body must be Mermaid diagram text (a str), got {got(body)}.")
    if width not in ("stretch", "content") and not (isinstance(width, int) and not isinstance(width, bool) and width > 0):
        raise fail("mermaid_chart", None, f'width must be "stretch", "content" or a positive int, got {got(width)}.')
    props = {"body": body, "width": width, "alt": alt}
    return dg._enqueue("mermaid_chart", props)
