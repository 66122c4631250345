"""st.status (an expander with a state icon), st.help, iframes (st.iframe, components.v1) and st.skeleton."""
from __future__ import annotations

import html

from nbapp.render.blocks import Expander
from nbapp.render.registry import adapter, classed
from nbapp.render.text import HtmlAdapter

_STATE_ICONS = {"running": "⏳", "complete": "✅", "error": "❌"}


@adapter("status")
class Status(Expander):
    """An expander whose title starts with the state's icon; ``update(expanded=)`` opens or closes it."""

    def create(self, props, emit):
        widget = super().create(props, emit)
        return classed(widget, "nbapp-status")

    def update(self, widget, props, old):
        title = f"{_STATE_ICONS[props['state']]} {props['label']}"
        if tuple(widget.titles) != (title,):
            widget.titles = (title,)
        for state in _STATE_ICONS:
            (widget.add_class if state == props["state"] else widget.remove_class)(f"nbapp-status-{state}")
        if old and old.get("expanded") != props["expanded"]:
            widget.selected_index = 0 if props["expanded"] else None
        return True


@adapter("help")
class Help(HtmlAdapter):
    css = ("nbapp-help-box",)

    def html(self, props):
        head = html.escape(props["name"] or props["value"])
        sig = f'<span class="nbapp-help-sig">{html.escape(props["signature"])}</span>' if props["signature"] else ""
        meta = html.escape(props["type"] + (f" · {props['module']}" if props.get("module") else ""))
        doc = f'<pre class="nbapp-help-doc">{html.escape(props["doc_string"])}</pre>' if props["doc_string"] else ""
        rows = "".join(
            f'<tr><td><code>{html.escape(m["name"])}</code></td><td>{html.escape(m["type"])}</td>'
            f'<td>{html.escape(m["value"] or m["doc_string"])}</td></tr>' for m in props["members"])
        table = f'<table class="nbapp-help-members">{rows}</table>' if rows else ""
        return (f'<div class="nbapp-help-head"><code>{head}</code>{sig}</div>'
                f'<div class="nbapp-help-meta">{meta}</div>{doc}{table}')


def iframe_html(props: dict) -> str:
    """The frame: ``src`` or ``srcdoc``, sandboxed, sized as asked (no inline handlers, no script in our HTML)."""
    width, height = props.get("width"), props.get("height")
    style = [f"width:{width}px" if isinstance(width, int) else "width:100%",
             f"height:{height}px" if isinstance(height, int) else "height:150px" if props.get("srcdoc") is not None
             else "height:400px", "border:none", "display:block"]
    attrs = {"sandbox": props["sandbox"], "style": ";".join(style), "loading": "lazy",
             "scrolling": "auto" if props.get("scrolling") else "no"}
    if props.get("srcdoc") is not None:
        attrs["srcdoc"] = props["srcdoc"]
    else:
        attrs["src"] = props["src"]
    if props.get("tab_index") is not None:
        attrs["tabindex"] = str(props["tab_index"])
    if props.get("alt"):
        attrs["title"] = props["alt"]
    return "<iframe " + " ".join(f'{k}="{html.escape(v)}"' for k, v in attrs.items()) + "></iframe>"


@adapter("iframe")
class Iframe(HtmlAdapter):
    css = ("nbapp-iframe",)

    def html(self, props):
        return iframe_html(props)


@adapter("skeleton")
class Skeleton(HtmlAdapter):
    css = ("nbapp-skeleton",)

    def html(self, props):
        height = props.get("height")
        size = f"height:{height}px" if isinstance(height, int) else "height:6rem"
        return f'<div class="nbapp-skeleton-box" style="{size}"></div>'


