"""Multipage apps: ``st.Page``, ``st.navigation``, ``st.switch_page`` and a ``pages/`` folder next to the script.

The current page is the value of one hidden widget (``NAV_KEY``): the navigation menu's
links set it, ``st.switch_page`` sets it, and a served page's URL path (``/plotting``,
browser back and forward included) sets it through the page bridge. Session state is
shared by every page, as in Streamlit.
"""
from __future__ import annotations

import re
import threading
from collections.abc import Callable, Mapping, Sequence
from pathlib import Path
from typing import Any

from nbapp.elements.policies import check_icon
from nbapp.elements.pages import NAV_KEY
from nbapp.elements.pages import base_url as _base_url
from nbapp.elements.pages import main_folder as _main_folder_
from nbapp.elements.pages import url_path_of as _url_path_of
from nbapp.errors import NbappAPIError, RerunException, describe
from nbapp.runtime.context import require_run_context
from nbapp.runtime.runner import RunContext
from nbapp.runtime.source import Source
from nbapp.runtime.state import WidgetMeta, warn_value_rejected

POSITIONS = ("sidebar", "top", "hidden")
_FILENAME = re.compile(r"([0-9]*)[_ -]*(.*)\.py$")
_compiled: dict[str, tuple[int, Source]] = {}
_compile_lock = threading.Lock()


class Page:
    """One page of a multipage app (``st.Page``): a script file or a function, with a title, icon and URL path.

    ``title`` and ``url_path`` default to the file's name without its number prefix
    (``pages/1_📈_Plots.py`` -> "Plots", icon 📈) or the function's name. Raises
    NbappAPIError for a file that does not exist, an empty or nested ``url_path``, or a
    callable without a name and no ``title``.

    Examples
    --------
    >>> pg = st.navigation([st.Page("home.py", title="Home", icon="🏠", default=True), st.Page(settings)])
    >>> pg.run()
    """

    def __init__(self, page: str | Path | Callable[[], None], *, title: str | None = None, icon: str | None = None,
                 url_path: str | None = None, default: bool = False, visibility: str = "visible",
                 help: str | None = None) -> None:
        self._default = bool(default)
        inferred_icon = inferred = ""
        if isinstance(page, (str, Path)):
            path = Path(page)
            if not path.is_absolute():
                path = _main_folder_() / path
            path = path.resolve()
            if not path.is_file():
                raise NbappAPIError(f"st.Page({str(page)!r}): the file {path} could not be found. Give the path of "
                                    f"a .py file relative to the app's script ({_main_folder_()}).")
            page = path
            inferred_icon, inferred = _icon_and_name(path)
        elif callable(page):
            inferred = getattr(page, "__name__", "")
            if not inferred and title is None:
                raise NbappAPIError(f"st.Page({describe(page)}): cannot infer a title from this callable; "
                                    "pass title='...'.")
        else:
            raise NbappAPIError(f"st.Page(): page must be a path to a .py file or a function, got {describe(page)}.")
        self._page = page
        self._title = title or inferred.replace("_", " ")
        if not self._title.strip():
            raise NbappAPIError(f"st.Page({describe(page)}): title cannot be empty.")
        self._icon = check_icon("Page", icon) if icon else (inferred_icon or "")
        if visibility not in ("visible", "hidden"):
            raise NbappAPIError(f"st.Page({self._title!r}): visibility must be 'visible' or 'hidden', "
                                f"got {describe(visibility)}.")
        self._visibility = visibility
        self._help = help
        self._url_path = inferred
        if url_path is not None:
            stripped = str(url_path).strip().strip("/")
            if not stripped and not default:
                raise NbappAPIError(f"st.Page({self._title!r}): url_path can only be empty for the default page.")
            if "/" in stripped:
                raise NbappAPIError(f"st.Page({self._title!r}): url_path {url_path!r} cannot include '/'; use a "
                                    "single path segment such as 'foo_bar'.")
            self._url_path = stripped
        self._can_be_called = False

    title = property(lambda self: self._title, doc="The page's title.")
    icon = property(lambda self: self._icon, doc="The page's icon ('' when none).")
    visibility = property(lambda self: self._visibility, doc='"visible" or "hidden" (not in the menu).')
    help = property(lambda self: self._help, doc="The page's tooltip in the menu.")

    @property
    def url_path(self) -> str:
        """The page's URL path segment ('' for the default page)."""
        return "" if self._default else self._url_path

    def run(self) -> None:
        """Run the page (its script, or call its function); only the page st.navigation returned can run.

        Raises NbappAPIError for any other page.
        """
        if not self._can_be_called:
            raise NbappAPIError(f"Page {self._title!r}: only the page returned by st.navigation can run. Call "
                                "st.navigation(pages).run().")
        if isinstance(self._page, Path):
            source = _compile(self._page)
            exec(source.code, source.namespace(None))
        else:
            self._page()

    def __repr__(self) -> str:
        return f"StreamlitPage(title={self._title!r}, url_path={self.url_path!r})"


StreamlitPage = Page


def navigation(pages: Sequence[Page | str | Path | Callable] | Mapping[str, Sequence[Any]], *,
               position: str = "sidebar", expanded: bool | int = False) -> Page:
    """Draw the navigation menu (sidebar, top, or hidden) and return the page to run (call ``.run()`` on it).

    ``pages`` is a list of st.Page (or paths / functions), or a dict of section header ->
    list. The default page is the one with ``default=True``, else the first. Raises
    NbappAPIError for no pages, two default pages, or two pages with one URL path.
    (``expanded`` is accepted; every page is listed.)

    Examples
    --------
    >>> pg = st.navigation({"Reports": [st.Page("sales.py"), st.Page("costs.py")], "Admin": [st.Page(admin)]})
    >>> pg.run()
    """
    if position not in POSITIONS:
        raise NbappAPIError(f"st.navigation(): position must be 'sidebar', 'top' or 'hidden', got {describe(position)}.")
    sections = list(pages.items()) if isinstance(pages, Mapping) else [("", pages)]
    sections = [(str(name), [p if isinstance(p, Page) else Page(p) for p in group]) for name, group in sections]
    every = [p for _, group in sections for p in group]
    if not every:
        raise NbappAPIError("st.navigation(): pages is empty. Pass at least one st.Page.")
    defaults = [p for p in every if p._default]
    if len(defaults) > 1:
        raise NbappAPIError("st.navigation(): multiple pages have default=True "
                            f"({', '.join(repr(p.title) for p in defaults)}). At most one page can be the default.")
    (defaults or every)[0]._default = True
    seen: dict[str, Page] = {}
    for page in every:
        if page.url_path in seen:
            raise NbappAPIError(
                f"st.navigation(): two pages resolve to the URL path '/{page.url_path}': {seen[page.url_path].title!r} "
                f"and {page.title!r}. Give one of them its own st.Page(..., url_path='...').")
        seen[page.url_path] = page
    ctx = require_run_context("navigation")
    page_targets(ctx, seen)
    current = _register(ctx, seen)
    page = seen.get(current) or (defaults or every)[0]
    for p in every:
        p._can_be_called = p is page
    ctx.current_page = {"title": page.title, "icon": page.icon}
    props = {"position": position, "base": _base_url(), "value": page.url_path,
             "sections": [(name, [{"title": p.title, "icon": p.icon, "url_path": p.url_path, "help": p.help}
                                  for p in group if p.visibility == "visible"]) for name, group in sections],
             "state_key": NAV_KEY, "label": "Navigation"}
    if ctx.session_state.pushes(NAV_KEY):
        props["pushed"] = ctx.session_state.pushes(NAV_KEY)
    root = "sidebar" if position == "sidebar" else "main"
    target = ctx.root_block(root)
    from nbapp.tree import Element

    target.children.insert(0, Element("navigation", props, NAV_KEY))  # the menu comes first, wherever it is called
    return page


def _register(ctx: RunContext, pages: dict[str, Page]) -> str:
    def deserialize(value: Any) -> str:
        path = str(value).split("#")[0].strip("/") if value is not None else ""  # page links add "#n"
        if path not in pages:
            warn_value_rejected("navigation", "Navigation", value, "names no page; the default page is shown")
            return ""
        return path

    meta = WidgetMeta(id=NAV_KEY, kind="navigation", key=None, identity="navigation", default="",
                      deserialize=deserialize, label="Navigation")
    return ctx.register_widget(meta)


def switch_page(page: str | Path | Page, *, query_params: Any = None) -> None:
    """Stop this run and run the app again on another page (a script path, or an st.Page); never returns.

    ``query_params`` (a dict) replaces the query parameters. Raises NbappAPIError for a page
    that is not in this app's navigation.

    Examples
    --------
    >>> if st.button("Settings"):
    ...     st.switch_page("pages/settings.py")
    """
    ctx = require_run_context("switch_page")
    meta = ctx.session_state.widget(NAV_KEY)
    if meta is None:
        raise NbappAPIError(f"st.switch_page({describe(page)}): this app has no pages. Call st.navigation(...) first "
                            "(or add a pages/ folder next to the script).")
    target = _url_path_of(page)
    if target is None:
        raise NbappAPIError(f"st.switch_page({describe(page)}): no page of this app is {describe(page)}. Give a "
                            "page's script path (relative to the main script) or an st.Page passed to st.navigation.")
    state = ctx.session_state
    state._values[NAV_KEY] = target
    state._push(NAV_KEY)
    if query_params is not None:
        ctx.app.query_params.from_dict(query_params)
    raise RerunException()


def page_targets(ctx: RunContext, pages: dict[str, Page]) -> None:
    """Remember which script file is which URL path (for st.switch_page / st.page_link by path)."""
    ctx.app._nbapp_pages = {str(p._page): url for url, p in pages.items() if isinstance(p._page, Path)}
    ctx.app._nbapp_titles = {url: p.title for url, p in pages.items()}


def _compile(path: Path) -> Source:
    stamp = path.stat().st_mtime_ns
    with _compile_lock:
        cached = _compiled.get(str(path))
        if cached is None or cached[0] != stamp:
            cached = _compiled[str(path)] = (stamp, Source.compile(path.read_text(encoding="utf-8"), str(path)))
        return cached[1]


def _icon_and_name(path: Path) -> tuple[str, str]:
    match = _FILENAME.search(path.name)
    if match is None:
        return "", path.stem
    name = re.sub(r"[_ ]+", "_", match.group(2)).strip() or match.group(1)
    first = name.split("_", 1)
    try:
        icon = check_icon("Page", first[0])
    except NbappAPIError:
        icon = None
    if icon and len(first) == 2:
        return icon, first[1]
    return "", name


def pages_folder_script(path: str, source: str) -> str:
    """Return the source to run for the script at ``path``: with a ``pages/`` folder beside it (and no
    st.navigation call of its own), a navigation over the script and the folder's pages, as Streamlit does."""
    folder = Path(path).parent / "pages"
    if "navigation(" in source or not folder.is_dir() or not any(folder.glob("*.py")):
        return source
    return (f"import nbapp as _nbapp_st\n"
            f"_nbapp_st.navigation(_nbapp_st._pages_folder({str(path)!r})).run()\n")


def pages_folder(main: str) -> list[Page]:
    """The pages of a script with a ``pages/`` folder: the script first (default), then the folder's
    ``.py`` files by their number prefix, then name."""
    folder = Path(main).parent / "pages"

    def order(p: Path) -> tuple[float, str]:
        match = _FILENAME.search(p.name)
        number = match.group(1) if match else ""
        return (float(number) if number else float("inf"), p.name.lower())

    files = sorted((p for p in folder.glob("*.py") if not p.name.startswith(("_", "."))), key=order)
    return [Page(main, default=True), *(Page(p) for p in files)]



def page_url_path(path: str | Path) -> str:
    """The URL path st.Page infers for a script (``pages/1_📈_Plots.py`` -> ``"Plots"``)."""
    return _icon_and_name(Path(path))[1]
