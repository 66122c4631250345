"""nbapp: Streamlit's programming model in Jupyter. ``import nbapp as st``.

Every ``st.*`` element function writes to the current app run (inside ``with`` blocks,
to the innermost container). ``st.sidebar`` writes to the sidebar.
"""
from __future__ import annotations

__version__ = "0.1.0"

from nbapp.container import Container as _Container
from nbapp.errors import NbappAPIError, StreamlitAPIException, DuplicateWidgetID  # noqa: F401
from nbapp.runtime.control import rerun, session_state, set_page_config, stop  # noqa: F401
from nbapp.caching import cache, cache_data, cache_resource  # noqa: F401

_main = _Container(root="main")
sidebar = _Container(root="sidebar")

# Explicit re-exports, bound to the main container (names and signatures from Streamlit).
title = _main.title
header = _main.header
subheader = _main.subheader
markdown = _main.markdown
caption = _main.caption
code = _main.code
latex = _main.latex
text = _main.text
divider = _main.divider
html = _main.html
echo = _main.echo
write = _main.write
success = _main.success
info = _main.info
warning = _main.warning
error = _main.error
exception = _main.exception
dataframe = _main.dataframe
table = _main.table
metric = _main.metric
json = _main.json
container = _main.container
columns = _main.columns
tabs = _main.tabs
expander = _main.expander
empty = _main.empty
form = _main.form
form_submit_button = _main.form_submit_button
progress = _main.progress
spinner = _main.spinner
toast = _main.toast
balloons = _main.balloons
snow = _main.snow
button = _main.button
slider = _main.slider
select_slider = _main.select_slider
checkbox = _main.checkbox
toggle = _main.toggle
radio = _main.radio
selectbox = _main.selectbox
multiselect = _main.multiselect
text_input = _main.text_input
text_area = _main.text_area
number_input = _main.number_input
date_input = _main.date_input
time_input = _main.time_input
color_picker = _main.color_picker
file_uploader = _main.file_uploader
download_button = _main.download_button
link_button = _main.link_button


def load_ipython_extension(ipython) -> None:
    """``%load_ext nbapp``: register the ``%%app`` cell magic."""
    from nbapp.jupyter.magic import load_ipython_extension as load

    load(ipython)
