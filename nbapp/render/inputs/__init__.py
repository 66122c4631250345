"""Input widget adapters, one module per family (mirrors ``nbapp/elements/widgets``)."""
from nbapp.render.inputs import button, slider  # noqa: F401  (register adapters)
