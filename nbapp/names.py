"""The public names of Streamlit 1.67's ``streamlit`` module, to tell "not supported yet" from a typo.

``st.<name>`` for a name listed here that nbapp does not have raises :class:`NotSupportedError`
naming it; any other missing name is a plain AttributeError.
"""
from __future__ import annotations

from nbapp.errors import NotSupportedError

STREAMLIT_NAMES = frozenset("""
altair_chart area_chart audio audio_input badge balloons bar_chart bottom button cache_data cache_resource
camera_input caption chat_input chat_message checkbox code color_picker column_config columns components
connection container context data_editor dataframe date_input datetime_input dialog divider download_button
echarts_chart echo empty error errors exception expander experimental_user feedback file_uploader form
form_submit_button fragment get_option graphviz_chart grid header help html iframe image info json latex
line_chart link_button login logo logout map markdown menu_button mermaid_chart metric multiselect navigation
number_input page_link pagination pdf pills plotly_chart popover progress pydeck_chart pyplot query_params radio
rerun runtime scatter_chart secrets segmented_control select_slider selectbox session_state set_option
set_page_config sidebar skeleton slider snow space spinner status stop subheader success switch_page table tabs
testing text text_area text_input time_input title toast toggle user vega_lite_chart video warning write
write_stream Page App starlette typing
""".split())


def missing(module: str, name: str) -> AttributeError:
    """Return the error for ``streamlit.<name>`` that nbapp lacks: NotSupportedError for a Streamlit name."""
    if name in STREAMLIT_NAMES:
        return NotSupportedError(f"st.{name} is not supported by nbapp yet (Streamlit has it; nbapp does not). "
                                 "See nbapp's README for what is supported.")
    return AttributeError(f"module {module!r} has no attribute {name!r}")
