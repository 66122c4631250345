"""How ``nbapp run`` serves an app: the options and their documented defaults (imports nothing heavy)."""
from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path


@dataclass
class ServeOptions:
    """How ``nbapp run`` serves an app; the defaults are the documented ones."""

    path: Path  # the app: a .py script or an .ipynb notebook (absolute)
    host: str = "127.0.0.1"
    port: int | None = None  # None: 8501, or the next free port after it; 0: any free port
    open_browser: bool = True
    watch: bool = True  # rerun open pages when the script is saved
    timeout: float = 60.0  # seconds the app's first run may take before the page reports it
    preheat: bool = True
    fork: bool = True  # fork each page's kernel from a warm parent (nbapp.serve.fork); False: plain kernels
    pool_size: int = 1
    cull_idle: int = 600  # seconds before an idle kernel (its page closed) is shut down; 0: never
    theme: str = "light"  # "light" or "dark"
    debug: bool = False  # Voilà's debug log and tracebacks of server errors in the page
    gateway_url: str | None = None  # start kernels on this Jupyter (Enterprise) Kernel Gateway, not here
    cache_dir: str | None = None  # st.cache_data's disk folder for the kernels ($NBAPP_CACHE_DIR otherwise)
    jupyterhub: bool = False  # a JupyterHub service: its address, URL prefix and login come from the hub
