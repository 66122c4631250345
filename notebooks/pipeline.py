"""A cached pipeline: load_metadata -> create_summary on a data set that ships with scikit-learn.

Each step is a cached function. Change the data set and both steps recompute; change the
statistic and only the summary does; change the chart's feature and nothing does. The
counters at the top show which step ran on this interaction.

Run it with `nbapp run pipeline.py` (or the notebook beside it).
"""
import time

import pandas as pd
import streamlit as st
from sklearn import datasets

st.set_page_config(page_title="Cached pipeline", page_icon="🧪", layout="wide")

DATASETS = {
    "Wine": datasets.load_wine,
    "Iris": datasets.load_iris,
    "Breast cancer": datasets.load_breast_cancer,
}


@st.cache_resource
def counters() -> dict:
    """How many times each step really ran in this process (shared by every rerun)."""
    return {"load_metadata": 0, "create_summary": 0}


@st.cache_data(show_spinner="Loading the data set…")
def load_metadata(name: str) -> tuple[pd.DataFrame, str]:
    counters()["load_metadata"] += 1
    bunch = DATASETS[name](as_frame=True)
    frame = bunch.frame.copy()
    frame["class"] = [str(bunch.target_names[t]) for t in bunch.target]
    frame = frame.drop(columns="target")
    title = next(line for line in bunch.DESCR.splitlines() if line.strip() and not line.startswith(".."))
    return frame, title.strip()


@st.cache_data(show_spinner="Summarising…")
def create_summary(frame: pd.DataFrame, statistic: str) -> pd.DataFrame:
    counters()["create_summary"] += 1
    return frame.groupby("class").agg(statistic).round(3)


before = dict(counters())
started = time.perf_counter()

st.sidebar.header("Pipeline")
name = st.sidebar.selectbox("Data set", list(DATASETS))
statistic = st.sidebar.radio("Statistic per class", ["mean", "median", "std", "max"])
st.sidebar.caption("Data set: both steps depend on it. Statistic: only create_summary does. "
                   "Feature: neither (it only picks what the chart shows).")

frame, description = load_metadata(name)
summary = create_summary(frame, statistic)
feature = st.sidebar.selectbox("Feature to chart", list(summary.columns))
elapsed_ms = (time.perf_counter() - started) * 1000

st.title("Cached pipeline 🧪")
st.caption(f"{description}, one of the data sets that ship with scikit-learn. Each step below is an `st.cache_data` function; the counters say which one ran just now.")

cols = st.columns(3)
for col, step in zip(cols, ["load_metadata", "create_summary"]):
    ran = counters()[step] - before[step]
    col.metric(f"{step} recomputations", counters()[step], delta="recomputed now" if ran else "from cache",
               delta_color="inverse" if ran else "off")
cols[2].metric("Pipeline time", f"{elapsed_ms:.1f} ms")

st.subheader(f"{statistic.capitalize()} of every feature, per class")
st.dataframe(summary.T, use_container_width=True)

st.subheader(f"{feature}: {statistic} per class")
st.bar_chart(summary[[feature]])
st.caption(f"{len(frame)} rows, {frame.shape[1] - 1} features, {frame['class'].nunique()} classes.")
