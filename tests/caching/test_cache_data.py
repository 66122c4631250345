"""st.cache_data as a user sees it: what is a hit, what is a miss, options, errors."""
from __future__ import annotations

import datetime
import threading
import time
import warnings

import numpy as np
import pytest

from nbapp.caching import (
    CacheOptionError,
    UnhashableParamError,
    UnserializableReturnValueError,
    cache,
    cache_data,
    cache_resource,
)
from nbapp.caching import storage


def test_second_call_with_same_arguments_is_a_hit(counter):
    @cache_data
    def square(x):
        counter()
        return x * x

    assert square(3) == 9
    assert square(3) == 9
    assert counter.calls == 1
    assert square(4) == 16
    assert counter.calls == 2


def test_positional_keyword_and_default_spellings_share_one_entry(counter):
    @cache_data
    def scale(x, factor=2):
        counter()
        return x * factor

    assert scale(3) == scale(3, 2) == scale(x=3) == scale(3, factor=2) == 6
    assert counter.calls == 1


def test_arguments_of_different_types_are_different_keys(counter):
    @cache_data
    def kind(x):
        counter()
        return type(x).__name__

    assert [kind(1), kind(1.0), kind("1"), kind(True)] == ["int", "float", "str", "bool"]
    assert counter.calls == 4


def test_underscore_parameters_are_left_out_of_the_key(counter):
    @cache_data
    def query(sql, _connection):
        counter()
        return f"{sql} via {_connection}"

    assert query("select 1", "conn-a") == "select 1 via conn-a"
    assert query("select 1", "conn-b") == "select 1 via conn-a"  # same key: the stored value
    assert counter.calls == 1


def test_underscore_keywords_in_kwargs_are_left_out_of_the_key(counter):
    @cache_data
    def f(**options):
        counter()
        return options.get("x")

    assert f(x=1, _log="a") == 1
    assert f(x=1, _log="b") == 1
    assert counter.calls == 1


def test_unhashable_argument_names_function_argument_and_fix():
    @cache_data
    def summarize(data, lock):
        return 1

    with pytest.raises(UnhashableParamError) as info:
        summarize([1, 2], threading.Lock())
    message = str(info.value)
    assert "'lock'" in message and "summarize" in message
    assert "_lock" in message and "hash_funcs" in message
    assert "_thread.lock" in message


def test_hash_funcs_by_type_and_by_name(counter):
    class Connection:
        def __init__(self, url):
            self.url = url
            self.lock = threading.Lock()  # makes it unpicklable

    @cache_data(hash_funcs={Connection: lambda c: c.url})
    def rows(conn):
        counter()
        return conn.url.upper()

    assert rows(Connection("db://a")) == "DB://A"
    assert rows(Connection("db://a")) == "DB://A"
    assert rows(Connection("db://b")) == "DB://B"
    assert counter.calls == 2

    qualified = f"{Connection.__module__}.{Connection.__qualname__}"

    @cache_data(hash_funcs={qualified: lambda c: c.url})
    def rows_by_name(conn):
        counter()
        return conn.url

    rows_by_name(Connection("db://a"))
    rows_by_name(Connection("db://a"))
    assert counter.calls == 3


def test_hash_funcs_that_raises_is_reported_as_such():
    @cache_data(hash_funcs={int: lambda x: 1 / 0})
    def f(x):
        return x

    with pytest.raises(UnhashableParamError, match="hash_funcs function for builtins.int raised.*ZeroDivisionError"):
        f(1)


def test_large_arguments_are_hashed_by_whole_content(counter):
    @cache_data
    def total(a):
        counter()
        return float(a.sum())

    a = np.zeros(3_000_000)
    assert total(a) == 0.0
    b = a.copy()
    b[-1] = 1.0  # one element, far past any sample
    assert total(b) == 1.0
    assert total(a.copy()) == 0.0  # same content, another object: a hit
    assert counter.calls == 2


def test_editing_the_body_invalidates_but_comments_do_not(counter):
    namespace = {"counter": counter, "cache_data": cache_data, "__name__": "notebook_cell"}
    exec("@cache_data\ndef f(x):\n    counter()\n    return x + 1\n", namespace)
    assert namespace["f"](1) == 2
    exec("@cache_data\ndef f(x):\n    counter()\n    return x + 1  # a comment\n\n", namespace)
    assert namespace["f"](1) == 2
    assert counter.calls == 1
    exec("@cache_data\ndef f(x):\n    counter()\n    return x + 2\n", namespace)
    assert namespace["f"](1) == 3
    assert counter.calls == 2


def test_re_executed_cell_finds_its_entries(counter):
    # IPython compiles each execution of a cell under a new file name.
    source = "@cache_data\ndef load(n):\n    counter()\n    return list(range(n))\n"
    for filename in ("/tmp/ipykernel_1/111.py", "/tmp/ipykernel_1/222.py"):
        namespace = {"counter": counter, "cache_data": cache_data, "__name__": "__main__"}
        exec(compile(source, filename, "exec"), namespace)
        assert namespace["load"](3) == [0, 1, 2]
    assert counter.calls == 1


def test_two_functions_with_the_same_body_and_different_names_do_not_share(counter):
    @cache_data
    def a(x):
        counter()
        return x

    @cache_data
    def b(x):
        counter()
        return x

    a(1)
    b(1)
    assert counter.calls == 2


def test_methods_hash_self_and_underscore_self_is_skipped(counter):
    class Model:
        def __init__(self, k):
            self.k = k

        @cache_data
        def predict(self, x):
            counter()
            return x * self.k

        @cache_data
        def describe(_self, x):
            counter()
            return f"{x}:{_self.k}"

    assert Model(2).predict(3) == 6
    assert Model(2).predict(3) == 6  # equal instance state: same key
    assert Model(3).predict(3) == 9
    assert counter.calls == 2
    assert Model(1).describe("a") == "a:1"
    assert Model(5).describe("a") == "a:1"  # self is not in the key
    assert counter.calls == 3


def test_nested_function_keys_on_plain_closure_values(counter):
    def outer(n):
        @cache_data
        def inner(x):
            counter()
            return x * n

        return inner(10)

    assert outer(2) == 20
    assert outer(2) == 20  # a new function object each call, same entry
    assert outer(3) == 30  # another n: not the value computed for n=2
    assert counter.calls == 2


def test_nested_function_ignores_closed_over_objects(counter):
    log = []

    @cache_data
    def f(x):
        counter()
        log.append(x)  # a changing list must not make every call a miss
        return x

    f(1)
    f(1)
    assert counter.calls == 1


def test_max_entries_evicts_least_recently_used(counter):
    @cache_data(max_entries=2, persist=False)
    def f(x):
        counter()
        return x

    f(1), f(2), f(1), f(3)  # 2 is the least recently used when 3 arrives
    assert counter.calls == 3
    f(1)
    assert counter.calls == 3
    f(2)
    assert counter.calls == 4


def test_ttl_expires_entries(counter, monkeypatch):
    now = [1000.0]
    monkeypatch.setattr(storage, "_now", lambda: now[0])

    @cache_data(ttl=datetime.timedelta(seconds=10), persist=False)
    def f():
        return counter()

    assert f() == 1
    now[0] += 9
    assert f() == 1
    now[0] += 2
    assert f() == 2


@pytest.mark.parametrize("ttl, seconds", [(5, 5.0), (0.5, 0.5), ("1m", 60.0), ("2h", 7200.0),
                                          (datetime.timedelta(minutes=1), 60.0)])
def test_ttl_spellings(ttl, seconds, monkeypatch):
    now = [0.0]
    monkeypatch.setattr(storage, "_now", lambda: now[0])
    calls = []

    @cache_data(ttl=ttl, persist=False)
    def f():
        calls.append(1)

    f()
    now[0] = seconds * 0.99
    f()
    now[0] = seconds * 1.01
    f()
    assert len(calls) == 2


@pytest.mark.parametrize("option, value", [
    ("ttl", "abc"), ("ttl", -1), ("ttl", 0), ("ttl", True), ("ttl", [1]),
    ("max_entries", -1), ("max_entries", 0), ("max_entries", 2.5), ("max_entries", True),
    ("show_spinner", 1), ("show_time", "yes"), ("persist", "memory"), ("hash_funcs", {1: str}), ("hash_funcs", [int]),
])
def test_bad_options_name_the_argument_and_value(option, value):
    with pytest.raises(CacheOptionError) as info:
        cache_data(**{option: value})
    assert f"{option}={value!r}" in str(info.value)


def test_bad_resource_options_name_the_argument_and_value():
    with pytest.raises(CacheOptionError, match=r"validate=3"):
        cache_resource(validate=3)
    with pytest.raises(CacheOptionError, match=r"max_entries=-1"):
        cache_resource(max_entries=-1)


def test_positional_option_is_explained():
    with pytest.raises(CacheOptionError, match=r"ttl=60"):
        cache_data(60)


def test_clear_one_function_one_entry_or_everything(counter):
    @cache_data
    def f(x):
        counter()
        return x

    @cache_data
    def g(x):
        counter()
        return x

    f(1), f(2), g(1)
    assert counter.calls == 3
    f.clear(1)
    f(1), f(2)
    assert counter.calls == 4
    f.clear()
    f(1), f(2), g(1)
    assert counter.calls == 6
    cache_data.clear()
    g(1)
    assert counter.calls == 7


def test_function_errors_propagate_and_are_not_cached(counter):
    @cache_data
    def flaky(x):
        if counter() == 1:
            raise ValueError("first call fails")
        return x

    with pytest.raises(ValueError, match="first call fails"):
        flaky(1)
    assert flaky(1) == 1
    assert flaky(1) == 1
    assert counter.calls == 2


def test_wrong_arguments_raise_the_functions_own_type_error():
    @cache_data
    def f(x):
        return x

    with pytest.raises(TypeError, match="f\\(\\) missing 1 required positional argument"):
        f()


def test_unpicklable_result_suggests_cache_resource():
    @cache_data
    def make_lock():
        return threading.Lock()

    with pytest.raises(UnserializableReturnValueError, match="cache_resource"):
        make_lock()


def test_concurrent_first_calls_compute_once(counter):
    started, release = threading.Event(), threading.Event()

    @cache_data(persist=False)
    def slow(x):
        counter()
        started.set()
        release.wait(5)
        return [x]

    results = []
    threads = [threading.Thread(target=lambda: results.append(slow(1))) for _ in range(4)]
    threads[0].start()
    assert started.wait(5)  # the first thread is computing ...
    for t in threads[1:]:
        t.start()           # ... when the others ask for the same key
    time.sleep(0.2)  # let them reach the key's lock (the result is the same if they are late)
    release.set()
    for t in threads:
        t.join(5)
    assert counter.calls == 1
    assert results == [[1]] * 4


def test_st_cache_warns_naming_both_successors_and_caches(counter):
    with pytest.warns(DeprecationWarning, match="st.cache_data.*st.cache_resource"):
        @cache
        def f(x):
            counter()
            return [x]

    a = f(1)
    a.append(2)  # like cache_data: a fresh copy, the cache is untouched
    assert f(1) == [1]
    assert counter.calls == 1


def test_st_cache_with_allow_output_mutation_shares_the_object():
    with pytest.warns(DeprecationWarning):
        @cache(allow_output_mutation=True)
        def f():
            return []

    f().append(1)
    assert f() == [1]


def test_decorator_with_and_without_parentheses():
    @cache_data()
    def a():
        return 1

    @cache_data
    def b():
        return 2

    assert (a(), b()) == (1, 2)
    assert a.__name__ == "a" and b.__wrapped__.__name__ == "b"


def test_no_warnings_on_the_happy_path(no_cache_warnings, counter):
    @cache_data
    def f(x):
        counter()
        return {"x": np.arange(x)}

    with warnings.catch_warnings():
        warnings.simplefilter("error")
        f(3)
        f(3)
    assert counter.calls == 1
