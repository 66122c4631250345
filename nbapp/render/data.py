"""Data elements as HTML: table, json (st.dataframe draws through nbapp/frontend/grid.js); images and rich MIME bundles."""
from __future__ import annotations

import html
import json
import math
import numbers
import sys
from typing import TYPE_CHECKING, Any

import ipywidgets as w

from nbapp.render.registry import Adapter, adapter, classed
from nbapp.render.text import HtmlAdapter

if TYPE_CHECKING:  # not at run time: ~0.5 s of every kernel start, and any frame drawn here imported it
    import pandas as pd

MAX_ROWS = 10_000  # rows drawn per table; the rest is counted in a note (HTML for more gets slow)

def _label(value: Any) -> str:
    return " ".join(map(str, value)) if isinstance(value, tuple) else str(value)


def _cell(value: Any, tag: str) -> str:
    """One cell of any type: numbers right-aligned, missing values muted, booleans as checkboxes."""
    if value is None or value is getattr(sys.modules.get("pandas"), "NaT", None) or (
            isinstance(value, float) and math.isnan(value)):
        return f'<{tag} class="nbapp-null" data-v="">None</{tag}>'
    if isinstance(value, bool):
        return f'<{tag} class="nbapp-bool" data-v="{int(value)}">{"☑" if value else "☐"}</{tag}>'
    if isinstance(value, float):
        return f'<{tag} class="n">{value:.4f}</{tag}>'
    if isinstance(value, numbers.Number):
        return f'<{tag} class="n">{value}</{tag}>'
    return f"<{tag}>{html.escape(str(value))}</{tag}>"


def _column_cells(values: pd.Series | pd.Index, tag: str = "td") -> list[str]:
    """The cells of one column. Ints and floats without gaps skip the per-cell type checks (big tables)."""
    items = values.tolist()
    if values.dtype.kind in "iu":
        return [f'<{tag} class="n">{v}</{tag}>' for v in items]
    if values.dtype.kind == "f":
        return [f'<{tag} class="n">{v:.4f}</{tag}>' if v == v else _cell(None, tag) for v in items]
    return [_cell(v, tag) for v in items]


def table_html(frame: pd.DataFrame, *, index: bool = True, header_row: bool = True) -> str:
    """Return ``frame`` as an HTML table (at most MAX_ROWS rows), with or without its index and header row."""
    rows = frame.head(MAX_ROWS)
    names = [_label(n) if n is not None else "" for n in rows.index.names] if index else []
    header = "".join(f'<th class="nbapp-index">{html.escape(n)}</th>' for n in names)
    header += "".join(f"<th>{html.escape(_label(c))}</th>" for c in rows.columns)
    columns = [_column_cells(rows.index.get_level_values(i), "th") for i in range(len(names))]
    columns += [_column_cells(rows.iloc[:, i]) for i in range(rows.shape[1])]
    body = "".join(f"<tr>{''.join(cells)}</tr>" for cells in zip(*columns)) if columns else ""
    head = f"<thead><tr>{header}</tr></thead>" if header_row else ""
    table = f'<table class="nbapp-table">{head}<tbody>{body}</tbody></table>'
    if len(frame) > MAX_ROWS:
        table += f'<div class="nbapp-table-note">Showing the first {MAX_ROWS:,} of {len(frame):,} rows.</div>'
    return table


def size_rules(width: Any, height: Any, *, at_most: bool) -> list[str]:
    """CSS for Streamlit's ``width`` ("stretch", "content", pixels) and ``height`` ("content", "stretch", pixels).

    A pixel height scrolls what does not fit; ``at_most``: the box is at most that high.
    """
    rules = []
    if isinstance(width, int):
        rules.append(f"width: {width}px; max-width: 100%")
    elif width == "content":
        rules.append("width: fit-content; max-width: 100%")
    if isinstance(height, int):
        rules.append(f"{'max-height' if at_most else 'height'}: {height}px; overflow: auto")
    elif height == "stretch" and not at_most:
        rules.append("height: 100%")
    return rules


@adapter("table")
class Table(HtmlAdapter):
    css = ("nbapp-static-table",)

    def classes(self, props):
        border = props.get("border", True)
        return ("nbapp-table-borderless",) if border is False else \
            ("nbapp-table-horizontal",) if border == "horizontal" else ()

    def html(self, props):
        table = table_html(props["data"], index=not props.get("hide_index"), header_row=not props.get("hide_header"))
        rules = size_rules(props.get("width", "stretch"), props.get("height", "content"), at_most=True)
        label = f' role="region" aria-label="{html.escape(props["alt"])}"' if props.get("alt") else ""
        return f'<div class="nbapp-table-box" style="{"; ".join(rules)}"{label}>{table}</div>'



def json_html(value: Any, open_levels: int, depth: int = 0) -> str:
    """Return ``value`` (JSON data) as nested ``<details>``: levels below ``open_levels`` start open."""
    if isinstance(value, (dict, list)) and value:
        is_dict = isinstance(value, dict)
        items = value.items() if is_dict else enumerate(value)
        lines = "".join(
            f'<div class="nbapp-json-item">{_json_key(k) if is_dict else ""}'
            f'{json_html(v, open_levels, depth + 1)}</div>' for k, v in items)
        brackets = "{}" if is_dict else "[]"
        size = f'{len(value)} {"key" if is_dict else "item"}{"" if len(value) == 1 else "s"}'
        state = " open" if depth < open_levels else ""
        # The summary shows "{ 3 keys }" while closed; open, the items and the closing bracket follow it.
        return (f'<details{state}><summary>{brackets[0]}<span class="nbapp-json-size">{size}</span>'
                f'<span class="nbapp-json-close">{brackets[1]}</span></summary>{lines}{brackets[1]}</details>')
    text = json.dumps(value, ensure_ascii=False)
    kind = "null" if value is None else "bool" if isinstance(value, bool) else type(value).__name__
    return f'<span class="nbapp-json-{kind}">{html.escape(text, quote=False)}</span>'


def _json_key(key: str) -> str:
    return f'<span class="nbapp-json-key">{html.escape(json.dumps(key, ensure_ascii=False), quote=False)}</span>: '


@adapter("json")
class Json(HtmlAdapter):
    css = ("nbapp-json",)

    def html(self, props):
        return f'<div class="nbapp-json-root">{json_html(props["body"], props["expanded"])}</div>'


@adapter("mimebundle")
class MimeBundle(Adapter):
    """Rich output (``_repr_mimebundle_``, ``_repr_png_``...) shown by the front end's own renderers."""

    def create(self, props, emit):
        out = classed(w.Output(), "nbapp-element", "nbapp-mimebundle")
        self.update(out, props, {})
        return out

    def update(self, widget, props, old):
        widget.outputs = ({"output_type": "display_data", "data": props["data"], "metadata": {}},)
        return True
