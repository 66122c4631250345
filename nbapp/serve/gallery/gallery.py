"""nbapp's gallery (`nbapp hello`): the hello tour and the demos, picked in the sidebar.

Each page is an ordinary app script from nbapp/serve/gallery/demos (the same as the
repository's notebooks/), run in place. A demo that needs a package you lack says which,
with the pip command.
"""
from pathlib import Path

import streamlit as st

from nbapp.serve.gallery import DEMO_DIR, DEMOS

TOUR = ["Hello", "Plotting", "DataFrame", "Fractal", "Map"]
BY_TITLE = {demo.title: demo for demo in DEMOS}

st.set_page_config(page_title="nbapp gallery", page_icon="👋")
page = st.sidebar.radio("Demo", TOUR + list(BY_TITLE), key="gallery_page")
st.sidebar.divider()


def run_script(path: Path, **variables) -> None:
    """Run the app script at ``path`` here, as `nbapp run` would (its own globals)."""
    code = compile(path.read_text(encoding="utf-8"), str(path), "exec")
    exec(code, {"__name__": "__main__", "__file__": str(path), **variables})


if page in BY_TITLE:
    demo = BY_TITLE[page]
    missing = demo.missing()
    if missing:
        st.title(demo.title)
        st.warning(f"This demo needs {', '.join(missing)}, which this Python lacks. Install it and reload:")
        st.code("pip install " + " ".join(f"'{m}'" if "=" in m else m for m in missing), language="bash")
        st.caption("torch is pinned to a CPU-sized release: a plain `pip install torch` can pull a "
                   "several-GB CUDA build.")
    else:
        run_script(demo.path)
else:
    run_script(DEMO_DIR / "hello.py", GALLERY_PAGE=page)
