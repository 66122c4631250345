"""The nbapp-fork kernel provisioner under a plain jupyter_client KernelManager: kernels forked from a warm parent."""
from __future__ import annotations

import configparser
import os
import signal
import sys
import time
import uuid
from pathlib import Path

import pytest
from jupyter_client.manager import KernelManager
from jupyter_client.provisioning.factory import KernelProvisionerFactory

from nbapp.serve import fork
from nbapp.serve.fork import ForkKernelSpecManager, ForkProvisioner, kernel_argv

REPO = Path(__file__).resolve().parents[2]
APP = '''\
import os
import numpy as np
import nbapp as st

@st.cache_resource
def load():
    with open("loads.txt", "a") as f:
        f.write(f"{os.getpid()}\\n")
    return np.arange(1_000_000)

data = load()
st.write(int(data.sum()))
'''


def output(kc, code: str, timeout: float = 20) -> str:
    """Run ``code`` in the kernel behind client ``kc``; return its stdout, or raise AssertionError with its error."""
    texts: list[str] = []
    errors: list[str] = []

    def hook(msg):
        if msg["msg_type"] == "stream":
            texts.append(msg["content"]["text"])
        elif msg["msg_type"] == "error":
            errors.append(msg["content"]["ename"] + ": " + msg["content"]["evalue"])

    kc.execute_interactive(code, output_hook=hook, timeout=timeout)
    assert not errors, errors
    return "".join(texts)


@pytest.fixture
def folder(tmp_path):
    """A folder with the app; every warm parent the test started is stopped after it."""
    (tmp_path / "app.py").write_text(APP, encoding="utf-8")
    yield tmp_path
    fork.close_all()


def manager(folder: Path, app: str = "app.py") -> KernelManager:
    """A KernelManager for python3 whose kernels are forked from ``app``'s warm parent (ipc transport in ``folder``)."""
    ksm = ForkKernelSpecManager(fork_config={"app": str(folder / app) if app else "", "app_cwd": str(folder)})
    return KernelManager(kernel_name="python3", kernel_spec_manager=ksm, transport="ipc",
                         connection_file=str(folder / f"kernel-{uuid.uuid4().hex[:8]}.json"))


def started(km: KernelManager, **kwargs):
    """Start ``km``'s kernel; return a client whose channels are ready."""
    km.start_kernel(**kwargs)
    kc = km.client()
    kc.start_channels()
    kc.wait_for_ready(timeout=60)
    return kc


def test_kernels_are_forked_from_one_warm_parent_that_loaded_the_cached_resource(folder):
    km1, km2 = manager(folder), manager(folder)
    kc1 = started(km1, env={**os.environ, "NBAPP_TEST_VAR": "one"})
    kc2 = started(km2)
    try:
        assert isinstance(km1.provisioner, ForkProvisioner) and km1.provisioner.forked is not None
        parent = fork.warm_parent(sys.executable, str(folder / "app.py"), str(folder))
        probe = "import os, numpy; print(os.getppid(), os.environ.get('NBAPP_TEST_VAR'), numpy.random.randint(1 << 30))"
        ppid1, var1, draw1 = output(kc1, probe).split()
        ppid2, var2, draw2 = output(kc2, probe).split()
        assert int(ppid1) == int(ppid2) == parent.pid
        assert (var1, var2) == ("one", "None")  # each kernel gets the environment it was launched with
        assert draw1 != draw2  # numpy's global random state is reseeded in each child
        # The app's st.cache_resource ran once, in the warm parent: the kernels read its result.
        run = f"from nbapp.testing import AppTest\nat = AppTest.from_file({str(folder / 'app.py')!r}).run()\n" \
              "print(at.markdown[0].value)"
        assert output(kc1, run).strip() == f"`{sum(range(1_000_000))}`"
        assert (folder / "loads.txt").read_text().split() == [str(parent.pid)]
    finally:
        for km, kc in ((km1, kc1), (km2, kc2)):
            kc.stop_channels()
            km.shutdown_kernel(now=True)
    assert not km1.is_alive() and not km2.is_alive()
    assert not list(folder.glob("kernel-*"))  # connection and ipc files removed


def test_interrupt_restart_and_shutdown(folder):
    km = manager(folder, app="")
    kc = started(km)
    try:
        first = km.provisioner.forked.pid
        output(kc, "x = 1")
        msg_id = kc.execute("import time; time.sleep(60)")
        time.sleep(0.5)
        km.interrupt_kernel()
        reply = kc.get_shell_msg(timeout=10)
        assert reply["parent_header"]["msg_id"] == msg_id and reply["content"]["ename"] == "KeyboardInterrupt"
        km.restart_kernel()
        kc.wait_for_ready(timeout=60)
        assert km.provisioner.forked.pid != first and km.is_alive()
        assert output(kc, "print('x' in dir())").strip() == "False"  # a fresh kernel
        with pytest.raises(ProcessLookupError):
            os.kill(first, 0)  # the old one was reaped by the warm parent
    finally:
        kc.stop_channels()
        km.shutdown_kernel()
    assert not km.is_alive() and not km.has_kernel


def test_a_killed_kernel_is_reported_dead_with_its_signal(folder):
    km = manager(folder, app="")
    kc = started(km)
    try:
        os.kill(km.provisioner.forked.pid, signal.SIGKILL)
        deadline = time.monotonic() + 10
        while km.is_alive() and time.monotonic() < deadline:
            time.sleep(0.05)
        assert not km.is_alive()
        assert km.provisioner.forked.exit_code == -signal.SIGKILL  # the warm parent reaped it and said how it ended
    finally:
        kc.stop_channels()
        km.shutdown_kernel(now=True)


def test_a_killed_warm_parent_takes_its_kernels_and_is_started_again(folder):
    km = manager(folder, app="")
    kc = started(km)
    parent = fork.warm_parent(sys.executable, "", str(folder))
    old = parent.pid
    try:
        os.kill(old, signal.SIGKILL)
        deadline = time.monotonic() + 10
        while km.is_alive() and time.monotonic() < deadline:
            time.sleep(0.05)
        assert not km.is_alive()  # PR_SET_PDEATHSIG: no orphan kernel outlives its warm parent
    finally:
        kc.stop_channels()
        km.shutdown_kernel(now=True)
    km2 = manager(folder, app="")
    kc2 = started(km2)
    try:
        assert parent.pid != old and km2.provisioner.forked is not None
        assert int(output(kc2, "import os; print(os.getppid())")) == parent.pid
    finally:
        kc2.stop_channels()
        km2.shutdown_kernel(now=True)


def test_a_saved_module_gets_a_new_warm_parent_and_the_old_one_keeps_its_kernels(folder):
    (folder / "helper.py").write_text("VALUE = 1\n", encoding="utf-8")
    (folder / "uses.py").write_text("import helper\nimport nbapp as st\nst.write(helper.VALUE)\n", encoding="utf-8")
    km1, km2 = manager(folder, app="uses.py"), manager(folder, app="uses.py")
    kc1 = started(km1)
    try:
        probe = "import helper, os; print(helper.VALUE, os.getppid())"
        value1, parent1 = output(kc1, probe).split()
        (folder / "helper.py").write_text("VALUE = 2\n", encoding="utf-8")
        os.utime(folder / "helper.py", (time.time() + 1, time.time() + 1))  # past the warm-up, whatever the clock's grain
        kc2 = started(km2)
        value2, parent2 = output(kc2, probe).split()
        assert (value1, value2) == ("1", "2") and parent1 != parent2  # the new page imports the saved module
        assert km1.is_alive() and output(kc1, probe).split() == [value1, parent1]  # the open page lives on
        kc2.stop_channels()
    finally:
        kc1.stop_channels()
        for km in (km1, km2):
            km.shutdown_kernel(now=True)
    deadline = time.monotonic() + 10
    while time.monotonic() < deadline and os.path.exists(f"/proc/{parent1}"):
        time.sleep(0.05)
    assert not os.path.exists(f"/proc/{parent1}")  # the retired warm parent left with its last kernel


@pytest.mark.parametrize("source, reason", [
    ("import threading, time\nthreading.Thread(target=time.sleep, args=(60,), name='poller').start()\n",
     "threads other than the main one are alive after its warm-up (poller)"),
    ("import sys, types\n"  # what torch looks like once an app put a tensor on the GPU
     "sys.modules['torch'] = types.SimpleNamespace(cuda=types.SimpleNamespace(is_initialized=lambda: True))\n",
     "CUDA was initialised during its warm-up"),
    ("import _ctypes, ctypes, os, shutil\n"  # what a CUDA library leaves in the process: libcuda mapped
     "shutil.copy(_ctypes.__file__, 'libcuda.so.1')\nctypes.CDLL(os.path.abspath('libcuda.so.1'))\n",
     "CUDA (libcuda) is loaded after its warm-up"),
    ("import zmq\nzmq.Context.instance()\n", "a zmq context was created during its warm-up"),
    ("raise RuntimeError('no database')\n", "its warm-up run raised"),
])
def test_an_app_that_is_not_fork_safe_gets_plain_kernels_and_one_warning(folder, caplog, source, reason):
    (folder / "unsafe.py").write_text("import nbapp as st\n" + source, encoding="utf-8")
    kms = [manager(folder, app="unsafe.py") for _ in range(2)]
    try:
        for km in kms:
            kc = started(km)
            assert km.provisioner.forked is None and km.provisioner.process is not None  # launched by LocalProvisioner
            assert output(kc, "print(1 + 1)").strip() == "2"
            kc.stop_channels()
    finally:
        for km in kms:
            km.shutdown_kernel(now=True)
    warnings = [r.getMessage() for r in caplog.records if "plain kernels" in r.getMessage()]
    assert len(warnings) == 1 and warnings[0].startswith("nbapp: serving unsafe.py with plain kernels: ")
    assert reason in warnings[0]


def test_nbapp_run_forks_unless_told_not_to(tmp_path):
    from nbapp.serve.options import ServeOptions
    from nbapp.serve.server import voila_config

    forked = voila_config(ServeOptions(path=tmp_path / "app.py"), 8501)
    assert forked.VoilaConfiguration.kernel_spec_manager_class is ForkKernelSpecManager
    assert forked.ForkKernelSpecManager.fork_config["app"] == str(tmp_path / "app.py")
    assert "jupyterlab-plotly" in forked.VoilaConfiguration.extension_denylist  # 4.8 MB of JS no page uses
    plain = voila_config(ServeOptions(path=tmp_path / "app.py", fork=False), 8501)
    assert "kernel_spec_manager_class" not in plain.VoilaConfiguration


def test_kernel_argv_reads_ipykernel_commands_only():
    assert kernel_argv([sys.executable, "-m", "ipykernel_launcher", "-f", "k.json"]) == ["-f", "k.json"]
    assert kernel_argv(["R", "--slave", "-e", "IRkernel::main()"]) is None


def test_the_provisioner_is_an_entry_point_jupyter_client_finds(tmp_path, monkeypatch):
    cfg = configparser.ConfigParser()
    cfg.read(REPO / "setup.cfg")
    declared = cfg["options.entry_points"]["jupyter_client.kernel_provisioners"].split()
    assert " ".join(declared) == f"{fork.PROVISIONER} = {fork.ENTRY_POINT}"
    # As installed: a distribution on sys.path declaring it (what `pip install` writes from setup.cfg).
    dist = tmp_path / "nbapp_fork_probe-1.0.dist-info"
    dist.mkdir()
    (dist / "METADATA").write_text("Metadata-Version: 2.1\nName: nbapp-fork-probe\nVersion: 1.0\n")
    (dist / "entry_points.txt").write_text(f"[{KernelProvisionerFactory.GROUP_NAME}]\n"
                                           f"{fork.PROVISIONER} = {fork.ENTRY_POINT}\n")
    monkeypatch.syspath_prepend(str(tmp_path))
    monkeypatch.setattr(KernelProvisionerFactory, "provisioners", {})
    assert KernelProvisionerFactory()._get_provisioner(fork.PROVISIONER).load() is ForkProvisioner


def test_widgets_the_warm_up_made_are_not_in_the_forked_kernels(folder):
    # pydeck's Deck makes an ipywidget on every call: made in the warm parent, it had no comm of the
    # kernels', and a served page asking for every widget's state waited for it forever.
    (folder / "widgets.py").write_text("import ipywidgets\nslider = ipywidgets.IntSlider()\n", encoding="utf-8")
    km = manager(folder, app="widgets.py")
    kc = started(km)
    try:
        assert isinstance(km.provisioner, ForkProvisioner) and km.provisioner.forked is not None
        probe = "from ipywidgets.widgets.widget import _instances\nprint(len(_instances))"
        assert output(kc, probe).strip() == "0"  # the kernel itself made none yet
    finally:
        kc.stop_channels()
        km.shutdown_kernel(now=True)


def test_a_forked_kernel_answers_the_pages_request_for_every_widget_state(folder):
    # A served page's widget manager opens ipywidgets' control comm and asks for all states in one
    # message; the warm parent imported ipywidgets with no kernel, so the target was not registered
    # and every page fell back to one round trip per widget.
    km = manager(folder)
    kc = started(km)
    try:
        assert isinstance(km.provisioner, ForkProvisioner) and km.provisioner.forked is not None
        output(kc, "import ipywidgets\nslider = ipywidgets.IntSlider(value=7)")
        comm_id = uuid.uuid4().hex
        for msg_type, content in (("comm_open", {"comm_id": comm_id, "target_name": "jupyter.widget.control", "data": {}}),
                                  ("comm_msg", {"comm_id": comm_id, "data": {"method": "request_states"}})):
            kc.shell_channel.send(kc.session.msg(msg_type, content, metadata={"version": "1.0.0"}))
        logged = []  # the kernel's log lines (ipykernel 7.4's shell thread also logs "No such comm" for the
        # request when it looks the comm up before the main thread has handled the comm_open: harmless)
        deadline = time.monotonic() + 20
        while time.monotonic() < deadline:
            msg = kc.get_iopub_msg(timeout=deadline - time.monotonic())
            logged.append(msg["content"].get("text", ""))
            data = msg["content"].get("data", {})
            assert msg["msg_type"] != "comm_close", logged  # "No such comm target registered: jupyter.widget.control"
            if msg["msg_type"] == "comm_msg" and data.get("method") == "update_states":
                break
        states = [s["state"] for s in data["states"].values() if s["model_name"] == "IntSliderModel"]
        assert [state["value"] for state in states] == [7]
    finally:
        kc.stop_channels()
        km.shutdown_kernel(now=True)


def test_a_forked_kernel_starts_with_the_whole_api_imported_by_its_warm_parent(folder):
    # `import nbapp` is lazy: the warm parent imports nbapp.api itself, so every kernel shares its
    # pages; an API first imported after the fork would be a private copy in each kernel.
    km = manager(folder, app="")  # no app run in the warm-up: its imports alone
    kc = started(km)
    try:
        assert isinstance(km.provisioner, ForkProvisioner) and km.provisioner.forked is not None
        probe = ("import sys\nst = sys.modules['nbapp']\n"
                 "print('nbapp.api' in sys.modules, 'nbapp.elements.widgets.slider' in sys.modules, 'slider' in vars(st))")
        assert output(kc, probe).strip() == "True True True"
    finally:
        kc.stop_channels()
        km.shutdown_kernel(now=True)
