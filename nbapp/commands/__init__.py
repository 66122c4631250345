"""``streamlit.commands`` inside an app: the modules scripts import page-config types from."""
