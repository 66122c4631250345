"""Markdown to HTML the way Streamlit renders it: GFM, ``:color[text]``, emoji shortcodes, math kept for MathJax."""
from __future__ import annotations

import functools
import html
import re

import emoji
import mistune

COLORS = {"blue": "#1c83e1", "green": "#21c354", "orange": "#ffa421", "red": "#ff4b4b",
          "violet": "#803df5", "gray": "#808495", "grey": "#808495", "rainbow": None, "primary": "#ff4b4b"}
_COLOR_RE = re.compile(r":(blue|green|orange|red|violet|gray|grey|rainbow|primary)(-background)?\[((?:[^\[\]]|\[[^\]]*\])*)\]")
_SHORTCODE_RE = re.compile(r":[a-z0-9_+\-]+:")


@functools.lru_cache(maxsize=2)
def _parser(escape: bool) -> mistune.Markdown:
    return mistune.create_markdown(escape=escape, plugins=["strikethrough", "table", "url", "task_lists", "math"])


def _color(match: re.Match) -> str:
    name, background, inner = match.group(1), match.group(2), match.group(3)
    if name == "rainbow":
        style = ("background-image:linear-gradient(to right,#ff4b4b,#ffa421,#21c354,#1c83e1,#803df5);"
                 "-webkit-background-clip:text;background-clip:text;color:transparent")
    elif background:
        style = f"background-color:{COLORS[name]}33;border-radius:0.25rem;padding:0 0.2em"
    else:
        style = f"color:{COLORS[name]}"
    return f'<span class="nbapp-color" style="{style}">{inner}</span>'


@functools.lru_cache(maxsize=512)
def to_html(body: str, unsafe_allow_html: bool = False) -> str:
    """Return ``body`` (Markdown) as HTML; raw HTML in it is escaped unless ``unsafe_allow_html``."""
    text = emoji.emojize(body, language="alias") if _SHORTCODE_RE.search(body) else body
    if not unsafe_allow_html:
        text = html.escape(text, quote=False).replace("&gt;", ">")  # keep Markdown blockquotes
    text = _COLOR_RE.sub(_color, text)
    return _parser(False)(text)
