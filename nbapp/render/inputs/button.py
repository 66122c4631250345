"""Button adapters: button, form_submit_button and download_button send True when clicked;
link_button is a link styled as a button."""
from __future__ import annotations

import html
import mimetypes
import threading

import ipywidgets as w

from nbapp.render.frontend import Download
from nbapp.render.registry import Adapter, adapter, changed, classed
from nbapp.render.text import HtmlAdapter

_STYLES = {"primary": "primary", "secondary": "", "tertiary": ""}


@adapter("button", "form_submit_button")
class Button(Adapter):
    def create(self, props, emit):
        button = classed(w.Button(), "nbapp-button", f"nbapp-button-{props['type']}")
        self.update(button, props, {})
        button.on_click(lambda _: emit(True))
        return button

    def update(self, widget, props, old):
        if old and changed(props, old, "type"):
            return False
        widget.description = props["label"]
        widget.tooltip = props.get("help") or None
        widget.disabled = props["disabled"]
        widget.icon = ""
        widget.button_style = _STYLES[props["type"]]
        widget.layout.width = "100%" if props.get("use_container_width") else None
        return True


def _anchor(props, attrs: str) -> str:
    classes = f"nbapp-btn nbapp-btn-{props['type']}" + (" nbapp-btn-wide" if props.get("use_container_width") else "")
    title = f' title="{html.escape(props["help"])}"' if props.get("help") else ""
    icon = f'<span class="nbapp-btn-icon">{html.escape(props["icon"])}</span> ' if props.get("icon") else ""
    if props["disabled"]:
        attrs, classes = 'aria-disabled="true"', classes + " nbapp-disabled"
    return f'<a class="{classes}" {attrs}{title}>{icon}{html.escape(props["label"])}</a>'


@adapter("download_button")
class DownloadButton(Adapter):
    """An anchor whose click saves the file in the browser (``nbapp/frontend/download.js``).

    The bytes travel once, as a binary buffer, and again only when they change; the click
    reaches the kernel as a custom message, and reruns the app like any button click.
    Deferred data (a callable in ``props["data"]``) is made on a worker thread when the
    browser asks for it on a click, and sent back as a buffer of that message's answer.
    """

    def create(self, props, emit):
        widget = classed(Download(), "nbapp-download")

        def receive(_, content, buffers):
            if content.get("event") == "click":
                emit(True)
            elif content.get("event") == "fetch":
                threading.Thread(target=_send_deferred, args=(widget, widget.fetch), daemon=True).start()

        widget.on_msg(receive)
        self.update(widget, props, {})
        return widget

    def update(self, widget, props, old):
        deferred = callable(props["data"])
        widget.fetch = props["data"] if deferred else None  # the newest run's callable
        widget.deferred = deferred
        if not deferred and changed(props, old, "data"):
            widget.data = props["data"]
        elif deferred:
            widget.data = b""
        widget.mime = props["mime"]
        widget.file_name = props["file_name"] or "download" + (mimetypes.guess_extension(props["mime"]) or "")
        widget.notify = bool(props["notify"])
        widget.html = _anchor(props, f'href="#" download="{html.escape(widget.file_name)}"')
        return True


def _send_deferred(widget, fetch) -> None:
    """Make a deferred download's bytes and send them to the browser that asked, or the error that stopped it."""
    try:
        data, mime = fetch()
    except Exception as exc:  # the app's own code: the page says what went wrong, the app lives on
        widget.send({"event": "error", "message": f"{type(exc).__name__}: {exc}"})
        return
    widget.send({"event": "data", "mime": mime}, buffers=[data])


@adapter("link_button")
class LinkButton(HtmlAdapter):
    css = ("nbapp-link-button",)

    def html(self, props):
        href = html.escape(props["url"], quote=True)
        return _anchor(props, f'href="{href}" target="_blank" rel="noopener noreferrer"')
