"""``nbapp export --to html``: one run of an app, frozen into a page that opens without a server.

The app runs exactly as a served page runs it (a real kernel executes the same
notebook), and nbclient records the final state of every widget model. That state is
what a browser would draw; :mod:`nbapp.serve.static` draws it as plain HTML instead: HTML
widgets keep their content, boxes become styled ``div``s, and controls are shown
disabled at their current values. The app's own stylesheet travels in the page, so the
snapshot looks like the app. Nothing is loaded from a server or the internet.
"""
from __future__ import annotations

import html
import os
import re
from pathlib import Path
from urllib.parse import quote

import nbformat
from nbclient import NotebookClient
from nbclient.exceptions import CellExecutionError, CellTimeoutError, DeadKernelError

from nbapp.serve.errors import UsageError
from nbapp.serve.notebooks import check_app, served_notebook
from nbapp.serve.static import CSS, WidgetHtml

WIDGET_STATE = "application/vnd.jupyter.widget-state+json"
WIDGET_VIEW = "application/vnd.jupyter.widget-view+json"
_PAGE_CSS = """
body { margin: 0; background: #fff; }
.nbapp-export { max-width: 52rem; margin: 0 auto; padding: 3rem 1.5rem 4rem; box-sizing: border-box; }
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
    path = check_app(path)
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
        detail = getattr(err, "evalue", None)
        raise UsageError(f"{path.name}: the run failed before the app could show: {reason}"
                         f"{': ' + detail if detail else ''}. Fix it (`nbapp run {path.name}` shows "
                         f"where) and export again.") from None
    output = output or path.with_suffix(".html")
    output.write_text(StaticPage(nb).html(), encoding="utf-8")
    return output


class StaticPage:
    """The executed notebook ``nb`` as one static HTML page: its apps and markdown, no code."""

    def __init__(self, nb: nbformat.NotebookNode) -> None:
        self.nb = nb
        self.widgets = WidgetHtml(nb.metadata.get("widgets", {}).get(WIDGET_STATE, {}).get("state", {}))

    def html(self) -> str:
        """Return the whole page."""
        from nbapp.render.markdown import to_html

        body = []
        for cell in self.nb.cells:
            if cell.cell_type == "markdown":
                body.append(f'<div class="nbapp-export-markdown nbapp-markdown">{to_html(cell.source)}</div>')
            elif cell.metadata.get("nbapp", {}).get("role") == "app":
                body.extend(self.widgets.widget(out["data"][WIDGET_VIEW]["model_id"])
                            for out in cell.get("outputs", ()) if WIDGET_VIEW in out.get("data", {}))
        content = "\n".join(body)
        config = self.widgets.config
        current = config.get("current_page") or {}
        title = config.get("page_title") or current.get("title") or _first_title(content) or "nbapp app"
        icon = config.get("page_icon") or current.get("icon") or None
        if icon and str(icon).startswith(":material/"):
            icon = None  # a Material Symbols name: no glyph to draw offline
        icon_link = f'<link rel="icon" href="{html.escape(_icon_href(str(icon)))}">' if icon else ""
        return (f'<!DOCTYPE html>\n<html lang="en">\n<head>\n<meta charset="utf-8">\n'
                f'<meta name="viewport" content="width=device-width, initial-scale=1">\n'
                f"<title>{html.escape(title)}</title>\n{icon_link}\n<style>{_PAGE_CSS}{CSS}</style>\n</head>\n"
                f'<body>\n<main class="nbapp-export nbapp-static">\n{content}\n</main>\n</body>\n</html>\n')


def _first_title(content: str) -> str | None:
    match = re.search(r'<h1 class="nbapp-title"[^>]*>(.*?)</h1>', content, re.S)
    return html.unescape(re.sub(r"<[^>]+>", "", match.group(1))).strip() if match else None


def _icon_href(icon: str) -> str:
    if "/" in icon or "." in icon:
        return icon
    svg = f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 100 100"><text y=".9em" font-size="90">{icon}</text></svg>'
    return "data:image/svg+xml," + quote(svg)
