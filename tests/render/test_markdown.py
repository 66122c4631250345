"""Markdown as Streamlit renders it: GFM plus colors, emoji shortcodes and math."""
from __future__ import annotations

import pytest

from nbapp.render.markdown import has_math, inline_html, to_html


@pytest.mark.parametrize("source, expected", [
    ("**bold** and _it_", "<p><strong>bold</strong> and <em>it</em></p>"),
    (":sunglasses: :+1:", "<p>😎 👍</p>"),
    (":red[alert]", '<span class="nbapp-color" style="color:#ff4b4b">alert</span>'),
    (":blue-background[note]", 'style="background-color:#1c83e133;border-radius:0.25rem;padding:0 0.2em">note</span>'),
    (":green[**strong** [docs](https://x.org)]", '<span class="nbapp-color" style="color:#21c354"><strong>strong</strong> '),
    (":rainbow[wow]", "background-clip:text;color:transparent\">wow</span>"),
    ("~~old~~", "<del>old</del>"),
    ("| a |\n|---|\n| 1 |", "<td>1</td>"),
    ("- [x] done", 'type="checkbox" disabled checked/>done'),
])
def test_markdown_features(source, expected):
    assert expected in to_html(source)


def test_raw_html_is_escaped_unless_allowed():
    assert to_html("<b>hi</b> & co") == "<p>&lt;b&gt;hi&lt;/b&gt; &amp; co</p>\n"
    assert to_html("<b>hi</b>", unsafe_allow_html=True) == "<p><b>hi</b></p>\n"


def test_code_is_escaped_exactly_once():
    assert "<code>a &lt; b &amp;&amp; c</code>" in to_html("`a < b && c`")
    assert "x = 1 &lt; 2" in to_html("```python\nx = 1 < 2\n```")


def test_blockquotes_still_work_when_html_is_escaped():
    assert to_html("> quoted") == "<blockquote>\n<p>quoted</p>\n</blockquote>\n"


def test_links_open_in_a_new_tab_so_the_notebook_stays():
    html = to_html("[docs](https://example.org)")
    assert '<a target="_blank" rel="noopener noreferrer" href="https://example.org">docs</a>' in html


def test_math_is_kept_for_mathjax_and_detected():
    inline = to_html("energy $E=mc^2$")
    assert r'<span class="math">\(E=mc^2\)</span>' in inline and has_math(inline)
    block = to_html("$$\n\\int_0^1 x\\,dx\n$$")
    assert '<div class="math">$$' in block and has_math(block)
    assert not has_math(to_html("costs $5 and $10"))


def test_colored_math():
    assert r'style="color:#ff4b4b"><span class="math">\(x\)</span></span>' in to_html(":red[$x$]")


def test_text_that_only_looks_like_a_color_is_left_alone():
    assert to_html("not :red color") == "<p>not :red color</p>\n"
    assert to_html(":purple[x]") == "<p>:purple[x]</p>\n"


def test_inline_html_drops_the_paragraph():
    assert inline_html("**Title** :rocket:") == "<strong>Title</strong> 🚀"
    assert inline_html("one\n\ntwo") == "<p>one</p>\n<p>two</p>"
