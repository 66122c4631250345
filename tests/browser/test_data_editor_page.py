"""st.data_editor and st.dataframe's grid in an `nbapp run` page: edits rerun the app, big frames page in."""
from __future__ import annotations

import re

import pytest
from playwright.sync_api import expect

APP = '''\
import numpy as np
import pandas as pd
import streamlit as st

df = pd.DataFrame({"item": ["apple", "pear"], "qty": [3, 4], "ok": [True, False]})
edited = st.data_editor(df, num_rows="dynamic", key="cart",
                        column_config={"qty": st.column_config.NumberColumn(min_value=0, max_value=100)})
st.write(f"total {int(edited['qty'].fillna(0).sum())} in {len(edited)} rows")
event = st.dataframe(pd.DataFrame({"n": np.arange(1_000_000), "sq": np.arange(1_000_000) ** 2}),
                     on_select="rerun", key="big", height=300)
st.write(f"picked {event.selection.rows}")
'''
WAIT = 20_000  # ms: a page with a kernel to start, on a loaded 2-core machine


@pytest.fixture
def app(page, open_app, server):
    frames: list[int] = []  # sizes of the websocket frames the page receives
    page.on("websocket", lambda ws: ws.on("framereceived", lambda payload: frames.append(len(payload))))
    open_app(server.url)
    expect(page.get_by_text("total 7 in 2 rows")).to_be_visible(timeout=WAIT)
    page.frames_received = frames
    return page


def editor(page):
    return page.locator(".nbapp-dataframe:has(.nbapp-grid-editor)")


def cell(grid, row: int, col: int):
    return grid.locator(f'.nbapp-grid-window .nbapp-grid-row[data-row="{row}"] .nbapp-grid-cell[data-col="{col}"]')


def test_editing_a_cell_reruns_the_app_with_the_edited_data(app):
    qty = cell(editor(app), 0, 1)
    qty.dblclick()
    qty.locator("input").fill("10")
    qty.locator("input").press("Enter")
    expect(app.get_by_text("total 14 in 2 rows")).to_be_visible(timeout=WAIT)
    expect(qty).to_have_text("10")
    expect(qty).to_have_class(re.compile(r"\bnbapp-grid-edited\b"))


def test_the_keyboard_moves_between_cells_and_typing_edits(app):
    grid = editor(app)
    cell(grid, 0, 0).click()  # item of the first row
    app.keyboard.press("ArrowRight")
    app.keyboard.press("ArrowDown")  # qty of the second row
    expect(cell(grid, 1, 1)).to_have_class(re.compile("nbapp-grid-focus"))
    app.keyboard.type("9")
    app.keyboard.press("Enter")
    expect(app.get_by_text("total 12 in 2 rows")).to_be_visible(timeout=WAIT)


def test_an_edit_out_of_bounds_is_rejected_and_the_app_keeps_its_data(app):
    qty = cell(editor(app), 1, 1)
    qty.dblclick()
    qty.locator("input").fill("1000")
    qty.locator("input").press("Enter")
    expect(qty).to_have_class(re.compile(r"\bnbapp-grid-invalid\b"))
    expect(qty).to_have_text("4", timeout=WAIT)
    expect(app.get_by_text("total 7 in 2 rows")).to_be_visible()


def test_adding_a_row_and_filling_it_reruns_the_app(app):
    grid = editor(app)
    grid.get_by_text("+ Add row").click()
    expect(app.get_by_text("total 7 in 3 rows")).to_be_visible(timeout=WAIT)
    qty = cell(grid, 2, 1)
    qty.dblclick()
    qty.locator("input").fill("5")
    qty.locator("input").press("Enter")
    expect(app.get_by_text("total 12 in 3 rows")).to_be_visible(timeout=WAIT)


def test_ticking_a_checkbox_and_deleting_a_row(app):
    grid = editor(app)
    grid.locator('.nbapp-grid-row[data-row="0"] .nbapp-grid-mark').click()
    grid.get_by_text("Delete 1 row").click()
    expect(app.get_by_text("total 4 in 1 rows")).to_be_visible(timeout=WAIT)
    expect(cell(grid, 0, 0)).to_have_text("pear")


def test_a_million_rows_open_without_sending_the_frame_and_scroll_to_the_last_row(app):
    big = app.locator(".nbapp-dataframe:not(:has(.nbapp-grid-editor))")
    expect(cell(big, 0, 0)).to_have_text("0")
    assert sum(app.frames_received) < 300_000  # the whole frame as JSON would be ~25 MB
    before = sum(app.frames_received)
    big.locator(".nbapp-grid-scroll").evaluate("el => el.scrollTop = el.scrollHeight")
    expect(big.locator(".nbapp-grid-window")).to_contain_text("999999", timeout=WAIT)
    expect(big.locator(".nbapp-grid-window")).to_contain_text("999998000001")
    assert sum(app.frames_received) - before < 100_000  # a page or two of rows, not the frame
    expect(big.locator(".nbapp-grid-count")).to_have_text("1,000,000 rows")


def test_sorting_a_million_rows_happens_in_the_kernel(app):
    big = app.locator(".nbapp-dataframe:not(:has(.nbapp-grid-editor))")
    big.locator(".nbapp-grid-head", has_text="n").first.click()  # ascending: no change
    big.locator(".nbapp-grid-head", has_text="n").first.click()  # descending
    expect(cell(big, 0, 0)).to_have_text("999999", timeout=WAIT)


def test_selecting_rows_returns_their_positions(app):
    big = app.locator(".nbapp-dataframe:not(:has(.nbapp-grid-editor))")
    big.locator('.nbapp-grid-row[data-row="2"] .nbapp-grid-mark').click()
    expect(app.get_by_text("picked [2]")).to_be_visible(timeout=WAIT)
    big.locator('.nbapp-grid-row[data-row="4"] .nbapp-grid-mark').click()
    expect(app.get_by_text("picked [2, 4]")).to_be_visible(timeout=WAIT)


TYPED = '''\
import datetime as dt
import pandas as pd
import streamlit as st

df = pd.DataFrame({
    "done": [False, True],
    "size": ["S", "M"],
    "due": [dt.date(2024, 1, 5), dt.date(2024, 2, 1)],
    "progress": [20, 75],
    "trend": [[1, 3, 2], [3, 1, 4]],
    "site": ["https://example.org/a", "https://example.org/b"],
    "bars": ["1,2,3", "invalid"],
})
out = st.data_editor(df, key="typed", hide_index=True, column_config={
    "size": st.column_config.SelectboxColumn("Size", options=["S", "M", "L"], help="T-shirt size"),
    "due": st.column_config.DateColumn("Due", min_value=dt.date(2024, 1, 1), max_value=dt.date(2024, 12, 31)),
    "progress": st.column_config.ProgressColumn("Progress", min_value=0, max_value=100, format="%d%%"),
    "trend": st.column_config.LineChartColumn("Trend"),
    "site": st.column_config.LinkColumn("Site", display_text="open"),
    "bars": st.column_config.BarChartColumn("Bars"),
})
st.write(f"done={out['done'].tolist()} size={out['size'].tolist()} due={[str(d) for d in out['due']]}")
sel = st.dataframe(pd.DataFrame({"a": [1, 2], "b": [3, 4]}), on_select="rerun",
                   selection_mode=["multi-column", "single-cell"])
st.write(f"columns={sel.selection.columns} cells={sel.selection.cells}")
'''


@pytest.fixture(scope="module")
def typed_server(serve):
    return serve(TYPED)


@pytest.fixture
def typed(open_app, typed_server):
    page = open_app(typed_server.url)
    expect(page.get_by_text("size=['S', 'M']")).to_be_visible(timeout=WAIT)
    return page


def test_each_column_type_is_drawn_and_edited_with_its_own_control(typed):
    grid = editor(typed)
    expect(cell(grid, 0, 3)).to_contain_text("20%")  # progress: a bar and its formatted number
    expect(cell(grid, 0, 4).locator("svg polyline")).to_have_count(1)  # line chart
    expect(cell(grid, 0, 5).locator("a")).to_have_text("open")
    expect(cell(grid, 0, 6).locator("svg rect")).to_have_count(3)  # a list written as text, as Streamlit reads it
    expect(cell(grid, 1, 6).locator("svg")).to_have_count(0)  # text that lists no numbers draws no chart
    cell(grid, 0, 0).click()  # a checkbox toggles on one click
    expect(typed.get_by_text("done=[True, True]")).to_be_visible(timeout=WAIT)
    cell(grid, 1, 1).dblclick()
    cell(grid, 1, 1).locator("select").select_option("L")
    expect(typed.get_by_text("size=['S', 'L']")).to_be_visible(timeout=WAIT)
    due = cell(grid, 0, 2)
    due.dblclick()
    due.locator("input[type=date]").fill("2024-03-09")
    due.locator("input").press("Enter")
    expect(typed.get_by_text("due=['2024-03-09', '2024-02-01']")).to_be_visible(timeout=WAIT)


def test_a_date_out_of_bounds_is_rejected(typed):
    due = cell(editor(typed), 1, 2)
    due.dblclick()
    due.locator("input[type=date]").fill("2025-06-01")
    due.locator("input").press("Enter")
    expect(due).to_have_class(re.compile("nbapp-grid-invalid"))
    expect(due).to_have_text("2024-02-01", timeout=WAIT)
    expect(typed.get_by_text("due=['2024-01-05', '2024-02-01']")).to_be_visible()


def test_columns_and_cells_are_selected_by_clicking_headers_and_cells(typed):
    grid = typed.locator(".nbapp-dataframe:not(:has(.nbapp-grid-editor))")
    grid.locator(".nbapp-grid-head", has_text="b").click()
    expect(typed.get_by_text("columns=['b'] cells=[]")).to_be_visible(timeout=WAIT)
    cell(grid, 1, 0).click()
    expect(typed.get_by_text("columns=['b'] cells=[(1, 'a')]")).to_be_visible(timeout=WAIT)
    cell(grid, 0, 1).click()  # single-cell: a new cell replaces the old one
    expect(typed.get_by_text("columns=['b'] cells=[(0, 'b')]")).to_be_visible(timeout=WAIT)
    sorter = grid.locator(".nbapp-grid-sort").first  # sorting stays available beside the header
    sorter.click()
    sorter.click()  # descending
    expect(cell(grid, 0, 0)).to_have_text("2")
    expect(typed.get_by_text("columns=['b'] cells=[(0, 'b')]")).to_be_visible()  # sorting selects nothing
