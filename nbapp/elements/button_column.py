"""Clicks in ``st.column_config.ButtonColumn(..., key=...)`` cells of st.dataframe and st.data_editor.

Each keyed button column is a trigger widget of its own (no element of its own: the grid
draws the buttons). The page sends ``{"row": position, "label": text}`` as JSON, as
Streamlit's front end does; the value is a :class:`ButtonColumnClickState` for the one run
the click causes, then None again.
"""
from __future__ import annotations

import json
from typing import Any

from nbapp.column_config import ButtonColumnResult
from nbapp.elements.grid import AttributeDict
from nbapp.errors import NbappAPIError
from nbapp.runtime.context import require_run_context
from nbapp.runtime.state import WidgetMeta, warn_value_rejected


class ButtonColumnClickState(AttributeDict):
    """A ButtonColumn click: ``click.row`` / ``click["row"]`` (the row's position) and ``click.label``."""


def _deserialize(column: str, nrows: int):
    def deserialize(raw: Any) -> ButtonColumnClickState | None:
        if raw is None or raw == "":
            return None
        try:
            click = json.loads(raw) if isinstance(raw, str) else raw
        except ValueError:
            click = None
        row = click.get("row") if isinstance(click, dict) else None
        if not (isinstance(row, int) and not isinstance(row, bool) and 0 <= row < nrows
                and isinstance(click.get("label"), str)):
            warn_value_rejected("column_config.ButtonColumn", column, raw,
                                f"is not a click {{row: 0..{nrows - 1}, label: str}}; ignored it")
            return None
        return ButtonColumnClickState(row=row, label=click["label"])

    return deserialize


def register_button_columns(fn: str, column_config: Any, props: dict[str, Any]) -> None:
    """Register the keyed ButtonColumns of a grid's ``column_config`` and tell the grid where clicks go.

    Each such column gets ``click_key`` (its state key) among the grid's column props.
    Raises NbappAPIError (DuplicateWidgetID) for a key another widget of this run has.
    """
    if not isinstance(column_config, dict):
        return
    ctx = None
    columns = {str(c["name"]): c for c in props.get("columns", [])}
    for name, conf in column_config.items():
        if not isinstance(conf, ButtonColumnResult):
            continue
        column = columns.get(str(name))
        if column is None:
            raise NbappAPIError(f"st.{fn}(): column_config has a ButtonColumn for {name!r}, which is not a column "
                                "of the data.")
        ctx = ctx or require_run_context(fn)
        meta = WidgetMeta(
            id=f"$$ID-button_column-{conf.key}", kind="button_column", key=conf.key,
            identity=f"{fn}:{name}:{props.get('nrows')}", default=None,
            deserialize=_deserialize(str(name), int(props.get("nrows") or 0)),
            serialize=lambda v: None if v is None else json.dumps(dict(v)),
            on_change=conf.on_click, args=tuple(conf.args or ()), kwargs=dict(conf.kwargs or {}),
            trigger=True, label=str(name), scope=ctx.scope,
        )
        ctx.register_widget(meta)
        column["click_key"] = meta.state_key
