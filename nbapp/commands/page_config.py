"""``streamlit.commands.page_config`` inside an app: ``set_page_config`` and the types scripts annotate with."""
from __future__ import annotations

from typing import Any, Literal, Mapping, Union

from nbapp.runtime.control import set_page_config

__all__ = ["InitialSideBarState", "Layout", "MenuItems", "MenuKey", "PageIcon", "set_page_config"]

Layout = Literal["centered", "wide"]
InitialSideBarState = Literal["auto", "expanded", "collapsed"]
MenuKey = Literal["Get help", "Get Help", "get help", "Report a bug", "report a bug", "About", "about"]
MenuItems = Mapping[MenuKey, Union[str, None]]
PageIcon = Any  # an emoji, a Material icon name (":material/...:"), an image or a path
