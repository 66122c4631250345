"""Markdown to HTML the way Streamlit renders it: GFM, ``:color[text]``, emoji shortcodes, math kept for MathJax."""
from __future__ import annotations

import functools
import re

import emoji
import mistune
from mistune.renderers.html import HTMLRenderer

COLORS = {"blue": "#1c83e1", "green": "#21c354", "orange": "#ffa421", "red": "#ff4b4b",
          "violet": "#803df5", "gray": "#808495", "grey": "#808495", "rainbow": None, "primary": "#ff4b4b"}
# `:red[text]`, `:blue-background[text]`, `:green-badge[text]` (st.badge); the text may hold one level of
# brackets (a link).
_COLOR_PATTERN = (r":(?P<nbapp_color_name>blue|green|orange|red|violet|gray|grey|rainbow|primary)"
                  r"(?P<nbapp_background>-background|-badge)?\[(?P<nbapp_color_text>(?:[^\[\]\n]|\[[^\]\n]*\])+)\]")
_SHORTCODE_RE = re.compile(r":[a-z0-9_+\-]+:")
_RAINBOW = ("background-image:linear-gradient(to right,#ff4b4b,#ffa421,#21c354,#1c83e1,#803df5);"
            "-webkit-background-clip:text;background-clip:text;color:transparent")
MATH_MARKER = 'class="math"'  # what mistune's math plugin puts on every formula it found


def _parse_color(inline, m: re.Match, state) -> int:
    inner = state.copy()
    inner.src = m.group("nbapp_color_text")
    state.append_token({"type": "nbapp_color", "children": inline.render(inner),
                        "attrs": {"name": m.group("nbapp_color_name"), "background": m.group("nbapp_background") or ""}})
    return m.end()


class _Renderer(HTMLRenderer):
    """HTML with colored spans, and links that open in a new tab (never navigate away from the notebook)."""

    def nbapp_color(self, text: str, name: str, background: str) -> str:
        if background == "-badge":
            color = COLORS[name] or COLORS["red"]
            style = (f"background-color:{color}26;color:{color};border-radius:0.5rem;padding:0.1em 0.5em;"
                     "font-size:0.875em;font-weight:500;white-space:nowrap")
            return f'<span class="nbapp-badge" style="{style}">{text}</span>'
        if name == "rainbow":
            style = _RAINBOW
        elif background:
            style = f"background-color:{COLORS[name]}33;border-radius:0.25rem;padding:0 0.2em"
        else:
            style = f"color:{COLORS[name]}"
        return f'<span class="nbapp-color" style="{style}">{text}</span>'

    def link(self, text: str, url: str, title: str | None = None) -> str:
        return super().link(text, url, title).replace("<a ", '<a target="_blank" rel="noopener noreferrer" ', 1)


def _color_plugin(md: mistune.Markdown) -> None:
    md.inline.register("nbapp_color", _COLOR_PATTERN, _parse_color, before="link")


@functools.lru_cache(maxsize=2)
def _parser(escape: bool) -> mistune.Markdown:
    return mistune.create_markdown(renderer=_Renderer(escape=escape),
                                   plugins=["strikethrough", "table", "url", "task_lists", "math", _color_plugin])


@functools.lru_cache(maxsize=512)
def to_html(body: str, unsafe_allow_html: bool = False) -> str:
    """Return ``body`` (Markdown) as HTML; raw HTML in it is escaped unless ``unsafe_allow_html``.

    Formulas (``$x$``, ``$$...$$``) come out wrapped in ``class="math"`` for MathJax.

    Examples
    --------
    >>> to_html("*hi* :red[there]")
    '<p><em>hi</em> <span class="nbapp-color" style="color:#ff4b4b">there</span></p>\\n'
    """
    text = emoji.emojize(body, language="alias") if _SHORTCODE_RE.search(body) else body
    return _parser(not unsafe_allow_html)(text)


def inline_html(body: str, unsafe_allow_html: bool = False) -> str:
    """Return one line of Markdown as inline HTML (no enclosing paragraph), for headings and labels."""
    html = to_html(body, unsafe_allow_html).strip()
    if html.startswith("<p>") and html.endswith("</p>") and html.count("<p>") == 1:
        html = html[3:-4]
    return html


def has_math(html: str) -> bool:
    """Return True when the rendered ``html`` holds a formula (it needs MathJax: an HTMLMath widget)."""
    return MATH_MARKER in html
