"""st.cache_data's disk layer in object storage: an S3 API (moto's server) on 127.0.0.1, through s3fs/fsspec."""
from __future__ import annotations

import subprocess
import sys
import textwrap
import warnings

import pytest

pytest.importorskip("s3fs", reason="pip install s3fs (the test extra)")
moto_server = pytest.importorskip("moto.server", reason="pip install 'moto[server]' (the test extra)")

from nbapp.caching import CacheWarning  # noqa: E402
from nbapp.caching.remote import FsspecStore  # noqa: E402

BUCKET = "nbapp-shared"
APP = """
import nbapp as st
calls = 0

@st.cache_data
def heavy(n):
    global calls
    calls += 1
    return list(range(n))

assert heavy(1000) == list(range(1000))
print(calls)
"""


@pytest.fixture(scope="module")
def s3():
    """An S3 endpoint on 127.0.0.1 with an empty bucket; returns the environment that points at it."""
    import boto3

    server = moto_server.ThreadedMotoServer(ip_address="127.0.0.1", port=0, verbose=False)
    server.start()
    host, port = server.get_host_and_port()
    env = {"AWS_ENDPOINT_URL": f"http://{host}:{port}", "AWS_ACCESS_KEY_ID": "testing",
           "AWS_SECRET_ACCESS_KEY": "testing", "AWS_DEFAULT_REGION": "us-east-1"}
    boto3.client("s3", endpoint_url=env["AWS_ENDPOINT_URL"], region_name="us-east-1", aws_access_key_id="testing",
                 aws_secret_access_key="testing").create_bucket(Bucket=BUCKET)
    yield env
    server.stop()


@pytest.fixture
def location(s3, monkeypatch, request):
    from nbapp.caching import storage

    for name, value in s3.items():
        monkeypatch.setenv(name, value)
    url = f"s3://{BUCKET}/{request.node.name}"
    yield url
    storage._stores.pop(url, None)  # later tests' clear_all() must not reach a server that has stopped


def run(code: str, env: dict[str, str]) -> str:
    result = subprocess.run([sys.executable, "-c", textwrap.dedent(code)], env=env, capture_output=True, text=True,
                            timeout=120)
    assert result.returncode == 0, result.stderr
    return result.stdout.strip()


def test_a_second_process_hits_what_the_first_stored_in_the_bucket(location, child_env, s3):
    env = {**child_env, **s3, "NBAPP_CACHE_DIR": location}
    assert run(APP, env) == "1"  # computed, and stored as one object
    assert run(APP, env) == "0"  # another process (another server): a hit, the body never ran
    assert FsspecStore(location).count() == 1
    assert run("from nbapp.cli import main; main(['cache', 'clear'])", env) == "Cleared nbapp's cache (memory and disk)."
    assert FsspecStore(location).count() == 0
    assert run(APP, env) == "1"


def test_a_corrupt_object_is_a_miss_with_a_warning_and_is_removed(location):
    store = FsspecStore(location)
    parts = ("mod.f-0", "v1", "0" * 32)
    assert store.dump(parts, {"a": 1})
    path = store._path(parts) + "/output.pkl"
    data = bytearray(store.fs.cat_file(path))
    data[3] ^= 0xFF
    store.fs.pipe_file(path, bytes(data))
    with pytest.warns(CacheWarning, match="checksum mismatch"):
        assert store.load(parts, ttl=None)[0] is False
    assert store.count() == 0


def test_ttl_and_max_entries_apply_to_objects(location, monkeypatch):
    store = FsspecStore(location)
    for i in range(3):
        assert store.dump(("mod.f-0", "v1", str(i) * 32), i, max_entries=2)
    assert store.count() == 2 and store.load(("mod.f-0", "v1", "0" * 32), ttl=None)[0] is False
    found, value, _ = store.load(("mod.f-0", "v1", "2" * 32), ttl=3600)
    assert found and value == 2
    assert store.load(("mod.f-0", "v1", "2" * 32), ttl=-1)[0] is False  # expired: removed
    assert store.count() == 1


def test_an_unreachable_bucket_degrades_to_memory_with_one_warning(s3, monkeypatch):
    for name, value in s3.items():
        monkeypatch.setenv(name, value)
    store = FsspecStore("s3://no-such-bucket/cache")
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        assert store.dump(("mod.f-0", "v1", "0" * 32), 1) is False
        assert store.dump(("mod.f-0", "v1", "1" * 32), 1) is False
    messages = [str(w.message) for w in caught if w.category is CacheWarning]
    assert len(messages) == 1 and "cannot write to s3://no-such-bucket/cache" in messages[0]


def test_cache_dir_argument_may_be_a_url(location, counter):
    import nbapp as st

    @st.cache_data(cache_dir=location)
    def double(x):
        counter()
        return 2 * x

    assert double(21) == 42 and double(21) == 42 and counter.calls == 1
    assert FsspecStore(location).count() == 1


def test_clearing_an_unreachable_bucket_warns_and_does_not_raise(monkeypatch):
    monkeypatch.setenv("AWS_ENDPOINT_URL", "http://127.0.0.1:9")  # nothing listens on the discard port
    monkeypatch.setenv("AWS_MAX_ATTEMPTS", "1")
    import s3fs

    s3fs.S3FileSystem.clear_instance_cache()  # fsspec reuses a filesystem made with the moto endpoint
    store = FsspecStore("s3://gone/cache")
    with pytest.warns(CacheWarning, match="could not remove s3://gone/cache entries"):
        store.clear()
    assert store.count() == 0
    s3fs.S3FileSystem.clear_instance_cache()
