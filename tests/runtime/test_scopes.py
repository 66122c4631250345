"""Named roots and scoped runs: a run covers the script or one fragment, and prunes only its own state."""
from __future__ import annotations

from nbapp.delta_generator import DeltaGenerator
from nbapp.runtime.runner import App, Scope
from nbapp.tree import Block

SCRIPT = """
import nbapp as st
runs = st.session_state.setdefault("runs", [])
runs.append("script")
st.slider("outer", 0, 10, 1)
st.write(f"outside {len(runs)}")
"""


def texts(block: Block) -> list[str]:
    return [n.props["body"] for n in block.walk() if n.kind == "markdown"]


def fragment_scope(app: App, body: str = "inside") -> Scope:
    def run(block: Block) -> None:
        app.session_state["runs"].append("fragment")
        fragment = DeltaGenerator(block=block)
        fragment.slider("inner", 0, 10, 2)
        fragment.write(body)

    return Scope("frag-1", run, props={"note": "mine"})


def test_a_scoped_run_redraws_only_its_block_of_the_last_tree():
    app = App(SCRIPT, filename="app.py")
    tree = app.run()
    main = next(c for c in tree.children if c.kind == "main")
    main.children.append(Block("fragment", id="frag-1"))  # where the fragment drew in the full run
    scoped = app.run(scope=fragment_scope(app))
    assert app.session_state["runs"] == ["script", "fragment"]
    assert texts(scoped) == ["outside 1", "inside"]  # the script's output untouched, the fragment's new
    block = next(n for n in scoped.walk() if n.kind == "fragment")
    assert block.props == {"note": "mine"} and texts(block) == ["inside"]
    assert texts(tree) == ["outside 1"]  # the old tree is not changed


def test_a_scoped_run_prunes_only_the_widgets_of_its_scope():
    app = App(SCRIPT, filename="app.py")
    app.run()
    app.run(scope=fragment_scope(app))
    state = app.session_state
    keys = {m.label: k for k, m in state._widgets.items()}
    assert set(keys) == {"outer", "inner"}  # "outer" was not drawn by the fragment run, and survives
    assert state.widget(keys["inner"]).scope == "frag-1" and state.widget(keys["outer"]).scope is None
    app.run()  # the whole script, which draws no fragment now: the fragment's widget goes
    assert {m.label for m in state._widgets.values()} == {"outer"}


def test_the_first_run_covers_the_whole_script_even_when_scoped():
    app = App(SCRIPT, filename="app.py")
    tree = app.run(scope=fragment_scope(app))
    assert texts(tree) == ["outside 1"] and app.session_state["runs"] == ["script"]


def test_an_error_in_a_scoped_run_shows_in_its_block():
    app = App(SCRIPT, filename="app.py")
    app.run()

    def broken(block: Block) -> None:
        raise ValueError("fragment failed")

    tree = app.run(scope=Scope("frag-1", broken))
    assert [n.props["message"] for n in tree.walk() if n.kind == "exception"] == []  # no such block: not shown
    main = next(c for c in tree.children if c.kind == "main")
    main.children.append(Block("fragment", id="frag-1"))
    tree = app.run(scope=Scope("frag-1", broken))
    block = next(n for n in tree.walk() if n.kind == "fragment")
    assert [n.props["message"] for n in block.walk() if n.kind == "exception"] == ["fragment failed"]


def test_a_named_root_is_added_on_first_use_after_main_and_sidebar():
    app = App("import nbapp as st\nfrom nbapp.delta_generator import DeltaGenerator\n"
              "DeltaGenerator(root='bottom').write('pinned')\nst.write('body')\nst.sidebar.write('side')",
              filename="app.py")
    tree = app.run()
    assert [c.kind for c in tree.children] == ["main", "sidebar", "bottom"]
    assert texts(tree.children[2]) == ["pinned"] and texts(tree.children[0]) == ["body"]
