"""Text and alert elements as HTML widgets (HTMLMath where Markdown may hold ``$math$``)."""
from __future__ import annotations

import html
from typing import Any

import ipywidgets as w
from pygments import highlight
from pygments.formatters import HtmlFormatter
from pygments.lexers import TextLexer, get_lexer_by_name
from pygments.util import ClassNotFound

from nbapp.render.markdown import to_html
from nbapp.render.registry import Adapter, adapter, classed

_HEADINGS = {"title": "h1", "header": "h2", "subheader": "h3"}


class HtmlAdapter(Adapter):
    """An element drawn as one HTML widget: subclasses say how props become HTML."""

    math = False
    css: tuple[str, ...] = ()

    def html(self, props: dict[str, Any]) -> str:
        raise NotImplementedError

    def create(self, props, emit):
        widget = (w.HTMLMath if self.math else w.HTML)(self.html(props))
        return classed(widget, "nbapp-element", *self.css)

    def update(self, widget, props, old):
        widget.value = self.html(props)
        return True


def help_icon(props: dict[str, Any]) -> str:
    """Return a ⓘ with the element's ``help`` as its tooltip, or ''."""
    tip = props.get("help")
    return f' <span class="nbapp-help" title="{html.escape(str(tip))}">ⓘ</span>' if tip else ""


@adapter("title", "header", "subheader")
class Heading(HtmlAdapter):
    math = True

    def html(self, props):
        tag = _HEADINGS[self.kind]
        divider = props.get("divider")
        rule = ""
        if divider:
            color = "rainbow" if divider is True else divider
            rule = f'<hr class="nbapp-heading-rule nbapp-rule-{color}">'
        inner = to_html(props["body"]).strip()
        if inner.startswith("<p>") and inner.endswith("</p>"):
            inner = inner[3:-4]
        return f'<{tag} class="nbapp-{self.kind}">{inner}{help_icon(props)}</{tag}>{rule}'


@adapter("markdown")
class Markdown(HtmlAdapter):
    math = True
    css = ("nbapp-markdown",)

    def html(self, props):
        return to_html(props["body"], props.get("unsafe_allow_html", False)) + help_icon(props)


@adapter("caption")
class Caption(Markdown):
    css = ("nbapp-markdown", "nbapp-caption")


@adapter("latex")
class Latex(HtmlAdapter):
    math = True
    css = ("nbapp-latex",)

    def html(self, props):
        return f"$$\n{html.escape(props['body'])}\n$$" + help_icon(props)


@adapter("text")
class Text(HtmlAdapter):
    css = ("nbapp-text",)

    def html(self, props):
        return f"<pre>{html.escape(props['body'])}</pre>" + help_icon(props)


@adapter("code")
class Code(HtmlAdapter):
    css = ("nbapp-code",)

    def html(self, props):
        try:
            lexer = get_lexer_by_name(props["language"]) if props["language"] else TextLexer()
        except ClassNotFound:
            lexer = TextLexer()
        formatter = HtmlFormatter(nowrap=False, linenos="inline" if props["line_numbers"] else False,
                                  cssclass="nbapp-highlight")
        wrap = " nbapp-wrap" if props["wrap_lines"] else ""
        return f'<div class="nbapp-codeblock{wrap}">{highlight(props["body"], lexer, formatter)}</div>'


@adapter("divider")
class Divider(HtmlAdapter):
    def html(self, props):
        return '<hr class="nbapp-divider">'


@adapter("html")
class Html(HtmlAdapter):
    def html(self, props):
        return props["body"]


@adapter("success", "info", "warning", "error")
class Alert(HtmlAdapter):
    math = True

    def create(self, props, emit):
        return classed(super().create(props, emit), f"nbapp-alert-{self.kind}")

    def html(self, props):
        icon = props.get("icon") or ""
        return f'<div class="nbapp-alert">{icon} {to_html(props["body"])}</div>'


@adapter("exception")
class Exception_(HtmlAdapter):
    css = ("nbapp-exception",)

    def html(self, props):
        trace = "".join(props["traceback"])
        return (f'<div class="nbapp-alert"><b>{html.escape(props["type"])}</b>: {html.escape(props["message"])}'
                f'<pre class="nbapp-traceback">Traceback:\n{html.escape(trace)}</pre></div>')


@adapter("unknown")
class Unknown(HtmlAdapter):
    def html(self, props):
        return f"<pre>{html.escape(repr(props))}</pre>"
