"""Chained cached functions (the seed's load_metadata -> create_summary) recompute only what a change reaches."""
from __future__ import annotations

import numpy as np
import pandas as pd

from nbapp.caching import cache_data


def test_an_argument_change_recomputes_only_the_steps_it_reaches():
    calls = {"load_metadata": 0, "create_summary": 0, "plot_data": 0}

    @cache_data
    def load_metadata(source):
        calls["load_metadata"] += 1
        rng = np.random.default_rng(sum(map(ord, source)))
        return pd.DataFrame({"group": rng.integers(0, 5, 1000), "value": rng.random(1000)})

    @cache_data
    def create_summary(metadata, statistic):
        calls["create_summary"] += 1
        return metadata.groupby("group")["value"].agg(statistic)

    @cache_data
    def plot_data(summary, scale):
        calls["plot_data"] += 1
        return summary * scale

    def app(source, statistic, scale):  # one run of the script
        return plot_data(create_summary(load_metadata(source), statistic), scale)

    first = app("sales.csv", "mean", 1.0)
    assert calls == {"load_metadata": 1, "create_summary": 1, "plot_data": 1}

    app("sales.csv", "mean", 1.0)  # a rerun with nothing changed
    assert calls == {"load_metadata": 1, "create_summary": 1, "plot_data": 1}

    app("sales.csv", "mean", 2.0)  # the last step's argument
    assert calls == {"load_metadata": 1, "create_summary": 1, "plot_data": 2}

    app("sales.csv", "max", 2.0)  # the middle step: the first stays cached
    assert calls == {"load_metadata": 1, "create_summary": 2, "plot_data": 3}

    app("other.csv", "max", 2.0)  # the source: everything downstream
    assert calls == {"load_metadata": 2, "create_summary": 3, "plot_data": 4}

    again = app("sales.csv", "mean", 1.0)  # back to the start: all hits
    assert calls == {"load_metadata": 2, "create_summary": 3, "plot_data": 4}
    pd.testing.assert_series_equal(again, first)


def test_a_step_that_returns_equal_data_stops_the_recompute():
    calls = []

    @cache_data
    def clean(df, threshold):
        return df[df["x"] >= 0]  # the threshold does not change the result here

    @cache_data
    def report(df):
        calls.append(1)
        return len(df)

    df = pd.DataFrame({"x": [1.0, 2.0]})
    report(clean(df, 1))
    report(clean(df, 2))  # another key upstream, equal content downstream: a hit
    assert len(calls) == 1
