"""Input widgets, one family per module (registered like every element, see nbapp.elements.registry)."""
