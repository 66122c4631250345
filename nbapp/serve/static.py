"""Widgets drawn as static HTML from their models' state: what a browser would draw, frozen.

The state is the widget protocol's (``{model_id: {"model_name", "state", "buffers"}}``), as
nbclient records it for ``nbapp export`` and as ``Widget.get_manager_state()`` gives it in
a kernel for the page's first paint. HTML widgets keep their content, boxes become styled
``div``s, controls show disabled at their current values. Imports neither ipywidgets nor a
kernel client.
"""
from __future__ import annotations

import copy
import html
import json
import re
from collections.abc import Callable
from typing import Any

from nbapp.elements.registry import KINDS

_REF = "IPY_MODEL_"
# Layout traits that shape the page; the rest (grid areas, object fit...) do not matter frozen.
_LAYOUT_CSS = ("display", "visibility", "flex", "flex_flow", "width", "min_width", "max_width", "height",
               "min_height", "max_height", "overflow", "margin", "padding", "border", "align_items",
               "align_self", "justify_content", "grid_gap", "order", "grid_template_columns", "grid_auto_rows",
               "grid_auto_flow", "grid_area")
# Every trait the views below read: what a snapshot taken in a kernel needs to serialize.
DRAWN_TRAITS = frozenset({"_view_name", "_dom_classes", "layout", "children", "value", "description", "min", "max",
                          "step", "index", "_options_labels", "titles", "selected_index", "format", *_LAYOUT_CSS})
# What ipywidgets' own stylesheet gives the boxes and controls drawn here (inside .nbapp-static).
CSS = """
.nbapp-static .widget-vbox { display: flex; flex-direction: column; }
.nbapp-static .widget-hbox { display: flex; flex-direction: row; }
.nbapp-static .widget-gridbox { display: grid; }
.nbapp-static .widget-inline-hbox { display: flex; align-items: center; gap: 0.75rem; }
.nbapp-static .widget-readout { min-width: 2.5rem; text-align: right; }
.nbapp-static .nbapp-static-tabs { display: flex; gap: 1rem; border-bottom: 1px solid #d6d6d9; margin-bottom: 1rem; }
.nbapp-static .nbapp-static-tabs span { padding: 0.4rem 0; color: #808495; }
.nbapp-static .nbapp-static-tabs span.nbapp-static-selected { color: inherit; border-bottom: 2px solid #ff4b4b; }
"""


class WidgetHtml:
    """Draws widget models as HTML; ``config`` is the app's page config, once its model was drawn."""

    def __init__(self, state: dict[str, dict[str, Any]]) -> None:
        self.models = {model_id: _with_buffers(entry) for model_id, entry in state.items()}
        self.config: dict[str, Any] = {}

    def widget(self, model_id: str) -> str:
        """Return the HTML of the widget model ``model_id`` and its children ('' for an unknown id)."""
        entry = self.models.get(model_id)
        if entry is None:
            return ""
        state = entry["state"]
        draw = _VIEWS.get(state.get("_view_name", ""), _other)
        inner, base = draw(self, state)
        classes = " ".join(["jupyter-widgets", base, *state.get("_dom_classes", ())])
        style = self._style(state.get("layout"))
        return f'<div class="{html.escape(classes)}"{style}>{inner}</div>'

    def children(self, state: dict[str, Any]) -> str:
        """Return the HTML of a container's children, in order."""
        return "".join(self.widget(ref[len(_REF):]) for ref in state.get("children", ()))

    def _style(self, layout_ref: Any) -> str:
        if not isinstance(layout_ref, str) or not layout_ref.startswith(_REF):
            return ""
        layout = self.models.get(layout_ref[len(_REF):], {}).get("state", {})
        css = "; ".join(f"{name.replace('grid_gap', 'gap').replace('_', '-')}: {layout[name]}"
                        for name in _LAYOUT_CSS if layout.get(name))
        return f' style="{html.escape(css)}"' if css else ""


def _html(page: WidgetHtml, state: dict[str, Any]) -> tuple[str, str]:
    value = state.get("value", "")
    match = re.search(r'class="nbapp-page-config" data-config="([^"]*)"', value)
    if match:
        page.config = json.loads(html.unescape(match.group(1)))
    return f'<div class="widget-html-content">{value}</div>', "widget-html"


def _box(direction: str) -> Callable[[WidgetHtml, dict[str, Any]], tuple[str, str]]:
    return lambda page, state: (page.children(state), f"widget-container widget-box widget-{direction}")


def _tab(page: WidgetHtml, state: dict[str, Any]) -> tuple[str, str]:
    refs, selected = state.get("children", ()), state.get("selected_index") or 0
    titles = list(state.get("titles", ())) + [""] * len(refs)
    strip = "".join(f'<span class="{"nbapp-static-selected" if i == selected else ""}">{html.escape(titles[i])}</span>'
                    for i in range(len(refs)))
    panel = page.widget(refs[selected][len(_REF):]) if refs else ""
    return f'<div class="nbapp-static-tabs">{strip}</div>{panel}', "widget-tab"


def _accordion(page: WidgetHtml, state: dict[str, Any]) -> tuple[str, str]:
    titles = list(state.get("titles", ())) + [""] * len(state.get("children", ()))
    panels = "".join(f'<details{" open" if i == state.get("selected_index") else ""}>'
                     f"<summary>{html.escape(titles[i])}</summary>{page.widget(ref[len(_REF):])}</details>"
                     for i, ref in enumerate(state.get("children", ())))
    return panels, "widget-accordion"


def _slider(page: WidgetHtml, state: dict[str, Any]) -> tuple[str, str]:
    value = state.get("value")
    low, high = (value if isinstance(value, list) else (state.get("min"), value))
    track = (f'<input type="range" min="{state.get("min")}" max="{state.get("max")}" step="{state.get("step")}" '
             f'value="{high}" disabled style="flex: 1">')
    readout = f"{low} – {high}" if isinstance(value, list) else f"{high}"
    if state.get("readout") is False:  # the value is written in the label row instead (a custom format)
        return track, "widget-inline-hbox widget-slider"
    return f'{track}<span class="widget-readout">{html.escape(readout)}</span>', "widget-inline-hbox widget-slider"


def _button(page: WidgetHtml, state: dict[str, Any]) -> tuple[str, str]:
    pressed = ' aria-pressed="true"' if state.get("value") is True else ""
    return f"<button disabled{pressed}>{html.escape(state.get('description', ''))}</button>", "widget-button"


def _checkbox(page: WidgetHtml, state: dict[str, Any]) -> tuple[str, str]:
    checked = " checked" if state.get("value") else ""
    label = html.escape(state.get("description", ""))
    return f'<label><input type="checkbox" disabled{checked}> {label}</label>', "widget-inline-hbox widget-checkbox"


def _text(page: WidgetHtml, state: dict[str, Any]) -> tuple[str, str]:
    value = html.escape(str(state.get("value", "")))
    kind = "number" if isinstance(state.get("value"), (int, float)) else "text"
    return f'<input type="{kind}" value="{value}" disabled style="width: 100%">', "widget-inline-hbox widget-text"


def _textarea(page: WidgetHtml, state: dict[str, Any]) -> tuple[str, str]:
    return f'<textarea disabled style="width: 100%">{html.escape(state.get("value", ""))}</textarea>', "widget-textarea"


def _choice(page: WidgetHtml, state: dict[str, Any]) -> tuple[str, str]:
    labels, index = state.get("_options_labels", ()), state.get("index")
    chosen = set(index) if isinstance(index, list) else {index}
    if state.get("_view_name") == "RadioButtonsView":
        items = "".join(f'<label><input type="radio" disabled{" checked" if i in chosen else ""}> '
                        f"{html.escape(label)}</label><br>" for i, label in enumerate(labels))
        return items, "widget-radio"
    options = "".join(f'<option{" selected" if i in chosen else ""}>{html.escape(label)}</option>'
                      for i, label in enumerate(labels))
    multiple = " multiple" if isinstance(index, list) else ""
    return f'<select disabled{multiple} style="width: 100%">{options}</select>', "widget-dropdown"


def _label(page: WidgetHtml, state: dict[str, Any]) -> tuple[str, str]:
    return html.escape(str(state.get("value", ""))), "widget-label"


def _image(page: WidgetHtml, state: dict[str, Any]) -> tuple[str, str]:
    fmt = state.get("format", "png")
    mime = "image/svg+xml" if fmt == "svg+xml" else f"image/{fmt}"
    return f'<img src="data:{mime};base64,{state.get("value", "")}" style="max-width: 100%">', "widget-image"


def _module(page: WidgetHtml, state: dict[str, Any]) -> tuple[str, str]:
    """An anywidget: an element declared with an ES module draws its props with its own ``static``;
    nbapp's HTML-with-behaviour widgets show their HTML."""
    if "_nbapp_kind" in state:
        kind = KINDS.get(state["_nbapp_kind"])
        if kind is None or kind.static is None:
            return "", "nbapp-module"
        props = {**state.get("props", {}), **{name: state.get(name) for name in kind.frontend.traits}}
        return kind.static({**props, "value": state.get("value")}), "nbapp-module"
    return f'<div class="widget-html-content">{state.get("value") or state.get("html", "")}</div>', "widget-html"


def _other(page: WidgetHtml, state: dict[str, Any]) -> tuple[str, str]:
    if "children" in state:
        return page.children(state), "widget-container widget-box widget-vbox"
    return html.escape(str(state.get("description", ""))), "widget-other"


_VIEWS: dict[str, Callable[[WidgetHtml, dict[str, Any]], tuple[str, str]]] = {
    "HTMLView": _html, "HTMLMathView": _html, "LabelView": _label, "ImageView": _image,
    "BoxView": _box("vbox"), "VBoxView": _box("vbox"), "HBoxView": _box("hbox"), "GridBoxView": _box("gridbox"),
    "TabView": _tab, "AccordionView": _accordion, "StackView": _tab,
    "IntSliderView": _slider, "FloatSliderView": _slider, "IntRangeSliderView": _slider,
    "FloatRangeSliderView": _slider, "FloatLogSliderView": _slider, "SelectionSliderView": _choice,
    "ButtonView": _button, "ToggleButtonView": _button, "FileUploadView": _button,
    "CheckboxView": _checkbox, "TextView": _text, "PasswordView": _text, "IntTextView": _text,
    "FloatTextView": _text, "BoundedIntTextView": _text, "BoundedFloatTextView": _text, "ComboboxView": _text,
    "ColorPickerView": _text, "TextareaView": _textarea,
    "DropdownView": _choice, "SelectView": _choice, "RadioButtonsView": _choice, "SelectMultipleView": _choice,
    "ToggleButtonsView": _choice, "AnyView": _module,
}


def _with_buffers(entry: dict[str, Any]) -> dict[str, Any]:
    """Put a model's binary buffers (base64, as the protocol's embed state has them) back into its state."""
    state = copy.deepcopy(entry.get("state", {}))
    for buffer in entry.get("buffers", ()):
        *parents, last = buffer.get("path") or [None]
        holder = state
        for step in parents:
            holder = holder[step]
        if last is not None:
            holder[last] = buffer.get("data", "")
    return {**entry, "state": state}
