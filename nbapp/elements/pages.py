"""Pages: the navigation menu's element kind and st.page_link (st.navigation itself is ``nbapp.navigation``)."""
from __future__ import annotations

import html
import os
import re
from pathlib import Path
from typing import Any

from nbapp.elements.policies import check_icon
from nbapp.elements.registry import Frontend, declare, element
from nbapp.errors import NbappAPIError, describe
from nbapp.runtime.context import get_run_context, require_run_context

NAV_KEY = "$$ID-navigation"  # the hidden widget whose value is the current page's URL path


def _nav_static(props: dict[str, Any]) -> str:
    items = []
    for section, pages in props["sections"]:
        if section:
            items.append(f'<div class="nbapp-nav-section">{html.escape(section)}</div>')
        for page in pages:
            active = " nbapp-nav-active" if page["url_path"] == props.get("value") else ""
            label = f"{page['icon']} {page['title']}" if page["icon"] else page["title"]
            items.append(f'<a class="nbapp-nav-link{active}" href="{html.escape(props["base"] + page["url_path"])}">'
                         f"{html.escape(label)}</a>")
    return f'<nav class="nbapp-nav nbapp-nav-{props["position"]}">{"".join(items)}</nav>'


declare("navigation", frontend=Frontend("navigation.js"), static=_nav_static)


def url_path_of(page: Any) -> str | None:
    """The URL path of a page given as a Page, a url path or a script path; None when unknown."""
    if hasattr(page, "_can_be_called"):  # an st.Page
        return page.url_path
    ctx = get_run_context()
    known = getattr(ctx.app, "_nbapp_pages", {}) if ctx is not None else {}
    text = str(page)
    if text.strip("/") in known.values():
        return text.strip("/")
    path = Path(text)
    if not path.is_absolute():
        path = main_folder() / path
    return known.get(str(path.resolve()))


def main_folder() -> Path:
    """The folder of the app's main script (page paths are relative to it); the working directory in a notebook."""
    ctx = get_run_context()
    filename = getattr(ctx.app, "filename", "") if ctx is not None else ""
    return Path(filename).parent if filename and os.path.isabs(filename) else Path.cwd()


def base_url() -> str:
    base = os.environ.get("VOILA_BASE_URL") or "/"
    return base if base.endswith("/") else base + "/"


def _page_link_static(props: dict[str, Any]) -> str:
    label = f"{props['icon']} {props['label']}" if props.get("icon") else props["label"]
    return f'<div class="nbapp-page-link"><a href="{html.escape(props["href"])}">{html.escape(label)}</a></div>'


@element(frontend=Frontend("page_link.js"), value="label", static=_page_link_static)
def page_link(dg, page: Any, *, label: str | None = None, icon: str | None = None,
              icon_position: str = "left", help: str | None = None, disabled: bool = False,
              use_container_width: bool | None = None, width="content", query_params: Any = None):
    """Display a link to another page of the app (shown without a reload) or to an external URL; returns its handle.

    ``page`` is an st.Page, a page's script path (relative to the main script) or an
    ``http(s)://`` URL (``label`` required then). Raises NbappAPIError for a page that is
    not in this app's navigation, or an external link without a label.

    Examples
    --------
    >>> st.page_link("pages/settings.py", label="Settings", icon="⚙️")
    >>> st.page_link("https://streamlit.io", label="Streamlit", icon="🌎")
    """
    text = str(page) if isinstance(page, (str, Path)) else None
    icon = check_icon("page_link", icon) if icon else None
    if text is not None and re.match(r"^https?://", text):
        if not label:
            raise NbappAPIError(f"st.page_link({text!r}): a link to an external URL needs label='...'.")
        props = {"label": label, "icon": icon, "href": text, "external": True, "url_path": None}
    else:
        url_path = url_path_of(page)
        if url_path is None:
            raise NbappAPIError(f"st.page_link({describe(page)}): no page of this app is {describe(page)}. Give a page's "
                                "script path (relative to the main script) or an st.Page passed to st.navigation.")
        if label is None:
            ctx = require_run_context("page_link")
            label = getattr(ctx.app, "_nbapp_titles", {}).get(url_path) or url_path or "Home"
        props = {"label": label, "icon": icon, "href": base_url() + url_path, "external": False,
                 "url_path": url_path, "state_key": NAV_KEY}
    props.update(icon_position=icon_position, help=help, disabled=bool(disabled),
                 width="stretch" if use_container_width else width)
    return dg._enqueue("page_link", props)
