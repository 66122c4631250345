"""nbapp's gallery (`nbapp hello`): the hello tour and the demos, one page each (st.navigation).

Each demo is an ordinary app script from nbapp/serve/gallery/demos (the same as the
repository's notebooks/). A demo that needs a package you lack says which, with the pip
command, instead of failing.
"""
from functools import partial

import streamlit as st

from nbapp.serve.gallery import DEMO_DIR, DEMOS, TOUR_COMMANDS, missing_commands

TOUR = {"Hello": "👋", "Plotting": "📈", "DataFrame": "🧮", "Fractal": "🌀", "Map": "🗺️"}
ICONS = {"pipeline.py": "🧪", "semantic_search.py": "🔎", "chat.py": "💬", "latent_explorer.py": "🎛️"}

st.set_page_config(page_title="nbapp gallery", page_icon="👋")


def tour_page(name: str) -> None:
    """One page of the hello tour: hello.py, told which page to show."""
    path = DEMO_DIR / "hello.py"
    code = compile(path.read_text(encoding="utf-8"), str(path), "exec")
    exec(code, {"__name__": "__main__", "__file__": str(path), "GALLERY_PAGE": name})


def upcoming_page(title: str, commands: list[str]) -> None:
    """In place of a page that draws with st commands this nbapp does not have yet."""
    st.title(title)
    st.info(f"This page draws with {', '.join(f'st.{c}' for c in commands)}, which this version of nbapp "
            "does not have yet. Upgrade nbapp to see it.")


def needs_page(title: str, missing: list[str]) -> None:
    """What a demo needs and how to install it, in place of the demo."""
    st.title(title)
    st.warning(f"This demo needs {', '.join(missing)}, which this Python lacks. Install it and reload:")
    st.code("pip install " + " ".join(f"'{m}'" if "=" in m else m for m in missing), language="bash")
    st.caption("torch is pinned to a CPU-sized release: a plain `pip install torch` can pull a several-GB CUDA build.")


tour = []
for name, icon in TOUR.items():
    lacking = missing_commands(TOUR_COMMANDS.get(name, ()))
    run = partial(upcoming_page, name, lacking) if lacking else partial(tour_page, name)
    tour.append(st.Page(run, title=name, icon=icon, url_path=name.lower(), default=name == "Hello"))
demos = []
for demo in DEMOS:
    missing = demo.missing()
    if demo.missing_commands():
        page = st.Page(partial(upcoming_page, demo.title, demo.missing_commands()), title=demo.title,
                       icon=ICONS[demo.script], url_path=demo.path.stem)
    elif missing:
        page = st.Page(partial(needs_page, demo.title, missing), title=demo.title, icon=ICONS[demo.script],
                       url_path=demo.path.stem)
    else:
        page = st.Page(demo.path, title=demo.title, icon=ICONS[demo.script])
    demos.append(page)

st.navigation({"Tour": tour, "Demos": demos}).run()
