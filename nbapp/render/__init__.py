"""Drawing element trees with ipywidgets: the only package that imports ipywidgets."""
