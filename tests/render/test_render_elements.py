"""Every element kind draws as the widget a user sees: its text in the HTML, its CSS classes, its state."""
from __future__ import annotations

import textwrap

import ipywidgets as w
import pytest

from nbapp.render.frontend import ActionHtml
from nbapp.render.widgets import WidgetRenderer
from nbapp.runtime.runner import App


def draw(script: str) -> WidgetRenderer:
    renderer = WidgetRenderer(lambda key, value: None)
    renderer.render(App("import nbapp as st\n" + textwrap.dedent(script), filename="<draw>").run())
    return renderer


def find(widget: w.Widget, css: str) -> list[w.Widget]:
    """Widgets below ``widget`` carrying the CSS class ``css``, in document order."""
    found = [widget] if css in getattr(widget, "_dom_classes", ()) else []
    for child in getattr(widget, "children", ()):
        found += find(child, css)
    return found


def one(script: str, css: str) -> w.Widget:
    (widget,) = find(draw(script).root, css)
    return widget


def test_the_app_carries_its_stylesheet():
    root = draw("st.write('x')").root
    assert "nbapp-app" in root._dom_classes
    assert root.children[0].value.startswith("<style>") and ".nbapp-app" in root.children[0].value


@pytest.mark.parametrize("script, css, expected", [
    ("st.title('My App')", "nbapp-element", '<h1 class="nbapp-title" id="my-app">My App</h1>'),
    ("st.header('Part', divider='blue', anchor=False)", "nbapp-element",
     '<h2 class="nbapp-header">Part</h2><hr class="nbapp-heading-rule nbapp-rule-blue">'),
    ("st.subheader('Sub', help='tip')", "nbapp-element", 'title="tip">ⓘ</span></h3>'),
    ("st.markdown('**bold** :red[red]')", "nbapp-markdown",
     '<strong>bold</strong> <span class="nbapp-color" style="color:#ff4b4b">red</span>'),
    ("st.markdown('<b>x</b>')", "nbapp-markdown", "&lt;b&gt;x&lt;/b&gt;"),
    ("st.markdown('<b>x</b>', unsafe_allow_html=True)", "nbapp-markdown", "<b>x</b>"),
    ("st.caption('small print')", "nbapp-caption", "small print"),
    ("st.text('a < b')", "nbapp-text", "<pre>a &lt; b</pre>"),
    ("st.divider()", "nbapp-element", '<hr class="nbapp-divider">'),
    ("st.html('<i>raw</i>')", "nbapp-html", "<i>raw</i>"),
    ("st.code('x = 1', line_numbers=True)", "nbapp-code", '<span class="linenos">1</span>'),
    ("st.code('import os')", "nbapp-code", '<span class="kn">import</span>'),
    ("st.warning('Careful', icon='⚠️')", "nbapp-alert-warning", '<span class="nbapp-icon">⚠️</span>'),
    ("st.error('Failed', icon=':material/error:')", "nbapp-alert-error", '<div class="nbapp-alert"><div><p>Failed</p>'),
])
def test_text_and_alert_html(script, css, expected):
    widget = one(script, css)
    assert isinstance(widget, ActionHtml if css == "nbapp-code" else w.HTML)
    assert expected in widget.value


def test_markdown_with_math_is_typeset_and_without_math_is_plain_html():
    assert isinstance(one("st.markdown('energy $E=mc^2$')", "nbapp-markdown"), w.HTMLMath)
    assert isinstance(one("st.markdown('costs 5 dollars')", "nbapp-markdown"), w.HTML)
    latex = one("st.latex('x^2')", "nbapp-latex")
    assert isinstance(latex, w.HTMLMath) and "$$\nx^2\n$$" in latex.value


def test_exception_shows_type_message_and_traceback():
    widget = one("def f():\n    raise ValueError('bad <value>')\nf()", "nbapp-exception")
    assert "<b>ValueError</b>: bad &lt;value&gt;" in widget.value
    assert "Traceback:" in widget.value and "in f" in widget.value


def test_table_is_static():
    html = one("st.table({'a': [1, 2]})", "nbapp-static-table").value
    assert '<table class="nbapp-table">' in html and "onclick" not in html


@pytest.mark.parametrize("script, tone, arrow", [
    ("st.metric('Acc', '94%', '2%')", "green", "↑"),
    ("st.metric('Acc', '94%', -2)", "red", "↓"),
    ("st.metric('Cost', 3, -1, delta_color='inverse')", "green", "↓"),
    ("st.metric('Cost', 3, 1, delta_color='inverse')", "red", "↑"),
    ("st.metric('Users', 3, 1, delta_color='off')", "gray", "↑"),
    ("st.metric('Users', 3, 1, delta_color='blue')", "blue", "↑"),
])
def test_metric_delta_colors(script, tone, arrow):
    html = one(script, "nbapp-metric").value
    assert f'nbapp-delta-{tone}"><span class="nbapp-delta-pill" style="color: ' in html
    assert f'">{arrow} ' in html


def test_metric_value_label_and_border():
    widget = one("st.metric('Loss', 0.25, border=True)", "nbapp-metric")
    assert '<div class="nbapp-metric-value">0.25</div>' in widget.value
    assert "Loss" in widget.value and "nbapp-metric-delta" not in widget.value
    assert "nbapp-border" in widget._dom_classes
    assert "Loss" not in one("st.metric('Loss', 1, label_visibility='collapsed')", "nbapp-metric").value


def test_json_levels_open_up_to_expanded():
    html = one("st.json({'a': {'b': {'c': 1}}, 'd': [True, None, 'x']}, expanded=2)", "nbapp-json").value
    assert html.count("<details open>") == 3  # the root, 'a' and 'd'
    assert html.count("<details>") == 1  # 'b' starts closed
    assert '<span class="nbapp-json-key">"d"</span>: ' in html
    assert '<span class="nbapp-json-bool">true</span>' in html and '<span class="nbapp-json-null">null</span>' in html
    assert '<span class="nbapp-json-size">1 key</span>' in html


def test_progress_spinner_and_toast():
    root = draw("""
        st.progress(0.4, text='Epoch **2**')
        with st.spinner('Loading', show_time=True):
            pass
        st.toast('Saved', icon='💾', duration='infinite')
        st.snow()
    """).root
    (progress,) = find(root, "nbapp-progress")
    assert 'style="width:40%"' in progress.value and "Epoch <strong>2</strong>" in progress.value
    assert find(root, "nbapp-spinner") == []  # gone once its block ended
    (toast,) = find(root, "nbapp-toast")
    assert "💾" in toast.value and "<p>Saved</p>" in toast.value and "animation:none" in toast.value
    (snow,) = find(root, "nbapp-element")[-1:]
    assert snow.value.count("❄️") == 30


def test_a_running_spinner_shows_its_text_and_clock():
    renderer = WidgetRenderer(lambda key, value: None)
    shots = []
    app = App("import nbapp as st\nwith st.spinner('Working', show_time=True):\n    st.write('x')", filename="<spin>")
    app.run(flush=lambda tree: (renderer.render(tree, final=False), shots.extend(find(renderer.root, "nbapp-spinner"))))
    assert shots and "Working" in shots[0].value and "nbapp-spinner-time" in shots[0].value


def test_images_and_rich_outputs():
    root = draw("""
        class Pic:
            def _repr_png_(self):
                return b"PNG"
        st.write(Pic())
    """).root
    (out,) = find(root, "nbapp-mimebundle")
    assert isinstance(out, w.Output)
    assert out.outputs[0]["data"]["image/png"] == b"PNG"


def test_columns_tabs_expander_and_container():
    root = draw("""
        a, b = st.columns([3, 1], gap='medium', vertical_alignment='bottom')
        a.write('left')
        t1, t2 = st.tabs(['One', 'Two'])
        with st.expander('More', expanded=True, icon='🔍'):
            st.write('inside')
        st.container(height=120, border=False, key='box').write('scroll')
    """).root
    (row,) = find(root, "nbapp-columns")
    assert "nbapp-align-bottom" in row._dom_classes and row.layout.grid_gap == "2rem"
    assert [c.layout.flex for c in row.children] == ["0.750000 1 0%", "0.250000 1 0%"]
    (tabs,) = find(root, "nbapp-tabs")
    assert isinstance(tabs, w.Tab) and tabs.titles == ("One", "Two")
    (expander,) = find(root, "nbapp-expander")
    assert expander.titles == ("🔍 More",) and expander.selected_index == 0
    (box,) = find(root, "nbapp-key-box")
    assert (box.layout.height, box.layout.overflow) == ("120px", "auto")
    assert "nbapp-border" not in box._dom_classes


def test_sidebar_toggle_and_page_config():
    empty = draw("st.write('main only')").root
    (layout,) = find(empty, "nbapp-layout")
    config, toggle, sidebar, main = layout.children
    assert (toggle.layout.display, sidebar.layout.display) == ("none", "none")
    assert "nbapp-sb-auto" in layout._dom_classes and "nbapp-wide" not in layout._dom_classes
    full = draw("st.set_page_config(layout='wide', initial_sidebar_state='collapsed', page_title='T')\n"
                "st.sidebar.write('side')").root
    (layout,) = find(full, "nbapp-layout")
    config, toggle, sidebar, main = layout.children
    assert toggle.layout.display is None and sidebar.layout.display is None
    assert {"nbapp-wide", "nbapp-sb-collapsed", "nbapp-has-sidebar"} <= set(layout._dom_classes)
    assert "&quot;page_title&quot;: &quot;T&quot;" in config.value and config.layout.display == "none"


def test_a_cleared_placeholder_takes_no_room():
    root = draw("slot = st.empty()\nslot.write('x')\nslot.empty()\nkept = st.empty()\nkept.write('y')").root
    cleared, kept = find(root, "nbapp-empty")[0], find(root, "nbapp-empty")[-1]
    assert cleared.layout.display == "none"
    assert kept.layout.display is None
