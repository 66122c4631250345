"""st.cache_resource: one shared object per key per process, never copied."""
from __future__ import annotations

import threading
import time

import numpy as np
import pytest

from nbapp.caching import cache_data, cache_resource
from nbapp.caching import storage


class Connection:
    def __init__(self, url):
        self.url = url
        self.open = True
        self.lock = threading.Lock()  # not picklable: fine for a resource


def test_same_arguments_return_the_very_same_object(counter):
    @cache_resource
    def connect(url):
        counter()
        return Connection(url)

    a, b = connect("db://a"), connect("db://a")
    assert a is b
    assert connect("db://b") is not a
    assert counter.calls == 2


def test_mutations_are_shared_and_nothing_is_copied():
    @cache_resource
    def model():
        return {"weights": np.zeros(3)}

    model()["weights"][0] = 5.0
    assert model()["weights"][0] == 5.0
    assert model()["weights"].flags.writeable


def test_validate_drops_a_stale_object(counter):
    @cache_resource(validate=lambda conn: conn.open)
    def connect():
        counter()
        return Connection("db://a")

    first = connect()
    assert connect() is first
    first.open = False
    second = connect()
    assert second is not first and second.open
    assert counter.calls == 2


def test_concurrent_first_calls_from_two_threads_compute_once(counter):
    started = threading.Event()
    release = threading.Event()

    @cache_resource
    def load_model():
        counter()
        started.set()
        release.wait(5)
        return object()

    results = []
    threads = [threading.Thread(target=lambda: results.append(load_model())) for _ in range(2)]
    threads[0].start()
    assert started.wait(5)  # the first thread is computing
    threads[1].start()      # the second arrives while it does
    time.sleep(0.2)  # let them reach the key's lock (the result is the same if they are late)
    release.set()
    for t in threads:
        t.join(5)
    assert counter.calls == 1
    assert results[0] is results[1]


def test_ttl_and_max_entries(counter, monkeypatch):
    now = [0.0]
    monkeypatch.setattr(storage, "_now", lambda: now[0])

    @cache_resource(ttl=10, max_entries=2)
    def make(x):
        counter()
        return [x]

    make(1), make(2), make(1), make(3)  # 2 is the least recently used
    assert counter.calls == 3
    make(2)
    assert counter.calls == 4
    now[0] = 11
    make(2)
    assert counter.calls == 5


def test_clear(counter):
    @cache_resource
    def make(x):
        counter()
        return [x]

    @cache_data(persist=False)
    def data(x):
        counter()
        return x

    first = make(1)
    make.clear()
    assert make(1) is not first
    data(1)
    cache_resource.clear()
    make(1)
    data(1)  # cache_resource.clear leaves cache_data alone
    assert counter.calls == 4


def test_unhashable_arguments_can_be_skipped_with_an_underscore(counter):
    @cache_resource
    def session(name, _conn):
        counter()
        return (name, _conn.url)

    assert session("a", Connection("db://x")) is session("a", Connection("db://y"))
    assert counter.calls == 1


def test_resource_and_data_caches_of_one_function_are_separate():
    def make():
        return [1]

    shared = cache_resource(make)
    copied = cache_data(make)
    shared().append(2)
    assert copied() == [1]
    assert shared() == [1, 2]


@pytest.mark.parametrize("decorator", [cache_data, cache_resource])
def test_methods_and_their_clear(decorator, counter):
    class Service:
        def __init__(self, name):
            self.name = name

        @decorator
        def fetch(self, x):
            counter()
            return (self.name, x)

    s = Service("a")
    assert s.fetch(1) == ("a", 1)
    assert s.fetch(1) == ("a", 1)
    assert counter.calls == 1
    s.fetch.clear()
    s.fetch(1)
    assert counter.calls == 2
