"""Button adapters: button, form_submit_button and download_button send True when clicked;
link_button is a link styled as a button."""
from __future__ import annotations

import base64
import html
import mimetypes

import ipywidgets as w

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


# Runs in the browser when the download anchor is clicked. First it clicks the hidden
# ipywidgets Button, so the kernel hears of the click over the widget comm. Then it decodes
# the data: URL into a Blob and downloads that (Chrome refuses data: URLs over 2 MB); should
# that fail, the anchor's own data: URL download happens instead. `window.URL`, because in
# an inline handler a bare `URL` is `document.URL`.
_NOTIFY_JS = "var t=this.closest('.nbapp-download').querySelector('.nbapp-download-trigger');if(t)t.click();"
_DOWNLOAD_JS = (
    "try{var a=this,h=a.href,b=atob(h.slice(h.indexOf(',')+1)),n=b.length,u=new Uint8Array(n);"
    "while(n--)u[n]=b.charCodeAt(n);"
    "var l=document.createElement('a');l.href=window.URL.createObjectURL(new Blob([u],{type:a.type}));"
    "l.download=a.download;document.body.appendChild(l);l.click();l.remove();"
    "setTimeout(function(){window.URL.revokeObjectURL(l.href)},60000);return false}catch(e){}"
)


def _anchor(props, attrs: str, onclick: str = "") -> str:
    """A link styled as a button (the stylesheet's ``nbapp-btn``); no href while disabled."""
    classes = f"nbapp-btn nbapp-btn-{props['type']}" + (" nbapp-btn-wide" if props.get("use_container_width") else "")
    title = f' title="{html.escape(props["help"])}"' if props.get("help") else ""
    icon = f'<span class="nbapp-btn-icon">{html.escape(props["icon"])}</span> ' if props.get("icon") else ""
    if props["disabled"]:
        attrs, onclick, classes = 'aria-disabled="true"', "", classes + " nbapp-disabled"
    handler = f' onclick="{html.escape(onclick)}"' if onclick else ""
    return f'<a class="{classes}" {attrs}{title}{handler}>{icon}{html.escape(props["label"])}</a>'


@adapter("download_button")
class DownloadButton(Adapter):
    """An anchor that downloads a data: URL, and a hidden Button the anchor clicks to tell the app.

    An anchor download needs no kernel round trip and works the same in JupyterLab and
    Voilà (ipywidgets' HTML widget is not sanitized, so the inline handler runs); the hidden
    Button carries the click over the widget comm like any button.
    """

    def create(self, props, emit):
        trigger = classed(w.Button(), "nbapp-download-trigger")
        trigger.layout.display = "none"
        trigger.on_click(lambda _: emit(True))
        box = classed(w.HBox(children=(w.HTML(), trigger)), "nbapp-download")
        self.update(box, props, {})
        return box

    def update(self, widget, props, old):
        if changed(props, old, "data", "mime"):
            widget.nbapp_href = f"data:{props['mime']};base64,{base64.b64encode(props['data']).decode('ascii')}"
        name = html.escape(props["file_name"] or "download" + (mimetypes.guess_extension(props["mime"]) or ""))
        attrs = f'href="{widget.nbapp_href}" download="{name}" type="{html.escape(props["mime"])}"'
        widget.children[0].value = _anchor(props, attrs, (_NOTIFY_JS if props["notify"] else "") + _DOWNLOAD_JS)
        return True


@adapter("link_button")
class LinkButton(HtmlAdapter):
    css = ("nbapp-link-button",)

    def html(self, props):
        href = html.escape(props["url"], quote=True)
        return _anchor(props, f'href="{href}" target="_blank" rel="noopener noreferrer"')
