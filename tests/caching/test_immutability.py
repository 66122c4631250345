"""Mutating what cache_data returned never changes the cache, and big data is not copied per hit."""
from __future__ import annotations

import gc
import warnings

import numpy as np
import pandas as pd
import pytest

from nbapp.caching import cache_data

pytestmark = pytest.mark.filterwarnings("ignore::pandas.errors.ChainedAssignmentError")


@pytest.fixture(params=[True, False], ids=["disk", "memory"])
def persist(request):
    return request.param


def test_ndarray_hits_are_read_only_views_of_one_buffer(persist):
    @cache_data(persist=persist)
    def make():
        return np.arange(10.0)

    first, second = make(), make()
    assert not first.flags.writeable and not second.flags.writeable
    assert np.shares_memory(first, second)  # zero copy
    with pytest.raises(ValueError, match="read-only"):
        first[0] = 99
    with pytest.raises(ValueError):
        first.flags.writeable = True
    writable = first.copy()
    writable[0] = 99
    assert make()[0] == 0.0


def test_big_array_hits_are_read_only_mappings_that_cannot_be_made_writable():
    @cache_data
    def make():
        return np.arange(300_000.0)  # 2.4 MB: kept as a read-only mapping of its entry

    for hit in (make(), make()):
        assert type(hit) is np.ndarray and not hit.flags.writeable
        with pytest.raises(ValueError):
            hit.flags.writeable = True
        assert isinstance(hit.base, np.memmap)  # the cache's own copy: a read-only mapping
        with pytest.raises(ValueError):
            hit.base.flags.writeable = True
    assert make()[-1] == 299_999.0


def test_reshaping_a_hit_in_place_does_not_reshape_the_cache():
    @cache_data
    def make():
        return np.arange(6)

    a = make()
    a.shape = (2, 3)
    assert make().shape == (6,)


def test_result_is_copied_once_on_a_miss_so_the_functions_own_array_cannot_change_it():
    holder = {"table": np.zeros(4)}  # a dict: not part of the key, like a module global

    @cache_data
    def get():
        return holder["table"]

    assert get().sum() == 0
    holder["table"][:] = 1  # the function's object, mutated later
    assert get().sum() == 0
    assert holder["table"].flags.writeable  # the function's array was not frozen


def frame():
    return pd.DataFrame({
        "x": np.arange(5.0),
        "n": np.arange(5),
        "s": list("abcde"),
        "c": pd.Categorical(list("aabbc")),
        "i": pd.array([1, None, 3, 4, 5], dtype="Int64"),
        "t": pd.date_range("2024-01-01", periods=5),
    })


@pytest.mark.parametrize("mutate", [
    lambda df: df.iloc.__setitem__((0, 0), 99.0),
    lambda df: df.__setitem__("x", 0.0),
    lambda df: df.loc.__setitem__((1, "s"), "zz"),
    lambda df: df.loc.__setitem__((2, "i"), 7),
    lambda df: df.loc.__setitem__((3, "c"), "c"),
    lambda df: df.__setitem__("new", 1),
    lambda df: df.__delitem__("n"),
    lambda df: setattr(df, "columns", ["a", "b", "c", "d", "e", "f"]),
    lambda df: df.insert(0, "first", 1),
    lambda df: setattr(df.index, "name", "idx"),
    lambda df: setattr(df.columns, "name", "cols"),
    lambda df: df["x"].iloc.__setitem__(0, 5.0),  # chained assignment: never reaches the frame
], ids=["iloc", "column", "str", "Int64", "category", "new-column", "del", "set-columns", "insert", "index-name",
        "columns-name", "chained"])
def test_dataframe_hits_can_be_mutated_without_touching_the_cache(mutate, persist):
    @cache_data(persist=persist)
    def load():
        return frame()

    hit = load()
    mutate(hit)
    pd.testing.assert_frame_equal(load(), frame())


@pytest.mark.parametrize("column", ["x", "n", "s", "c", "i", "t"])
def test_writing_through_series_array_never_changes_the_cache(column):
    # Series.array is the one place where pandas copy-on-write does not protect:
    # numpy-backed buffers are read-only (the write raises), Arrow-backed ones
    # are replaced in the hit's own array.
    @cache_data
    def load():
        return frame()

    hit = load()
    try:
        hit[column].array[0] = hit[column].array[1]
    except (ValueError, TypeError) as exc:
        assert "read-only" in str(exc)
    pd.testing.assert_frame_equal(load(), frame())


def test_dataframe_hits_share_memory_with_the_cache():
    @cache_data
    def load():
        return pd.DataFrame({"x": np.arange(1000.0)})

    a, b = load(), load()
    assert a is not b
    assert np.shares_memory(a["x"].to_numpy(), b["x"].to_numpy())


def test_derived_frame_stays_writable_after_the_entry_is_evicted():
    # df.rename() shares the cache's read-only buffers; pandas copies before
    # writing only while the cache's master is alive, so eviction must keep it.
    @cache_data(max_entries=1, persist=False)
    def load(n):
        return pd.DataFrame({"x": np.arange(float(n))})

    derived = load(3).rename(columns={"x": "y"})
    load(4)  # evicts load(3)
    gc.collect()
    derived.loc[0, "y"] = 42.0
    assert derived.loc[0, "y"] == 42.0
    assert load(3)["x"].tolist() == [0.0, 1.0, 2.0]


def test_series_and_index_hits():
    @cache_data
    def series():
        return pd.Series([1, 2, 3], name="s")

    @cache_data
    def index():
        return pd.Index(["a", "b"], name="i")

    s = series()
    s.iloc[0] = 100
    s.name = "other"
    assert series().tolist() == [1, 2, 3] and series().name == "s"
    i = index()
    i.name = "changed"
    assert index().name == "i"


def test_arrays_and_frames_inside_tuples_and_dicts_are_zero_copy():
    @cache_data
    def split():
        X = np.ones((4, 2))
        return {"train": (X, pd.Series([1, 2, 3, 4])), "meta": {"rows": 4}}

    a, b = split(), split()
    assert np.shares_memory(a["train"][0], b["train"][0])
    assert not a["train"][0].flags.writeable
    a["meta"]["rows"] = 0
    a["train"] = None
    assert split()["meta"]["rows"] == 4
    assert split()["train"][1].tolist() == [1, 2, 3, 4]


def test_shared_references_survive_a_hit():
    @cache_data
    def pair():
        a = np.arange(3)
        return [a, a]

    first, second = pair()
    assert first is second


class Box:
    def __init__(self):
        self.items = [1]
        self.array = np.arange(3)


def test_other_objects_come_back_as_fresh_copies():
    @cache_data
    def make():
        return Box()

    box = make()
    box.items.append(2)
    box.array[0] = 99  # arrays inside an arbitrary object are part of its fresh copy
    again = make()
    assert again.items == [1] and again.array[0] == 0
    assert again is not box


def test_object_frames_holding_mutable_cells_are_copied():
    @cache_data
    def load():
        return pd.DataFrame({"lists": [[1], [2]]})

    load().iloc[0, 0].append(99)
    assert load().iloc[0, 0] == [1]


def test_immutable_scalars_are_returned_as_they_are():
    @cache_data
    def answer():
        return ("deep", 42)

    assert answer() is answer()


def test_first_call_returns_an_immutable_value_too():
    @cache_data
    def make():
        return np.arange(3)

    with pytest.raises(ValueError):
        make()[0] = 1


def test_no_pandas_warnings_when_mutating_hits():
    @cache_data
    def load():
        return frame()

    with warnings.catch_warnings():
        warnings.simplefilter("error")
        hit = load()
        hit.loc[0, "x"] = 3.0
        hit["y"] = hit["x"] * 2
