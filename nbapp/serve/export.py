"""``nbapp export --to html``: one run of an app, frozen into a page that opens without a server.

The app runs exactly as a served page runs it (a real kernel executes the same
notebook), and nbclient records the final state of every widget model. That state is
what a browser would draw; :class:`StaticPage` draws it as plain HTML instead: HTML
widgets keep their content, boxes become styled ``div``s, and controls are shown
disabled at their current values. The app's own stylesheet travels in the page, so the
snapshot looks like the app. Nothing is loaded from a server or the internet.
"""
from __future__ import annotations

import html
import json
import os
import re
from collections.abc import Callable
from pathlib import Path
from typing import Any
from urllib.parse import quote

import nbformat
from nbclient import NotebookClient
from nbclient.exceptions import CellExecutionError, CellTimeoutError, DeadKernelError

from nbapp.serve.errors import UsageError
from nbapp.serve.notebooks import check_app_path, read_notebook, read_script, served_notebook

WIDGET_STATE = "application/vnd.jupyter.widget-state+json"
WIDGET_VIEW = "application/vnd.jupyter.widget-view+json"
_REF = "IPY_MODEL_"
# Layout traits that shape the page; the rest (grid areas, object fit...) do not matter frozen.
_LAYOUT_CSS = ("display", "visibility", "flex", "flex_flow", "width", "min_width", "max_width", "height",
               "min_height", "max_height", "overflow", "margin", "padding", "border", "align_items",
               "align_self", "justify_content", "grid_gap", "order")
_PAGE_CSS = """
body { margin: 0; background: #fff; }
.nbapp-export { max-width: 52rem; margin: 0 auto; padding: 3rem 1.5rem 4rem; box-sizing: border-box; }
.nbapp-export .widget-vbox { display: flex; flex-direction: column; }
.nbapp-export .widget-hbox { display: flex; flex-direction: row; }
.nbapp-export .widget-inline-hbox { display: flex; align-items: center; gap: 0.75rem; }
.nbapp-export .widget-readout { min-width: 2.5rem; text-align: right; }
.nbapp-export .nbapp-export-tabs { display: flex; gap: 1rem; border-bottom: 1px solid #d6d6d9; margin-bottom: 1rem; }
.nbapp-export .nbapp-export-tabs span { padding: 0.4rem 0; color: #808495; }
.nbapp-export .nbapp-export-tabs span.nbapp-export-selected { color: inherit; border-bottom: 2px solid #ff4b4b; }
.nbapp-export .nbapp-export-markdown { margin: 1rem 0; }
"""


def export_html(path: Path, *, output: Path | None = None, timeout: float = 60.0) -> Path:
    """Run the app at ``path`` once and write it as static HTML (default: ``path`` with ``.html``).

    Returns the path written. Raises UsageError for a bad app file, an app whose run
    fails or exceeds ``timeout`` seconds.

    Examples
    --------
    >>> export_html(Path("app.py"))  # doctest: +SKIP
    PosixPath('app.html')
    """
    path = check_app_path(path)
    (read_script if path.suffix.lower() == ".py" else read_notebook)(path)
    nb = served_notebook(path, launch_dir=os.getcwd(), watch=False)
    client = NotebookClient(nb, timeout=timeout, store_widget_state=True,
                            resources={"metadata": {"path": str(path.parent)}})
    try:
        client.execute()
    except CellTimeoutError:
        raise UsageError(f"{path.name}: the run did not finish within {timeout:g} s. "
                         f"Give it longer with --timeout SECONDS.") from None
    except (CellExecutionError, DeadKernelError) as err:
        reason = getattr(err, "ename", None) or type(err).__name__
        raise UsageError(f"{path.name}: a cell failed ({reason}) before the app could run. "
                         f"Run the notebook in Jupyter to see the error.") from None
    output = output or path.with_suffix(".html")
    output.write_text(StaticPage(nb).html(), encoding="utf-8")
    return output


class StaticPage:
    """The executed notebook ``nb`` as one static HTML page: its apps and markdown, no code."""

    def __init__(self, nb: nbformat.NotebookNode) -> None:
        state = nb.metadata.get("widgets", {}).get(WIDGET_STATE, {}).get("state", {})
        self.models = {model_id: _with_buffers(entry) for model_id, entry in state.items()}
        self.nb = nb
        self.config: dict[str, Any] = {}

    def html(self) -> str:
        """Return the whole page."""
        from nbapp.render.markdown import to_html

        body = []
        for cell in self.nb.cells:
            if cell.cell_type == "markdown":
                body.append(f'<div class="nbapp-export-markdown nbapp-markdown">{to_html(cell.source)}</div>')
            elif cell.metadata.get("nbapp", {}).get("role") == "app":
                body.extend(self.widget(out["data"][WIDGET_VIEW]["model_id"])
                            for out in cell.get("outputs", ()) if WIDGET_VIEW in out.get("data", {}))
        content = "\n".join(body)
        title = self.config.get("page_title") or _first_title(content) or "nbapp app"
        icon = self.config.get("page_icon")
        icon_link = f'<link rel="icon" href="{html.escape(_icon_href(str(icon)))}">' if icon else ""
        return (f'<!DOCTYPE html>\n<html lang="en">\n<head>\n<meta charset="utf-8">\n'
                f'<meta name="viewport" content="width=device-width, initial-scale=1">\n'
                f"<title>{html.escape(title)}</title>\n{icon_link}\n<style>{_PAGE_CSS}</style>\n</head>\n"
                f'<body>\n<main class="nbapp-export">\n{content}\n</main>\n</body>\n</html>\n')

    def widget(self, model_id: str) -> str:
        """Return the HTML of the widget model ``model_id`` and its children."""
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


def _html(page: StaticPage, state: dict[str, Any]) -> tuple[str, str]:
    value = state.get("value", "")
    match = re.search(r'class="nbapp-page-config" data-config="([^"]*)"', value)
    if match:
        page.config = json.loads(html.unescape(match.group(1)))
    return f'<div class="widget-html-content">{value}</div>', "widget-html"


def _box(direction: str) -> Callable[[StaticPage, dict[str, Any]], tuple[str, str]]:
    return lambda page, state: (page.children(state), f"widget-container widget-box widget-{direction}")


def _tab(page: StaticPage, state: dict[str, Any]) -> tuple[str, str]:
    refs, selected = state.get("children", ()), state.get("selected_index") or 0
    titles = list(state.get("titles", ())) + [""] * len(refs)
    strip = "".join(f'<span class="{"nbapp-export-selected" if i == selected else ""}">{html.escape(titles[i])}</span>'
                    for i in range(len(refs)))
    panel = page.widget(refs[selected][len(_REF):]) if refs else ""
    return f'<div class="nbapp-export-tabs">{strip}</div>{panel}', "widget-tab"


def _accordion(page: StaticPage, state: dict[str, Any]) -> tuple[str, str]:
    titles = list(state.get("titles", ())) + [""] * len(state.get("children", ()))
    panels = "".join(f'<details{" open" if i == state.get("selected_index") else ""}>'
                     f"<summary>{html.escape(titles[i])}</summary>{page.widget(ref[len(_REF):])}</details>"
                     for i, ref in enumerate(state.get("children", ())))
    return panels, "widget-accordion"


def _slider(page: StaticPage, state: dict[str, Any]) -> tuple[str, str]:
    value = state.get("value")
    low, high = (value if isinstance(value, list) else (state.get("min"), value))
    track = (f'<input type="range" min="{state.get("min")}" max="{state.get("max")}" step="{state.get("step")}" '
             f'value="{high}" disabled style="flex: 1">')
    readout = f"{low} – {high}" if isinstance(value, list) else f"{high}"
    return f'{track}<span class="widget-readout">{html.escape(readout)}</span>', "widget-inline-hbox widget-slider"


def _button(page: StaticPage, state: dict[str, Any]) -> tuple[str, str]:
    pressed = ' aria-pressed="true"' if state.get("value") is True else ""
    return f"<button disabled{pressed}>{html.escape(state.get('description', ''))}</button>", "widget-button"


def _checkbox(page: StaticPage, state: dict[str, Any]) -> tuple[str, str]:
    checked = " checked" if state.get("value") else ""
    label = html.escape(state.get("description", ""))
    return f'<label><input type="checkbox" disabled{checked}> {label}</label>', "widget-inline-hbox widget-checkbox"


def _text(page: StaticPage, state: dict[str, Any]) -> tuple[str, str]:
    value = html.escape(str(state.get("value", "")))
    kind = "number" if isinstance(state.get("value"), (int, float)) else "text"
    return f'<input type="{kind}" value="{value}" disabled style="width: 100%">', "widget-inline-hbox widget-text"


def _textarea(page: StaticPage, state: dict[str, Any]) -> tuple[str, str]:
    return f'<textarea disabled style="width: 100%">{html.escape(state.get("value", ""))}</textarea>', "widget-textarea"


def _choice(page: StaticPage, state: dict[str, Any]) -> tuple[str, str]:
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


def _label(page: StaticPage, state: dict[str, Any]) -> tuple[str, str]:
    return html.escape(str(state.get("value", ""))), "widget-label"


def _image(page: StaticPage, state: dict[str, Any]) -> tuple[str, str]:
    fmt = state.get("format", "png")
    mime = "image/svg+xml" if fmt == "svg+xml" else f"image/{fmt}"
    return f'<img src="data:{mime};base64,{state.get("value", "")}" style="max-width: 100%">', "widget-image"


def _other(page: StaticPage, state: dict[str, Any]) -> tuple[str, str]:
    if "children" in state:
        return page.children(state), "widget-container widget-box widget-vbox"
    return html.escape(str(state.get("description", ""))), "widget-other"


_VIEWS: dict[str, Callable[[StaticPage, dict[str, Any]], tuple[str, str]]] = {
    "HTMLView": _html, "HTMLMathView": _html, "LabelView": _label, "ImageView": _image,
    "BoxView": _box("vbox"), "VBoxView": _box("vbox"), "HBoxView": _box("hbox"), "GridBoxView": _box("vbox"),
    "TabView": _tab, "AccordionView": _accordion, "StackView": _tab,
    "IntSliderView": _slider, "FloatSliderView": _slider, "IntRangeSliderView": _slider,
    "FloatRangeSliderView": _slider, "FloatLogSliderView": _slider, "SelectionSliderView": _choice,
    "ButtonView": _button, "ToggleButtonView": _button, "FileUploadView": _button,
    "CheckboxView": _checkbox, "TextView": _text, "PasswordView": _text, "IntTextView": _text,
    "FloatTextView": _text, "BoundedIntTextView": _text, "BoundedFloatTextView": _text, "ComboboxView": _text,
    "ColorPickerView": _text, "TextareaView": _textarea,
    "DropdownView": _choice, "SelectView": _choice, "RadioButtonsView": _choice, "SelectMultipleView": _choice,
    "ToggleButtonsView": _choice,
}


def _with_buffers(entry: dict[str, Any]) -> dict[str, Any]:
    """Put a model's binary buffers (base64, as nbclient stores them) back at their paths in its state."""
    state = dict(entry.get("state", {}))
    for buffer in entry.get("buffers", ()):
        path = buffer.get("path", ())
        if len(path) == 1:
            state[path[0]] = buffer.get("data", "")
    return {**entry, "state": state}


def _first_title(content: str) -> str | None:
    match = re.search(r'<h1 class="nbapp-title"[^>]*>(.*?)</h1>', content, re.S)
    return html.unescape(re.sub(r"<[^>]+>", "", match.group(1))).strip() if match else None


def _icon_href(icon: str) -> str:
    if "/" in icon or "." in icon:
        return icon
    svg = f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 100 100"><text y=".9em" font-size="90">{icon}</text></svg>'
    return "data:image/svg+xml," + quote(svg)
