"""Status elements: progress bar, spinner, toast, balloons, snow."""
from __future__ import annotations

import html

from nbapp.render.markdown import inline_html, to_html
from nbapp.render.registry import adapter
from nbapp.render.text import HtmlAdapter, icon_html


@adapter("progress")
class Progress(HtmlAdapter):
    css = ("nbapp-progress",)

    def html(self, props):
        text = f'<div class="nbapp-progress-text">{inline_html(props["text"])}</div>' if props.get("text") else ""
        return (f'{text}<div class="nbapp-progress-track" role="progressbar" aria-valuenow="{props["value"]}">'
                f'<div class="nbapp-progress-fill" style="width:{props["value"]}%"></div></div>')


@adapter("spinner")
class Spinner(HtmlAdapter):
    css = ("nbapp-spinner",)

    def html(self, props):
        # The elapsed time counts up in CSS (an animated integer property), with no round trip.
        clock = ' <span class="nbapp-spinner-time"></span>' if props.get("show_time") else ""
        return (f'<div class="nbapp-spinner-row"><span class="nbapp-spinner-icon"></span>'
                f'<span>{inline_html(props["text"])}{clock}</span></div>')


@adapter("toast")
class Toast(HtmlAdapter):
    css = ("nbapp-toast",)
    actions = True

    def html(self, props):
        seconds = props.get("duration")
        # An "infinite" toast stays until closed; the close button only hides this copy.
        timing = "animation:none" if seconds is None else f"animation-duration:{seconds}s"
        return (f'<div class="nbapp-toast-box" data-nbapp-dismiss data-seq="{props.get("seq", 0)}" style="{timing}">'
                f'{icon_html(props.get("icon"))}<div class="nbapp-toast-body">{to_html(props["body"])}</div>'
                f'<button class="nbapp-toast-close" title="Close" data-nbapp-action="dismiss">×</button></div>')


@adapter("balloons", "snow")
class Celebration(HtmlAdapter):
    def html(self, props):
        glyph = html.escape("🎈" if self.kind == "balloons" else "❄️")
        # A fixed scatter (no randomness: the same run draws the same HTML); `seq` restarts the animation.
        items = "".join(
            f'<span style="left:{(i * 37) % 97}%;animation-delay:{(i * 7 % 11) * 0.15:.2f}s;'
            f'font-size:{1.6 + (i * 5 % 4) * 0.4:.1f}rem">{glyph}</span>' for i in range(30))
        return f'<div class="nbapp-celebrate nbapp-{self.kind}" data-seq="{props.get("seq", 0)}">{items}</div>'
