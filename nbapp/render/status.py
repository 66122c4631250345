"""Status elements: progress bar, spinner, toast, balloons, snow."""
from __future__ import annotations

import html

from nbapp.render.markdown import to_html
from nbapp.render.registry import adapter
from nbapp.render.text import HtmlAdapter


@adapter("progress")
class Progress(HtmlAdapter):
    css = ("nbapp-progress",)

    def html(self, props):
        text = f'<div class="nbapp-progress-text">{to_html(props["text"])}</div>' if props.get("text") else ""
        return (f'{text}<div class="nbapp-progress-track" role="progressbar" aria-valuenow="{props["value"]}">'
                f'<div class="nbapp-progress-fill" style="width:{props["value"]}%"></div></div>')


@adapter("spinner")
class Spinner(HtmlAdapter):
    css = ("nbapp-spinner",)

    def html(self, props):
        return f'<div class="nbapp-spinner-row"><span class="nbapp-spinner-icon"></span>{html.escape(props["text"])}</div>'


@adapter("toast")
class Toast(HtmlAdapter):
    css = ("nbapp-toast",)

    def html(self, props):
        icon = props.get("icon") or ""
        return f'<div class="nbapp-toast-box">{icon} {to_html(props["body"])}</div>'


@adapter("balloons", "snow")
class Celebration(HtmlAdapter):
    def html(self, props):
        glyph = "🎈" if self.kind == "balloons" else "❄️"
        items = "".join(f'<span style="left:{(i * 37) % 100}%;animation-delay:{(i % 7) * 0.2:.1f}s">{glyph}</span>'
                        for i in range(24))
        return f'<div class="nbapp-celebrate nbapp-{self.kind}">{items}</div>'
