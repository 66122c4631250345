"""Input widget adapters, one module per family (mirrors ``nbapp/elements/widgets``)."""
from nbapp.render.inputs import button, checkbox, dates, selection, slider, text, upload  # noqa: F401  (register adapters)
