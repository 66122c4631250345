"""Element families, one module per family; importing this package registers every ``st.*`` command.

A module declares its commands with ``nbapp.elements.registry.element``; nothing else has
to list them.
"""
from __future__ import annotations

import importlib
import pkgutil


def _import_families() -> None:
    for module in pkgutil.walk_packages(__path__, prefix=f"{__name__}."):
        importlib.import_module(module.name)


_import_families()
