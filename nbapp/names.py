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


# Names Streamlit 1.67 has removed, with what replaces them (its error says so).
REMOVED = {
    "beta_color_picker": ("color_picker",), "beta_columns": ("columns",), "beta_container": ("container",),
    "beta_expander": ("expander",), "beta_secrets": ("secrets",), "beta_set_page_config": ("set_page_config",),
    "cache": ("cache_data", "cache_resource"), "experimental_audio_input": ("audio_input",),
    "experimental_connection": ("connection",), "experimental_data_editor": ("data_editor",),
    "experimental_dialog": ("dialog",), "experimental_fragment": ("fragment",),
    "experimental_get_query_params": ("query_params",), "experimental_memo": ("cache_data",),
    "experimental_rerun": ("rerun",), "experimental_set_query_params": ("query_params",),
    "experimental_show": ("write",), "experimental_singleton": ("cache_resource",),
}


def missing(module: str, name: str) -> AttributeError:
    """Return the error for ``streamlit.<name>`` that nbapp lacks.

    NotSupportedError for a Streamlit name; for a name Streamlit removed, an AttributeError
    saying what replaces it; for a typo, one suggesting the close names (as Streamlit 1.67).
    """
    if name in STREAMLIT_NAMES:
        return NotSupportedError(f"st.{name} is not supported by nbapp yet (Streamlit has it; nbapp does not). "
                                 "See nbapp's README for what is supported.")
    prefix = f"module {module!r} has no attribute {name!r}"
    if name in REMOVED:
        return AttributeError(f"{prefix}. st.{name} has been removed. Use {_either(REMOVED[name])} instead.")
    if name == "bokeh_chart":
        return AttributeError(f"{prefix}. st.{name} has been removed. Use the streamlit-bokeh component instead.")
    import difflib  # here: only a mistyped name needs it

    close = [n for n in difflib.get_close_matches(name, sorted(STREAMLIT_NAMES), n=3, cutoff=0.8)
             if abs(len(n) - len(name)) <= 1]
    return AttributeError(f"{prefix}. Did you mean {_either(close)}?" if close else prefix)


def _either(names) -> str:
    labels = [f"st.{n}" for n in names]
    return labels[0] if len(labels) == 1 else ", ".join(labels[:-1]) + (", or " if len(labels) > 2 else " or ") + labels[-1]
