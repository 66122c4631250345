"""``st.grid``: a responsive grid whose direct children are cells, and ``grid.cell()`` to group or span them.

The tree holds a "grid" block (its arguments as props, named as Streamlit's AppTest reads
them: ``column_count``, ``gap``, ``row_height``...) whose children are the cells in source
order; ``grid.cell()`` adds a "grid_cell" block with its spans. The CSS that lays them out
is computed here once (``_css``), so a notebook, a served page and the frozen HTML of
``nbapp export`` draw the same grid.
"""
from __future__ import annotations

from typing import Any

from nbapp.elements.layout import gap_size, size
from nbapp.elements.policies import check_bool, check_choice, check_key, fail, got, is_int
from nbapp.elements.registry import declare, element

MIN_COLUMNS, MAX_COLUMNS = 1, 24  # Streamlit's bounds, "auto" included
AUTO_MIN_WIDTH = "12.5rem"  # Streamlit's theme-based "about 200 pixels"
V_ALIGN = ("top", "center", "bottom")

declare("grid_cell")


class GridContainer:
    """What ``st.grid`` returns: write cells into it (``with`` or its methods); :meth:`cell` groups or spans.

    Each element written directly into the grid is one cell; ``st.empty()`` reserves a
    cell that later writes replace.
    """

    def __init__(self, dg, columns: int | str) -> None:
        self._dg = dg
        self._declared_columns = columns

    def __getattr__(self, name: str) -> Any:
        return getattr(self._dg, name)

    def __enter__(self) -> "GridContainer":
        self._dg.__enter__()
        return self

    def __exit__(self, *exc: Any) -> bool:
        return self._dg.__exit__(*exc)

    def cell(self, *, column_span: int | str = 1, row_span: int = 1):
        """Add the next cell, to hold several elements or to span columns / rows; returns its container.

        ``column_span`` is a positive int (at most the grid's declared ``columns``) or
        ``"all"`` (the whole row); ``row_span`` a positive int. Raises NbappAPIError for
        anything else.

        Examples
        --------
        >>> grid = st.grid(4)
        >>> with grid.cell(column_span="all"):
        ...     st.markdown("**Featured**")
        """
        if column_span != "all":
            if isinstance(column_span, str) or not is_int(column_span):
                raise fail("grid", None, f"column_span must be \"all\" or a positive int, got {got(column_span)}.")
            if column_span < 1:
                raise fail("grid", None, f"column_span must be \"all\" or a positive int, got {column_span}.")
            declared = self._declared_columns
            if declared != "auto" and column_span > declared:
                raise fail("grid", None, f"column_span must be between 1 and the grid's {declared} columns, got "
                                         f"{column_span}. Use column_span=\"all\" for a full-width cell.")
        if not is_int(row_span) or row_span < 1:
            raise fail("grid", None, f"row_span must be a positive int, got {got(row_span)}.")
        # CSS grid-area: row-start / column-start / row-end / column-end.
        columns = ("1", "-1") if column_span == "all" else ("auto", f"span {column_span}")
        area = f"auto / {columns[0]} / span {row_span} / {columns[1]}"
        return self._dg._add_block("grid_cell", {"column_span": column_span, "row_span": row_span, "grid_area": area})

    def __repr__(self) -> str:
        return f"<nbapp GridContainer columns={self._declared_columns!r}>"


@element(kind="grid")
def grid(dg, columns: str | int = "auto", *, min_column_width: str | int = "auto", wrap: bool = True,
         gap: Any = "small", vertical_alignment: str = "top", border: bool = False, row_height: str | int = "content",
         width: str | int = "stretch", height: str | int = "content", key: str | int | None = None,
         dense: bool = False) -> GridContainer:
    """Insert a responsive grid: its direct children become cells that reflow with the width; returns it.

    ``columns`` is "auto" (as many as fit at ``min_column_width``, at most 24) or 1 to 24
    (a maximum that wraps to fewer on narrow screens, unless ``wrap=False`` keeps it and
    scrolls). ``gap`` is one size or ``(row_gap, column_gap)``; ``row_height`` "content" or
    pixels (taller content scrolls in its cell); ``border`` frames each cell; ``dense`` lets
    later cells fill holes left by spanning ones. ``grid.cell(column_span=, row_span=)``
    groups elements into one cell. Raises NbappAPIError for a bad argument, and for
    ``wrap=False`` with ``columns="auto"``.

    Examples
    --------
    >>> grid = st.grid(4)
    >>> for label, value in [("Revenue", "$1.2M"), ("Pipeline", "$4.8M")]:
    ...     grid.metric(label, value, border=True)
    """
    check_bool("grid", "wrap", wrap)
    check_bool("grid", "border", border)
    check_bool("grid", "dense", dense)
    if columns != "auto" and (isinstance(columns, str) or not is_int(columns)
                              or not MIN_COLUMNS <= columns <= MAX_COLUMNS):
        raise fail("grid", None, f"columns must be \"auto\" or an int from {MIN_COLUMNS} to {MAX_COLUMNS}, "
                                 f"got {got(columns)}.")
    if columns == "auto" and not wrap:
        raise fail("grid", None, "columns=\"auto\" and wrap=False cannot be used together: wrap=False keeps a "
                                 "declared column count. Pass an int, such as st.grid(3, wrap=False).")
    if min_column_width != "auto" and (isinstance(min_column_width, str) or not is_int(min_column_width)
                                       or min_column_width < 1):
        raise fail("grid", None, f"min_column_width must be \"auto\" or a positive int (pixels), "
                                 f"got {got(min_column_width)}.")
    if isinstance(gap, (tuple, list)):
        if len(gap) != 2:
            raise fail("grid", None, f"gap must be a gap size or a 2-tuple (row_gap, column_gap), got a sequence "
                                     f"of {len(gap)}.")
        row_gap, column_gap = gap
    else:
        row_gap = column_gap = gap
    row_css, column_css = (_px(gap_size("grid", g)) for g in (row_gap, column_gap))
    check_choice("grid", "vertical_alignment", vertical_alignment, V_ALIGN)
    if row_height != "content" and (isinstance(row_height, str) or not is_int(row_height) or row_height < 1):
        raise fail("grid", None, f"row_height must be \"content\" or a positive int (pixels), got {got(row_height)}.")
    width = size("grid", "width", width, ("stretch",))
    height = size("grid", "height", height, ("content", "stretch"))
    key = check_key("grid", key)
    public_gap = row_gap if row_gap == column_gap else (row_gap, column_gap)
    props = {
        "column_count": columns, "min_column_width": min_column_width, "wrap": wrap, "gap": public_gap,
        "vertical_alignment": vertical_alignment, "border": border, "row_height": row_height, "width": width,
        "height": height, "key": key, "dense": dense,
        "css": _css(columns, min_column_width, wrap, row_css, column_css, row_height, dense),
        "column_gap_css": column_css,
    }
    return GridContainer(dg._add_block("grid", props), columns)


def _px(css: str) -> str:
    return "0px" if css == "0" else css  # a bare 0 cannot be mixed with lengths inside calc()


def _css(columns: int | str, min_width: int | str, wrap: bool, row_gap: str, column_gap: str,
         row_height: int | str, dense: bool) -> dict[str, str]:
    """The grid's CSS: its column tracks, gaps, row heights and packing."""
    least = AUTO_MIN_WIDTH if min_width == "auto" else f"{min_width}px"
    if not wrap:
        template = f"repeat({columns}, minmax({least}, 1fr))"
    else:
        # auto-fill drops a column before a cell gets narrower than `least` (one column takes the
        # whole width); a share of 1/N of the width (N: the declared count, or 24) caps the count.
        cap = MAX_COLUMNS if columns == "auto" else columns
        share = f"calc((100% - {cap - 1} * {column_gap}) / {cap})"
        template = f"repeat(auto-fill, minmax(max(min({least}, 100%), {share}), 1fr))"
    return {"grid_template_columns": template, "grid_gap": f"{row_gap} {column_gap}",
            "grid_auto_rows": "auto" if row_height == "content" else f"{row_height}px",
            "grid_auto_flow": "row dense" if dense else "row"}


def span_rules(scope: str, spans: set[int], min_width: int | str, column_gap: str) -> str:
    """The CSS that shrinks ``column_span`` to the columns a wrapping grid has left, as Streamlit does.

    ``scope`` is a class of the grid (a size container): below the width where ``j + 1``
    columns no longer fit, a cell spanning more than ``j`` spans ``j``. Returns '' when no
    cell spans several columns.
    """
    least = AUTO_MIN_WIDTH if min_width == "auto" else f"{min_width}px"
    widest = max(spans, default=1)
    rules = [f".{scope} {{ container-type: inline-size; }}"] if widest > 1 else []
    for j in range(widest - 1, 0, -1):  # narrower widths later: they win
        cells = ", ".join(f".{scope} > .nbapp-span-{k}" for k in sorted(spans) if k > j)
        rules.append(f"@container (max-width: calc({j + 1} * {least} + {j} * {column_gap} - 0.02px)) "
                     f"{{ {cells} {{ grid-column-end: span {j} !important; }} }}")
    return "\n".join(rules)

