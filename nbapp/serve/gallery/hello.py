"""nbapp's gallery: what `nbapp hello` serves. Pick a demo in the sidebar.

Run it yourself with `nbapp run hello.py`, or paste it under %%app in a notebook.
"""
import time

import numpy as np
import pandas as pd
import streamlit as st

st.set_page_config(page_title="nbapp gallery", page_icon="👋")


def svg_lines(frame: pd.DataFrame, height: int = 220) -> str:
    """A small line chart of every column of ``frame`` as inline SVG (no plotting library needed)."""
    width, colors = 640, ["#ff4b4b", "#1c83e1", "#21c354", "#ffa421"]
    low, high = float(frame.min().min()), float(frame.max().max())
    span = (high - low) or 1.0
    paths = []
    for i, column in enumerate(frame.columns):
        xs = np.linspace(0, width, len(frame))
        ys = height - (frame[column].to_numpy() - low) / span * (height - 10) - 5
        points = " ".join(f"{x:.1f},{y:.1f}" for x, y in zip(xs, ys))
        paths.append(f'<polyline fill="none" stroke="{colors[i % 4]}" stroke-width="2" points="{points}"/>')
    return (f'<svg viewBox="0 0 {width} {height}" width="100%" role="img" aria-label="line chart">'
            + "".join(paths) + "</svg>")


def hello():
    st.title("Welcome to nbapp 👋")
    st.markdown(
        "nbapp brings Streamlit's programming model into Jupyter: an app is a script, widgets are "
        "variables, and every change reruns the script from the top. **Pick a demo in the sidebar.**"
    )
    name = st.text_input("Your name", "world")
    st.write(f"Hello, {name}!")
    x = st.slider("x", 0, 100, 25)
    st.write(x, "squared is", x * x)


def plotting():
    st.title("Plotting")
    st.caption("A random walk; move the sliders and the chart follows.")
    steps = st.slider("Steps", 10, 500, 200)
    walkers = st.slider("Walkers", 1, 4, 3)
    seed = st.number_input("Seed", 0, 1000, 7)
    rng = np.random.default_rng(int(seed))
    walk = pd.DataFrame(rng.standard_normal((steps, walkers)).cumsum(axis=0),
                        columns=[f"walker {i + 1}" for i in range(walkers)])
    st.html(svg_lines(walk))
    st.metric("Final spread", f"{walk.iloc[-1].max() - walk.iloc[-1].min():.2f}")


def dataframe():
    st.title("DataFrame")
    rows = st.slider("Rows", 5, 200, 20)
    rng = np.random.default_rng(0)
    frame = pd.DataFrame({
        "model": [f"model-{i:03d}" for i in range(rows)],
        "accuracy": rng.uniform(0.6, 0.99, rows).round(3),
        "latency_ms": rng.gamma(4.0, 5.0, rows).round(1),
        "params_m": rng.integers(1, 700, rows),
    })
    best = st.checkbox("Only models above 90% accuracy")
    if best:
        frame = frame[frame.accuracy > 0.9]
    st.dataframe(frame, use_container_width=True)
    st.write(f"{len(frame)} models, mean accuracy {frame.accuracy.mean():.3f}")


def animation():
    st.title("Animation")
    st.caption("Output updates live while the script runs; any widget change restarts it.")
    speed = st.slider("Speed", 1, 10, 5)
    bar = st.progress(0, text="Animating…")
    canvas = st.empty()
    t = np.linspace(0, 4 * np.pi, 200)
    for frame in range(60):
        wave = pd.DataFrame({"sin": np.sin(t + frame * speed / 10), "cos": np.cos(t - frame * speed / 20) * 0.5})
        canvas.html(svg_lines(wave, height=180))
        bar.progress((frame + 1) / 60, text=f"Frame {frame + 1} of 60")
        time.sleep(0.05)
    st.button("Run again")


def canned_reply(prompt: str):
    """A stand-in for an LLM: streams a reply word by word (no API key, no network)."""
    words = len(prompt.split())
    reply = (f"You said *{prompt}* ({words} word{'s' if words != 1 else ''}). I am a canned assistant: "
             "swap `canned_reply` for your model's streaming call, e.g. OpenAI's "
             "`client.chat.completions.create(..., stream=True)`, and `st.write_stream` shows it the same way.")
    for word in reply.split(" "):
        yield word + " "
        time.sleep(0.02)


def chat():
    st.title("Chat")
    st.caption("The shape of an LLM chat app: history in st.session_state, a streamed answer.")
    if "messages" not in st.session_state:
        st.session_state.messages = [{"role": "assistant", "content": "Hi! Ask me anything."}]
    for message in st.session_state.messages:
        with st.chat_message(message["role"]):
            st.markdown(message["content"])
    if prompt := st.chat_input("Say something"):
        st.session_state.messages.append({"role": "user", "content": prompt})
        with st.chat_message("user"):
            st.markdown(prompt)
        with st.chat_message("assistant"):
            answer = st.write_stream(canned_reply(prompt))
        st.session_state.messages.append({"role": "assistant", "content": answer})


DEMOS = {"Hello": hello, "Plotting": plotting, "DataFrame": dataframe, "Animation": animation, "Chat": chat}
choice = st.sidebar.radio("Demo", list(DEMOS))
st.sidebar.caption("Each demo is a few lines of Python: see nbapp/serve/gallery/hello.py.")
DEMOS[choice]()
