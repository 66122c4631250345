"""``streamlit.runtime.scriptrunner_utils`` inside an app (where Streamlit 1.67 keeps the run context)."""
