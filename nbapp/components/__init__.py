"""``streamlit.components`` inside an app: ``components.v1.html`` and ``components.v1.iframe``."""
