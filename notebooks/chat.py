"""A chat app with streamed answers that works offline.

The "model" is a small canned knowledge base about nbapp: each question is matched to the
answer whose keywords it shares most, and the answer is streamed word by word with
`st.write_stream`, as a language model's tokens would be. The conversation lives in
`st.session_state`, so it survives every rerun.

Run it with `nbapp run chat.py` (or the notebook beside it).
"""
import re
import time

import streamlit as st

st.set_page_config(page_title="Offline chat", page_icon="💬")

ANSWERS = {
    ("nbapp", "streamlit", "jupyter", "notebook"):
        "nbapp runs Streamlit scripts inside Jupyter: an app is a script, widgets are variables, "
        "and every change reruns the script from the top. Put it under `%%app` in a notebook, or "
        "serve it with `nbapp run app.py`.",
    ("cache", "caching", "slow", "fast", "model", "load", "cache_data", "cache_resource"):
        "Wrap slow functions in `@st.cache_data` (results, kept on disk) or `@st.cache_resource` "
        "(one shared object such as a model or a connection). Reruns then skip the work: the "
        "pipeline demo shows which step recomputed.",
    ("widget", "widgets", "slider", "button", "input", "state", "session_state", "remember"):
        "A widget call returns its current value, e.g. `x = st.slider('x', 0, 10)`. Anything that "
        "must outlive a rerun goes in `st.session_state`, which is how this chat remembers you.",
    ("stream", "streaming", "write_stream", "typing", "tokens", "generator"):
        "`st.write_stream` takes a generator (or an OpenAI / LangChain stream) and shows the text as "
        "it arrives, then returns the whole of it. This answer is one: a generator that yields a "
        "word at a time.",
    ("publish", "serve", "share", "deploy", "run", "voila", "binder"):
        "`nbapp run app.py` (or a notebook) serves the app through Voilà, with no code on the page. "
        "`nbapp export app.py --to html` freezes one run into a static page.",
    ("hello", "hi", "hey", "thanks", "thank"):
        "Hello! Ask me about nbapp: widgets, caching, streaming, or publishing an app.",
}
FALLBACK = ("I only know a little about nbapp, and I run offline with no language model. "
            "Try asking about widgets, caching, streaming or publishing.")


def answer(question: str) -> str:
    words = set(re.findall(r"[a-z_]+", question.lower()))
    keywords, best = max(ANSWERS.items(), key=lambda item: len(words & set(item[0])))
    return best if words & set(keywords) else FALLBACK


def stream(text: str, words_per_second: float):
    for word in re.findall(r"\S+\s*", text):
        yield word
        time.sleep(1 / words_per_second)


st.title("Offline chat 💬")
st.caption("A chat with streamed answers and no network: a canned knowledge base about nbapp "
           "stands in for a language model. The conversation is kept in st.session_state.")

with st.sidebar:
    st.header("Chat")
    speed = st.slider("Typing speed (words per second)", 5, 100, 40)
    if st.button("Clear the conversation"):
        st.session_state.pop("messages", None)
    st.caption("Answers stream through st.write_stream, one word at a time.")

if "messages" not in st.session_state:
    st.session_state.messages = [{"role": "assistant", "content": "Hi! Ask me anything about nbapp."}]

for message in st.session_state.messages:
    with st.chat_message(message["role"]):
        st.markdown(message["content"])

if prompt := st.chat_input("Ask about nbapp"):
    st.session_state.messages.append({"role": "user", "content": prompt})
    with st.chat_message("user"):
        st.markdown(prompt)
    with st.chat_message("assistant"):
        reply = st.write_stream(stream(answer(prompt), speed))
    st.session_state.messages.append({"role": "assistant", "content": reply})

count = len(st.session_state.messages)
st.caption(f"{count} message{'s' if count != 1 else ''} in this conversation.")
