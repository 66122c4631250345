"""Each demo as an app (AppTest, no kernel): what it shows, and what one interaction changes."""
from __future__ import annotations

import importlib.util

import pytest

import nbapp

from nbapp.serve.gallery import DEMO_DIR, DEMOS, GALLERY
from nbapp.testing import AppTest


def app(name: str, timeout: float = 60) -> AppTest:
    return AppTest.from_file(str(DEMO_DIR / name), default_timeout=timeout).run()


def metrics(at: AppTest) -> dict[str, tuple[str, str | None]]:
    return {m.label: (m.value, m.delta) for m in at.metric}


def test_pipeline_shows_which_step_recomputed():
    nbapp.cache_data.clear()  # an earlier test of this process may have run the pipeline
    nbapp.cache_resource.clear()
    at = app("pipeline.py")
    assert not at.exception
    assert at.title[0].value == "Cached pipeline 🧪"
    first = metrics(at)
    assert first["load_metadata recomputations"][1] == "recomputed now"
    loads, summaries = int(first["load_metadata recomputations"][0]), int(first["create_summary recomputations"][0])

    at.sidebar.radio[0].set_value("median").run()  # only the summary depends on the statistic
    after = metrics(at)
    assert after["load_metadata recomputations"] == (str(loads), "from cache")
    assert after["create_summary recomputations"] == (str(summaries + 1), "recomputed now")
    assert at.subheader[0].value == "Median of every feature, per class"

    at.sidebar.selectbox[1].set_value("proline").run()  # the chart's feature: nothing recomputes
    assert [v[1] for k, v in metrics(at).items() if "recomputations" in k] == ["from cache", "from cache"]
    assert at.subheader[1].value == "proline: median per class"

    at.sidebar.selectbox[0].set_value("Iris").run()  # a new data set: both steps run
    assert [v[1] for k, v in metrics(at).items() if "recomputations" in k] == ["recomputed now", "recomputed now"]
    assert "150 rows, 4 features, 3 classes." in [c.value for c in at.caption]


def test_chat_streams_a_canned_answer_and_remembers_the_conversation():
    at = app("chat.py")
    assert not at.exception
    assert at.title[0].value == "Offline chat 💬"
    assert [m.value for m in at.markdown] == ["Hi! Ask me anything about nbapp."]
    at.sidebar.slider[0].set_value(100).run()
    at.chat_input[0].set_value("How do I cache a slow model?").run()
    said = [m.value for m in at.markdown]
    assert said[1] == "How do I cache a slow model?"
    assert said[2].startswith("Wrap slow functions in `@st.cache_data`")
    assert [c.name for c in at.chat_message] == ["assistant", "user", "assistant"]
    at.chat_input[0].set_value("What about quantum gravity?").run()
    assert at.markdown[-1].value.startswith("I only know a little about nbapp")
    assert "5 messages in this conversation." in [c.value for c in at.caption]
    at.sidebar.button[0].click().run()
    assert [m.value for m in at.markdown] == ["Hi! Ask me anything about nbapp."]


@pytest.mark.parametrize("page, title", [("Hello", "Welcome to nbapp 👋"), ("Plotting", "Plotting"),
                                         ("DataFrame", "DataFrame explorer")])
def test_hello_tour_pages(page, title):
    at = app("hello.py")
    at.sidebar.radio[0].set_value(page).run()
    assert not at.exception
    assert at.title[0].value == title


def test_hello_page_squares_x():
    at = app("hello.py")
    assert "25 squared is 625" in [m.value for m in at.markdown]
    at.slider[0].set_value(12).run()
    assert "12 squared is 144" in [m.value for m in at.markdown]


def test_hello_plotting_animates_to_the_last_step():
    at = app("hello.py")
    at.sidebar.radio[0].set_value("Plotting").run()
    at.sidebar.slider[0].set_value(10).run()
    assert len(at.line_chart) == 1
    assert len(at.line_chart[0].props["data"]) == 1  # one data set: ten rows of three walks
    table = next(iter(at.line_chart[0].props["data"].values()))
    assert table["length"] == 10 * 3  # the last frame: all ten steps of the three walks (long form)
    assert at.button[0].label == "Run again"


def test_hello_dataframe_filters_in_the_sidebar():
    at = app("hello.py")
    at.sidebar.radio[0].set_value("DataFrame").run()
    shown = int(at.metric[0].value)
    at.sidebar.multiselect[0].set_value(["resnet", "vit", "mlp", "gbdt"]).run()
    assert int(at.metric[0].value) > shown
    at.sidebar.slider[0].set_value((0.5, 1.0)).run()
    assert at.metric[0].value == "200"


@pytest.mark.parametrize("page, command", [("Fractal", "image"), ("Map", "map")])
def test_hello_pages_that_draw_pictures(page, command, needs):
    needs(command)
    at = app("hello.py")
    at.sidebar.radio[0].set_value(page).run()
    assert not at.exception
    assert len(getattr(at, command)) == 1


def test_latent_explorer_redraws_from_its_sliders(needs):
    pytest.importorskip("torch")
    needs("image")
    at = app("latent_explorer.py", timeout=120)
    assert not at.exception
    assert at.title[0].value == "Latent explorer 🎛️"
    assert len(at.sidebar.slider) == 4
    before = at.image[0].props
    at.sidebar.slider[0].set_value(2.5).run()
    assert at.image[0].props != before
    assert float(at.metric[0].value.split()[0]) < 100  # decoder time, ms


@pytest.mark.slow
def test_semantic_search_ranks_hits_and_follows_its_controls():
    pytest.importorskip("sentence_transformers")
    at = app("semantic_search.py", timeout=300)
    assert not at.exception
    names = [m.value.split("`")[1] for m in at.markdown if "· similarity" in m.value]
    assert len(names) == 5
    at.text_input[0].input("compress bytes").run()
    names = [m.value.split("`")[1] for m in at.markdown if "· similarity" in m.value]
    assert names[0] in ("gzip.compress", "zlib.compress"), names
    at.sidebar.slider[0].set_value(12).run()
    assert len([m for m in at.markdown if "· similarity" in m.value]) == 12
    at.sidebar.multiselect[0].set_value(["json", "csv"]).run()
    names = [m.value.split("`")[1] for m in at.markdown if "· similarity" in m.value]
    assert names and all(n.startswith(("json.", "csv.")) for n in names), names
    found = [c.value for c in at.caption if " hits out of " in c.value][0]
    assert found.startswith(f"{len(names)} hits out of ") and "from 2 modules" in found


def test_gallery_lists_the_tour_and_the_demos():
    at = AppTest.from_file(str(GALLERY), default_timeout=60).run()
    assert not at.exception
    assert at.title[0].value == "Welcome to nbapp 👋"
    (menu,) = at.sidebar.get("navigation")
    assert [(section, [p["title"] for p in pages]) for section, pages in menu.props["sections"]] == [
        ("Tour", ["Hello", "Plotting", "DataFrame", "Fractal", "Map"]),
        ("Demos", ["Cached pipeline", "Semantic search", "Offline chat", "Latent explorer"])]
    at.switch_page("demos/chat.py").run()
    assert at.title[0].value == "Offline chat 💬"
    at.switch_page("demos/pipeline.py").run()
    assert not at.exception
    assert at.title[0].value == "Cached pipeline 🧪"


def test_gallery_page_for_an_st_command_nbapp_lacks(monkeypatch):
    monkeypatch.setattr("nbapp.serve.gallery.DEMOS", tuple(
        d if d.title != "Offline chat" else type(d)(d.title, d.script, d.needs, ("no_such_command",))
        for d in DEMOS))
    at = AppTest.from_file(str(GALLERY), default_timeout=60).run()
    at.switch_page("demos/chat.py").run()
    assert not at.exception
    assert at.title[0].value == "Offline chat"
    assert "draws with st.no_such_command, which this version of nbapp does not have yet" in at.info[0].value


def test_gallery_says_what_a_heavy_demo_needs(monkeypatch):
    real = importlib.util.find_spec
    monkeypatch.setattr(importlib.util, "find_spec", lambda name, *a: None if name in ("torch", "sklearn") else real(name, *a))
    at = AppTest.from_file(str(GALLERY), default_timeout=60).run()
    at.switch_page("demos/pipeline.py").run()  # its page keeps the script's URL path
    assert not at.exception
    assert at.title[0].value == "Cached pipeline"
    assert "needs scikit-learn, which this Python lacks" in at.warning[0].value
    assert at.code[0].value == "pip install scikit-learn"
    assert [d.title for d in DEMOS if d.missing()] == ["Cached pipeline", "Semantic search", "Latent explorer"]
    assert [d.missing() for d in DEMOS][-1] == ["torch==2.13.0", "scikit-learn"]
