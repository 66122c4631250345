"""nbapp's hello tour: a few small apps, one page each. Pick one in the sidebar.

Run it with `nbapp run hello.py` (or the notebook beside it); `nbapp hello` serves it with
the other demos as one gallery.
"""
import time

import numpy as np
import pandas as pd
import streamlit as st

st.set_page_config(page_title="nbapp hello", page_icon="👋")


def hello():
    st.title("Welcome to nbapp 👋")
    st.markdown("nbapp brings Streamlit's programming model into Jupyter: an app is a script, widgets "
                "are variables, and every change reruns the script from the top. "
                "**Pick a demo in the sidebar.**")
    name = st.text_input("Your name", "world")
    st.write(f"Hello, {name}!")
    x = st.slider("x", 0, 100, 25)
    st.write(f"{x} squared is {x * x}")
    st.caption("Drag the slider: the script reruns and the line above follows.")


def plotting():
    st.title("Plotting")
    st.caption("A live chart: the script adds a point to three random walks on every step, and the "
               "progress bar follows. Any widget change restarts it.")
    steps = st.sidebar.slider("Steps", 10, 100, 40)
    seed = st.sidebar.number_input("Seed", 0, 1000, 7)
    rng = np.random.default_rng(int(seed))
    walk = rng.standard_normal((steps, 3)).cumsum(axis=0)
    bar = st.progress(0, text="Starting…")
    chart = st.empty()
    for step in range(1, steps + 1):
        chart.line_chart(pd.DataFrame(walk[:step], columns=["a", "b", "c"]))
        bar.progress(step / steps, text=f"{step} of {steps} steps")
        time.sleep(0.02)
    bar.empty()
    st.button("Run again")


def dataframe():
    st.title("DataFrame explorer")
    st.caption("Filter a table of (synthetic) model runs with the controls in the sidebar.")
    rng = np.random.default_rng(0)
    runs = pd.DataFrame({
        "model": rng.choice(["resnet", "vit", "mlp", "gbdt"], 200),
        "dataset": rng.choice(["cifar10", "mnist", "imdb"], 200),
        "accuracy": rng.uniform(0.55, 0.99, 200).round(3),
        "latency_ms": rng.gamma(4.0, 5.0, 200).round(1),
    })
    models = st.sidebar.multiselect("Models", sorted(runs.model.unique()), default=["resnet", "vit"])
    low, high = st.sidebar.slider("Accuracy", 0.5, 1.0, (0.8, 1.0), step=0.01)
    chosen = runs[runs.model.isin(models) & runs.accuracy.between(low, high)]
    st.metric("Runs shown", len(chosen), delta=f"of {len(runs)}", delta_color="off")
    st.dataframe(chosen.sort_values("accuracy", ascending=False), use_container_width=True, hide_index=True)
    st.bar_chart(chosen.groupby("dataset").accuracy.mean())


def fractal():
    st.title("Fractal")
    st.caption("A Julia set, recomputed frame by frame as the constant turns: move the sliders "
               "and the animation starts again.")
    iterations = st.sidebar.slider("Iterations", 2, 20, 10)
    separation = st.sidebar.slider("Separation", 0.7, 2.0, 0.7885)
    frames = st.sidebar.slider("Frames", 1, 60, 20)
    bar = st.progress(0)
    picture = st.empty()
    y, x = np.ogrid[-1.4:1.4:240j, -1.8:1.8:320j]
    for frame, angle in enumerate(np.linspace(0, 2 * np.pi, frames, endpoint=False), start=1):
        c = separation * np.exp(1j * angle)
        z = x + 1j * y
        escaped = np.zeros(z.shape)
        for i in range(iterations):
            inside = np.abs(z) <= 10
            z[inside] = z[inside] ** 2 + c
            escaped[inside] = i + 1
        picture.image(escaped / iterations, caption=f"c = {c.real:+.3f} {c.imag:+.3f}i",
                      clamp=True, use_container_width=True)
        bar.progress(frame / frames, text=f"Frame {frame} of {frames}")
        time.sleep(0.02)


def map_demo():
    st.title("Map")
    st.caption("Random points scattered around a city; the map zooms to fit them.")
    cities = {"Paris": (48.8566, 2.3522), "New York": (40.7128, -74.0060), "Tokyo": (35.6762, 139.6503)}
    city = st.sidebar.selectbox("City", list(cities))
    count = st.sidebar.slider("Points", 10, 1000, 200)
    lat, lon = cities[city]
    rng = np.random.default_rng(1)
    points = pd.DataFrame({"lat": lat + rng.normal(0, 0.03, count), "lon": lon + rng.normal(0, 0.05, count)})
    st.map(points, size=20)
    st.caption(f"{count} points around {city}.")


PAGES = {"Hello": hello, "Plotting": plotting, "DataFrame": dataframe, "Fractal": fractal, "Map": map_demo}
# In `nbapp hello`, the gallery picks the page itself and sets GALLERY_PAGE.
page = globals().get("GALLERY_PAGE") or st.sidebar.radio("Demo", list(PAGES))
PAGES[page]()
