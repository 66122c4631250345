"""Element families: one module per family; each contributes a mixin to nbapp.container.Container."""
