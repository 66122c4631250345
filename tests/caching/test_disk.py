"""The disk layer: restarts, sharing between processes, the folder, and every way the disk can fail."""
from __future__ import annotations

import errno
import shutil
import os
import stat
import subprocess
import sys
import textwrap
import time
import warnings

import numpy as np
import pandas as pd
import pytest

from nbapp.caching import CacheWarning, cache_data, default_cache_dir
from nbapp.caching import storage

# A cell of a notebook, run in fresh interpreters: every run prints how many
# times the body ran in that process.
APP = """
import os, sys, warnings
import numpy as np, pandas as pd
import nbapp.caching as cache
calls = 0

@cache.cache_data
def load(n):
    global calls
    calls += 1
    df = pd.DataFrame({"x": np.arange(float(n)), "s": [str(i) for i in range(n)]})
    df["y"] = df["x"] * 2  # built column by column: copies of it may be laid out differently
    return df

@cache.cache_data
def total(df):   # a pipeline step: its key hashes the cached frame
    global calls
    calls += 1
    return float(df["y"].sum())

@cache.cache_data
def big():
    global calls
    calls += 1
    return np.arange(400_000.0)   # 3.2 MB: memory-mapped when read back

with warnings.catch_warnings():
    warnings.simplefilter("error", cache.CacheWarning)
    df = load(5)
    arr = big()
    y = total(df)
mapped = isinstance(arr.base, np.memmap)
print(calls, int(df["x"].sum()), "".join(df["s"]), type(arr).__name__, mapped, arr.flags.writeable, float(arr[-1]), y,
      "streamlit" in sys.modules)   # Streamlit is a bench-only extra: the cache never imports it
"""


def test_entries_survive_a_kernel_restart(cache_dir, run_python):
    first = run_python(APP).stdout.split()
    second = run_python(APP).stdout.split()
    # The big array is a read-only view of a mapping of the entry just written.
    assert first == ["3", "10", "01234", "ndarray", "True", "False", "399999.0", "20.0", "False"]
    # No call in the second process, the pipeline step included (the frame read
    # back hashes as before).
    assert second == ["0", "10", "01234", "ndarray", "True", "False", "399999.0", "20.0", "False"]


def test_default_folder_is_created_private(cache_dir):
    @cache_data
    def f():
        return 1

    f()
    assert os.path.isdir(cache_dir)
    assert stat.S_IMODE(os.stat(cache_dir).st_mode) == 0o700
    assert storage.get_disk_store().count() == 1


def test_folder_from_environment_and_from_argument(tmp_path, monkeypatch):
    monkeypatch.setenv("NBAPP_CACHE_DIR", str(tmp_path / "env"))
    assert default_cache_dir() == str(tmp_path / "env")

    @cache_data(cache_dir=tmp_path / "arg")
    def f():
        return 1

    f()
    assert storage.get_disk_store(tmp_path / "arg").count() == 1
    assert not (tmp_path / "env").exists()


def test_default_folder_follows_xdg(monkeypatch, tmp_path):
    monkeypatch.delenv("NBAPP_CACHE_DIR")
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    assert default_cache_dir() == str(tmp_path / "nbapp")
    monkeypatch.delenv("XDG_CACHE_HOME")
    assert default_cache_dir() == os.path.join(os.path.expanduser("~"), ".cache", "nbapp")


@pytest.mark.skipif(not hasattr(os, "geteuid"), reason="POSIX permissions")
def test_folder_writable_by_others_is_not_used(cache_dir, counter):
    os.makedirs(cache_dir)
    os.chmod(cache_dir, 0o777)

    @cache_data
    def f():
        return counter()

    with pytest.warns(CacheWarning, match="writable by other users"):
        assert f() == 1
    assert f() == 1  # still cached, in memory
    assert not os.path.exists(os.path.join(cache_dir, "joblib"))


def entry_file(cache_dir):
    [path] = [os.path.join(d, "output.pkl") for d, _, files in os.walk(cache_dir) if "output.pkl" in files]
    return path


def truncate(path):
    with open(path, "r+b") as f:
        f.truncate(os.path.getsize(path) // 2)


def flip_a_data_byte(path):
    with open(path, "r+b") as f:
        f.seek(os.path.getsize(path) - 100)  # inside the array data, before the trailer
        byte = f.read(1)
        f.seek(-1, os.SEEK_CUR)
        f.write(bytes([byte[0] ^ 0xFF]))


def replace_with_garbage(path):
    with open(path, "wb") as f:
        f.write(os.urandom(5000))


def empty(path):
    open(path, "wb").close()


def plain_joblib_pickle(path):
    import joblib

    joblib.dump(np.arange(1000.0) + 1, path)  # a valid pickle of the wrong value, no checksum


@pytest.mark.parametrize("damage", [truncate, flip_a_data_byte, replace_with_garbage, empty, plain_joblib_pickle])
def test_corrupt_entry_is_recomputed_with_a_warning(cache_dir, counter, damage):
    @cache_data
    def f():
        counter()
        return np.arange(1000.0)

    f()
    damage(entry_file(cache_dir))
    f._cache.memory.clear()  # as after a kernel restart: the next call reads the disk
    with pytest.warns(CacheWarning, match="could not be read .*recomputing"):
        assert f().sum() == 499500.0  # the right value, not the damaged one
    assert counter.calls == 2
    f._cache.memory.clear()
    with warnings.catch_warnings():
        warnings.simplefilter("error", CacheWarning)
        assert f().sum() == 499500.0  # the entry was rewritten whole
    assert counter.calls == 2


def test_corrupt_entry_after_a_restart_is_recomputed(cache_dir, run_python):
    source = """
    import warnings, numpy as np, nbapp.caching as cache
    calls = 0
    @cache.cache_data
    def f():
        global calls
        calls += 1
        return np.arange(300_000.0)   # memory-mapped on load
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        value = f()
    print(calls, value.sum(), len([w for w in caught if issubclass(w.category, cache.CacheWarning)]))
    """
    assert run_python(source).stdout.split() == ["1", "44999850000.0", "0"]
    flip_a_data_byte(entry_file(cache_dir))
    assert run_python(source).stdout.split() == ["1", "44999850000.0", "1"]


def test_checksum_mismatch_is_named_in_the_warning(cache_dir, counter):
    @cache_data
    def f():
        counter()
        return pd.DataFrame({"x": np.arange(100)})

    f()
    flip_a_data_byte(entry_file(cache_dir))
    f._cache.memory.clear()
    with pytest.warns(CacheWarning, match="checksum mismatch"):
        assert f()["x"].sum() == 4950
    assert counter.calls == 2


@pytest.mark.parametrize("code", [errno.EROFS, errno.ENOSPC, errno.EACCES])
def test_unwritable_folder_degrades_to_memory_with_one_warning(counter, monkeypatch, code):
    def fail(*args, **kwargs):
        raise OSError(code, os.strerror(code))

    monkeypatch.setattr(storage.os, "replace", fail)

    @cache_data
    def f(x):
        counter()
        return np.arange(x)

    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        f(1), f(2), f(3), f(1), f(2)
    messages = [str(w.message) for w in caught if issubclass(w.category, CacheWarning)]
    assert len(messages) == 1 and os.strerror(code) in messages[0] and "memory only" in messages[0]
    assert counter.calls == 3  # the memory layer still answers hits
    assert not [name for _, _, files in os.walk(storage.get_disk_store().location) for name in files
                if name.endswith(".tmp")]


def check_degrades_to_memory(counter) -> None:
    """A cached call warns that values stay in memory only, and the memory layer still answers hits."""
    @cache_data
    def f():
        return counter()

    with pytest.warns(CacheWarning, match="memory only"):
        assert f() == 1
    assert f() == 1


def permissions_enforced(tmp_path) -> bool:
    """False for root with CAP_DAC_OVERRIDE, which writes into read-only folders anyway."""
    probe = tmp_path / "probe"
    probe.mkdir(mode=0o500)
    try:
        (probe / "x").touch()
    except PermissionError:
        return True
    finally:
        probe.chmod(0o700)
    return False


def test_real_read_only_folder_degrades_to_memory(cache_dir, counter, tmp_path):
    if not permissions_enforced(tmp_path):
        pytest.skip("root writes to read-only folders; the degrade path is covered by the EROFS test above")
    os.makedirs(cache_dir / "joblib")
    os.chmod(cache_dir, 0o700)
    os.chmod(cache_dir / "joblib", 0o500)
    try:
        check_degrades_to_memory(counter)
    finally:
        os.chmod(cache_dir / "joblib", 0o700)


def test_folder_that_cannot_be_created_degrades_to_memory(tmp_path, monkeypatch, counter):
    (tmp_path / "a-file").write_text("")
    monkeypatch.setenv("NBAPP_CACHE_DIR", str(tmp_path / "a-file" / "cache"))  # fails even as root
    check_degrades_to_memory(counter)


def test_folder_deleted_while_running_is_recreated_private(cache_dir):
    @cache_data
    def f(x):
        return x

    f(1)
    shutil.rmtree(cache_dir)
    f(2)
    assert stat.S_IMODE(os.stat(cache_dir).st_mode) == 0o700
    assert storage.get_disk_store().count() == 1


@pytest.mark.skipif(sys.platform == "win32", reason="RLIMIT_FSIZE is POSIX")
def test_full_disk_degrades_to_memory_with_one_warning(cache_dir, run_python):
    # A real write error, also as root: the file size limit makes the kernel
    # refuse writes past 64 KB with EFBIG, as a full disk refuses with ENOSPC.
    source = """
    import resource, signal, warnings, numpy as np, nbapp.caching as cache
    signal.signal(signal.SIGXFSZ, signal.SIG_IGN)
    resource.setrlimit(resource.RLIMIT_FSIZE, (65536, 65536))
    calls = 0
    @cache.cache_data
    def f(n):
        global calls
        calls += 1
        return np.zeros(n)
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        f(10), f(100_000), f(200_000), f(100_000), f(10)
    print(calls, [str(w.message) for w in caught])
    """
    out = run_python(source).stdout
    assert out.startswith("3 [")
    assert out.count("memory only") == 1
    assert storage.get_disk_store().count() == 1  # only the small entry made it


TWO_WRITERS = """
import os, sys, time, numpy as np
from nbapp.caching.storage import DiskStore
store = DiskStore(sys.argv[1])
tag, ready = int(sys.argv[2]), sys.argv[3]
open(f"{ready}-{tag}", "w").close()
while not (os.path.exists(f"{ready}-1") and os.path.exists(f"{ready}-2")):
    time.sleep(0.001)  # both writers start together, whatever their import times
for i in range(10):
    store.dump(("f", "v", "0" * 32), np.full(500_000, tag * 100 + i, dtype=np.int64))
"""

READER = """
import os, sys, warnings, numpy as np
from nbapp.caching.storage import DiskStore
warnings.simplefilter("error")
store = DiskStore(sys.argv[1])
seen = set()
while True:
    done = os.path.exists(sys.argv[2])
    found, value, _ = store.load(("f", "v", "0" * 32), ttl=None)
    if found:
        assert (value == value[0]).all(), "torn entry"
        seen.add(int(value[0]))
    if done:  # one last read after both writers finished
        break
print(len(seen))
"""


def test_two_processes_writing_one_key_leave_one_valid_entry(cache_dir, tmp_path, child_env):
    env = child_env
    writer, reader = tmp_path / "writer.py", tmp_path / "reader.py"
    writer.write_text(TWO_WRITERS)
    reader.write_text(READER)
    stop = tmp_path / "writers-done"
    procs = [subprocess.Popen([sys.executable, str(writer), str(cache_dir), str(tag), str(tmp_path / "ready")],
                              env=env, stderr=subprocess.PIPE, text=True) for tag in (1, 2)]
    watcher = subprocess.Popen([sys.executable, str(reader), str(cache_dir), str(stop)], env=env,
                               stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    for proc in procs:
        assert proc.wait(60) == 0, proc.stderr.read()
    stop.touch()
    out, err = watcher.communicate(timeout=60)
    assert watcher.returncode == 0, err  # never a torn or corrupt entry, never a warning
    assert int(out) >= 1

    found, value, _ = storage.DiskStore(str(cache_dir)).load(("f", "v", "0" * 32), ttl=None)
    assert found and value[0] in (109, 209) and (value == value[0]).all()
    leftovers = [n for _, _, files in os.walk(cache_dir) for n in files if n not in ("output.pkl", ".gitignore")]
    assert leftovers == []


def test_two_kernels_calling_one_cached_function_share_the_entry(cache_dir, child_env, run_python):
    source = """
    import sys, time, nbapp.caching as cache
    calls = 0
    @cache.cache_data
    def f(x):
        global calls
        calls += 1
        return [x] * 1000
    while time.time() < START:
        time.sleep(0.001)
    assert f(7) == [7] * 1000
    print(calls)
    """
    code = source.replace("START", str(time.time() + 1.0))
    env = child_env
    procs = [subprocess.Popen([sys.executable, "-c", textwrap.dedent(code)], env=env, stdout=subprocess.PIPE,
                              stderr=subprocess.PIPE, text=True) for _ in range(2)]
    outs = [p.communicate(timeout=60) for p in procs]
    assert all(p.returncode == 0 for p in procs), outs
    assert sorted(out.strip() for out, _ in outs) in (["0", "1"], ["1", "1"])
    assert run_python(source.replace("START", "0")).stdout.strip() == "0"
    assert storage.get_disk_store().count() == 1


def test_clear_all_in_a_fresh_process_removes_the_disk_store(cache_dir, run_python):
    run_python(APP)
    assert storage.get_disk_store().count() == 3
    run_python("import nbapp.caching; nbapp.caching.clear_all()")
    assert storage.get_disk_store().count() == 0
    assert run_python(APP).stdout.split()[0] == "3"


def test_function_clear_removes_its_disk_entries_only(cache_dir, counter):
    @cache_data
    def f(x):
        return x

    @cache_data
    def g(x):
        return x

    f(1), f(2), g(1)
    store = storage.get_disk_store()
    assert store.count() == 3
    f.clear()
    assert store.count() == 1


def test_max_entries_also_bounds_the_disk(cache_dir):
    @cache_data(max_entries=2)
    def f(x):
        return x

    for x in range(5):
        f(x)
    assert f._cache.disk_entries() == 2


def test_ttl_applies_to_disk_entries(cache_dir, counter, monkeypatch):
    @cache_data(ttl=60)
    def f():
        return counter()

    assert f() == 1
    f._cache.memory.clear()  # as after a restart
    assert f() == 1  # fresh on disk
    path = entry_file(cache_dir)
    os.utime(path, (os.path.getmtime(path) - 120,) * 2)
    f._cache.memory.clear()
    assert f() == 2  # written two minutes ago: expired
    assert storage.get_disk_store().count() == 1


def test_persist_false_writes_nothing(cache_dir, counter):
    @cache_data(persist=False)
    def f():
        return counter()

    f(), f()
    assert counter.calls == 1
    assert not os.path.exists(cache_dir)
