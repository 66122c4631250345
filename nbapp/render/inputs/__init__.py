"""Input widget adapters, one module per family (mirrors ``nbapp/elements/widgets``)."""
