"""Text and alert elements as HTML widgets (HTMLMath only where the content holds a formula)."""
from __future__ import annotations

import html
from typing import Any

import ipywidgets as w
from pygments import highlight
from pygments.formatters import HtmlFormatter
from pygments.lexers import TextLexer, get_lexer_by_name
from pygments.util import ClassNotFound

from nbapp.render.markdown import has_math, inline_html, to_html
from nbapp.render.frontend import ActionHtml
from nbapp.render.registry import Adapter, adapter, classed

_HEADINGS = {"title": "h1", "header": "h2", "subheader": "h3"}


class HtmlAdapter(Adapter):
    """An element drawn as one HTML widget: subclasses say how props become HTML.

    The widget is an HTMLMath (typeset by MathJax) only when the HTML holds a formula:
    plain HTML widgets update faster, and a ``$`` in prose is not mistaken for math. With
    ``actions``, it is an :class:`ActionHtml` instead, whose ``data-nbapp-action`` elements
    (a copy button, a close button...) work on click.
    """

    css: tuple[str, ...] = ()
    actions = False

    def html(self, props: dict[str, Any]) -> str:
        raise NotImplementedError

    def classes(self, props: dict[str, Any]) -> tuple[str, ...]:
        """CSS classes that depend on the props (on top of ``css``)."""
        return ()

    def create(self, props, emit):
        content = self.html(props)
        if self.actions:
            widget = ActionHtml(value=content)
        else:
            widget = (w.HTMLMath if has_math(content) else w.HTML)(content)
        return classed(widget, "nbapp-element", *self.css, *self.classes(props))

    def update(self, widget, props, old):
        content = self.html(props)
        if not self.actions and isinstance(widget, w.HTMLMath) != has_math(content):
            return False
        old_classes, new_classes = self.classes(old), self.classes(props)
        if old_classes != new_classes:
            for name in old_classes:
                widget.remove_class(name)
            classed(widget, *new_classes)
        widget.value = content
        return True


def help_icon(props: dict[str, Any]) -> str:
    """Return a ⓘ with the element's ``help`` as its tooltip, or ''."""
    tip = props.get("help")
    return f' <span class="nbapp-help" title="{html.escape(str(tip))}">ⓘ</span>' if tip else ""


def icon_html(icon: str | None) -> str:
    """Return an emoji icon as a span, or '' (Material icons need a font Jupyter lacks: not drawn)."""
    if not icon or icon.startswith(":material/"):
        return ""
    return f'<span class="nbapp-icon">{html.escape(icon)}</span>'


@adapter("title", "header", "subheader")
class Heading(HtmlAdapter):
    def html(self, props):
        tag = _HEADINGS[self.kind]
        divider = props.get("divider")
        rule = ""
        if divider:
            color = "rainbow" if divider is True else divider
            rule = f'<hr class="nbapp-heading-rule nbapp-rule-{color}">'
        anchor = f' id="{html.escape(props["anchor"])}"' if props.get("anchor") else ""
        return (f'<{tag} class="nbapp-{self.kind}"{anchor}>{inline_html(props["body"])}{help_icon(props)}</{tag}>'
                f"{rule}")


@adapter("markdown")
class Markdown(HtmlAdapter):
    css = ("nbapp-markdown",)

    def html(self, props):
        return to_html(props["body"], props.get("unsafe_allow_html", False)) + help_icon(props)


@adapter("caption")
class Caption(Markdown):
    css = ("nbapp-markdown", "nbapp-caption")


@adapter("latex")
class Latex(HtmlAdapter):
    css = ("nbapp-latex",)

    def html(self, props):
        return f'<div class="math">$$\n{html.escape(props["body"])}\n$$</div>' + help_icon(props)


@adapter("text")
class Text(HtmlAdapter):
    css = ("nbapp-text",)

    def html(self, props):
        return f"<pre>{html.escape(props['body'])}</pre>" + help_icon(props)


@adapter("code")
class Code(HtmlAdapter):
    css = ("nbapp-code",)
    actions = True

    def html(self, props):
        try:
            lexer = get_lexer_by_name(props["language"]) if props["language"] else TextLexer()
        except ClassNotFound:
            lexer = TextLexer()
        formatter = HtmlFormatter(linenos="inline" if props["line_numbers"] else False, cssclass="nbapp-highlight")
        wrap = " nbapp-wrap" if props["wrap_lines"] else ""
        return (f'<div class="nbapp-codeblock{wrap}">{highlight(props["body"], lexer, formatter)}'
                f'<button class="nbapp-copy" title="Copy to clipboard" data-nbapp-action="copy">⧉</button></div>')


@adapter("divider")
class Divider(HtmlAdapter):
    def html(self, props):
        return '<hr class="nbapp-divider">'


@adapter("html")
class Html(HtmlAdapter):
    css = ("nbapp-html",)

    def html(self, props):
        return props["body"]


@adapter("success", "info", "warning", "error")
class Alert(HtmlAdapter):
    def classes(self, props):
        return ("nbapp-alert-box", f"nbapp-alert-{self.kind}")

    def html(self, props):
        return f'<div class="nbapp-alert">{icon_html(props.get("icon"))}<div>{to_html(props["body"])}</div></div>'


@adapter("exception")
class Exception_(HtmlAdapter):
    css = ("nbapp-alert-box", "nbapp-exception")

    def html(self, props):
        trace = "".join(props["traceback"]).rstrip()
        body = (f'<pre class="nbapp-traceback"><span class="nbapp-muted">Traceback:</span>\n{html.escape(trace)}</pre>'
                if trace else "")
        return (f'<div class="nbapp-alert"><div><div class="nbapp-exception-message">'
                f'<b>{html.escape(props["type"])}</b>: {html.escape(props["message"])}</div>{body}</div></div>')


@adapter("unknown")
class Unknown(HtmlAdapter):
    def html(self, props):
        return f"<pre>{html.escape(repr(props))}</pre>"
